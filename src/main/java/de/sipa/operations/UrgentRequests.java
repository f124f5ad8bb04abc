package de.sipa.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.Accounts;
import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.Role;
import de.sipa.notifications.Mail;
import de.sipa.notifications.Notifications;
import de.sipa.partners.DistrictId;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.shared.BaseUrl;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.RuleViolationException;

/**
 * Short-notice requests between the partners (kurzfristige Anfrage, Sofortlage): the city asks the police (or the
 * other way round) for help the same day, without a deployment plan. Only the two organisations and the
 * coordination see a request. Every step is an entry in the operations log and in the audit trail; the other side
 * gets an e-mail.
 */
@Service
@Transactional
public class UrgentRequests {

    /** How far in the past a request may still be dated: one typed in afterwards about the night before. */
    static final Duration LATEST_PAST = Duration.ofDays(1);
    /** How long an event grown from a request lasts until someone plans it properly. */
    static final Duration EVENT_LENGTH = Duration.ofHours(4);
    /** What an entry of the operations log holds. */
    static final int LOG_LENGTH = 2000;

    private final UrgentRequestRepository requests;
    private final OperationsLog log;
    private final Events events;
    private final Organisations organisations;
    private final Partnerships partnerships;
    private final Accounts accounts;
    private final Notifications notifications;
    private final AuditTrail auditTrail;
    private final MessageSource messages;
    private final String baseUrl;
    private final Clock clock;

    UrgentRequests(UrgentRequestRepository requests, OperationsLog log, Events events, Organisations organisations,
            Partnerships partnerships, Accounts accounts, Notifications notifications, AuditTrail auditTrail,
            MessageSource messages, BaseUrl baseUrl, Clock clock) {
        this.requests = requests;
        this.log = log;
        this.events = events;
        this.organisations = organisations;
        this.partnerships = partnerships;
        this.accounts = accounts;
        this.notifications = notifications;
        this.auditTrail = auditTrail;
        this.messages = messages;
        this.baseUrl = baseUrl.value();
        this.clock = clock;
    }

    /** The requests the user's organisation sent or received (the coordination: all), unanswered first. */
    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public List<UrgentRequest> visible() {
        var user = CurrentUser.get();
        if (user.coordinates()) {
            return requests.all(user.partnership());
        }
        return user.organisation() == null ? List.of() : requests.involving(user.partnership(), user.organisation());
    }

    /** A request; refused (403) to anyone but the two organisations and the coordination. */
    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public UrgentRequest get(UrgentRequestId id) {
        var request = requests.find(CurrentUser.partnership(), id)
                .orElseThrow(() -> new NotFoundException("UrgentRequest", id));
        checkMaySee(request);
        return request;
    }

    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public List<LogEntry> log(UrgentRequestId id) {
        return log.ofRequest(get(id).id());
    }

    /** The request an event grew from, if the user may see it. */
    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public Optional<UrgentRequest> origin(EventId event) {
        return requests.ofEvent(CurrentUser.partnership(), event).filter(UrgentRequests::maySee);
    }

    /** Whether the user confirms and answers the request: the addressed organisation's staff and the coordination. */
    @PreAuthorize(OperationPermissions.READ)
    public boolean mayAnswer(UrgentRequest request) {
        var user = CurrentUser.get();
        return user.coordinates() || user.role() == Role.PARTNER && user.belongsTo(request.addressedTo());
    }

    @PreAuthorize(OperationPermissions.STAFF)
    public UrgentRequestId send(UrgentRequestForm form) {
        var user = CurrentUser.get();
        var byId = organisations.byId();
        var requester = user.coordinates() && form.requestingOrganisation() != null
                ? new OrganisationId(form.requestingOrganisation()) : user.organisation();
        if (requester == null || !byId.containsKey(requester)) {
            throw new RuleViolationException("urgentRequest.requester.required");
        }
        var addressed = new OrganisationId(form.addressedOrganisation());
        if (!byId.containsKey(addressed)) {
            throw new RuleViolationException("urgentRequest.addressedTo.required");
        }
        if (addressed.equals(requester)) {
            throw new RuleViolationException("urgentRequest.sameOrganisation");
        }
        var now = clock.instant();
        var neededAt = form.neededAt().atZone(clock.getZone()).toInstant();
        if (neededAt.isBefore(now.minus(LATEST_PAST))) {
            throw new RuleViolationException("urgentRequest.neededAt.past");
        }
        DistrictId district = form.districtId() == null ? null
                : partnerships.district(new DistrictId(form.districtId())).id();
        var request = new UrgentRequest(UrgentRequestId.random(), requester, addressed, neededAt,
                form.place().strip(), district, form.what().strip(), form.urgency(), user.username(), now, null, null,
                null, null, null, null, null);
        var partnership = user.partnership();
        requests.insert(partnership, request);
        var from = byId.get(requester).name();
        var to = byId.get(addressed).name();
        var when = format(neededAt);
        log.record(request.id(), text("urgentRequest.log.sent", to, when, request.place(), request.what(),
                text("urgentRequest.urgency." + request.urgency())));
        auditTrail.record(AuditAction.CREATED, "UrgentRequest", request.id(),
                auditTrail.summary("audit.urgentRequest.sent", from, to, when, request.place()));
        mail(addressed, "mail.urgentRequest.sent", from, to, when, request.place(), request.what(),
                text("urgentRequest.urgency." + request.urgency()), link(request));
        return request.id();
    }

    /** The addressed organisation confirms having seen the request; how many minutes it took is kept. */
    @PreAuthorize(OperationPermissions.STAFF)
    public void acknowledge(UrgentRequestId id) {
        var request = lockToAnswer(id);
        var user = CurrentUser.get();
        var acknowledged = request.acknowledge(user.username(), clock.instant());
        requests.update(user.partnership(), acknowledged);
        var minutes = acknowledged.minutesToAcknowledge();
        var by = name(user.organisation(), user.displayName());
        log.record(id, text("urgentRequest.log.acknowledged", by, minutes));
        auditTrail.record(AuditAction.CHANGED, "UrgentRequest", id,
                auditTrail.summary("audit.urgentRequest.acknowledged", name(request.addressedTo()), minutes));
        mail(request.requestedBy(), "mail.urgentRequest.acknowledged", name(request.addressedTo()), request.what(),
                user.displayName(), minutes, link(request));
    }

    /** A Zusage or an Absage (with its reason) from the addressed organisation; the asking one is told by e-mail. */
    @PreAuthorize(OperationPermissions.STAFF)
    public void answer(UrgentRequestId id, boolean accepted, String text) {
        var request = lockToAnswer(id);
        var user = CurrentUser.get();
        var answered = request.answer(accepted, Events.blankToNull(text), user.username(), clock.instant());
        requests.update(user.partnership(), answered);
        var kind = accepted ? "accepted" : "declined";
        var answerText = answered.answerText() == null ? "–" : answered.answerText();
        log.record(id, text("urgentRequest.log." + kind, name(user.organisation(), user.displayName()), answerText));
        auditTrail.record(AuditAction.CHANGED, "UrgentRequest", id,
                auditTrail.summary("audit.urgentRequest." + kind, name(request.addressedTo()), request.place()));
        mail(request.requestedBy(), "mail.urgentRequest." + kind, name(request.addressedTo()), request.what(),
                answerText, user.displayName(), link(request));
    }

    /**
     * Turns an accepted request into an event with its time and place, to get a deployment plan; the request and
     * the event link to each other and the event's log starts with where it came from.
     */
    @PreAuthorize(OperationPermissions.PLAN)
    public EventId turnIntoEvent(UrgentRequestId id) {
        var partnership = CurrentUser.partnership();
        var request = requests.lock(partnership, id).orElseThrow(() -> new NotFoundException("UrgentRequest", id));
        checkMaySee(request);
        request.checkMayGrow();
        var zone = clock.getZone();
        var startsAt = request.neededAt().atZone(zone).toLocalDateTime();
        var name = shortened(text("urgentRequest.eventName", request.place(), request.what()), 200);
        var from = name(request.requestedBy());
        var to = name(request.addressedTo());
        var event = events.plan(new EventDetails(EventType.OTHER_MAJOR_EVENT, name, startsAt,
                startsAt.plus(EVENT_LENGTH), request.district() == null ? null : request.district().value(), null, null,
                RiskLevel.MEDIUM, text("urgentRequest.eventAssessment", from, to, request.what(),
                        request.answerText() == null ? "–" : request.answerText())));
        requests.update(partnership, request.grownInto(event));
        log.record(id, text("urgentRequest.log.turnedIntoEvent", name));
        log.write(event, shortened(text("urgentRequest.log.eventOrigin", from, to, format(request.sentAt()),
                request.what(), request.minutesToAcknowledge(), request.answerText() == null ? "–"
                        : request.answerText()), LOG_LENGTH), null);
        auditTrail.record(AuditAction.CHANGED, "UrgentRequest", id,
                auditTrail.summary("audit.urgentRequest.turnedIntoEvent", request.place(), name));
        return event;
    }

    private UrgentRequest lockToAnswer(UrgentRequestId id) {
        var request = requests.lock(CurrentUser.partnership(), id)
                .orElseThrow(() -> new NotFoundException("UrgentRequest", id));
        checkMaySee(request);
        if (!mayAnswer(request)) {
            throw new RuleViolationException("urgentRequest.notAddressed");
        }
        return request;
    }

    private static boolean maySee(UrgentRequest request) {
        var user = CurrentUser.get();
        return user.coordinates() || user.organisation() != null && request.involves(user.organisation());
    }

    private static void checkMaySee(UrgentRequest request) {
        if (!maySee(request)) {
            throw new AccessDeniedException("Only the two organisations and the coordination see a short-notice request");
        }
    }

    private void mail(OrganisationId to, String key, Object... arguments) {
        var partnership = CurrentUser.partnership();
        var subject = shortened(messages.getMessage(key + ".subject", arguments, Locale.GERMAN), 300);
        var body = messages.getMessage(key + ".body", arguments, Locale.GERMAN);
        for (var email : accounts.emailsOf(partnership, to)) {
            notifications.send(Mail.of(partnership, email, subject, body));
        }
    }

    private String name(OrganisationId organisation) {
        return organisations.get(organisation).name();
    }

    /** "Polizeirevier Mitte (Paula Polizei)", or the person alone for the coordination without an organisation. */
    private String name(OrganisationId organisation, String person) {
        return organisation == null ? person : name(organisation) + " (" + person + ")";
    }

    /** Log, audit and mail are written once, in German, like the rest of the log. */
    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.GERMAN);
    }

    /** Cut to what the column holds (an event's name, a mail's subject, a log entry). */
    static String shortened(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private String format(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(Locale.GERMAN)
                .withZone(clock.getZone()).format(instant);
    }

    private String link(UrgentRequest request) {
        return baseUrl + "/urgent-requests/" + request.id();
    }
}
