package de.sipa.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.Accounts;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.Role;
import de.sipa.identity.SipaUser;
import de.sipa.notifications.Notifications;
import de.sipa.partners.District;
import de.sipa.partners.DistrictId;
import de.sipa.partners.Organisation;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.ReviewFlag;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;
import de.sipa.shared.RuleViolationException;

/**
 * The central contact point: every security concern lands here once, is routed to the organisation that leads its
 * topic there and then (or to the coordinator), and is tracked until it is closed.
 */
@Service
@Transactional
public class Reports {

    /** Reports this close to a district boundary ask which side applies. */
    static final double BOUNDARY_MARGIN_METRES = 30;
    static final int MAX_DESCRIPTION = 5000;
    static final double DUPLICATE_METRES = 50;
    static final Duration DUPLICATE_PERIOD = Duration.ofDays(14);
    static final int MAX_ADDRESS = 300;
    /** How far back the public map and its list show open reports. */
    static final Duration PUBLIC_WINDOW = Duration.ofDays(90);
    static final int MAX_ADDRESS_ID = 100;
    /**
     * A point this far from every district of the partnership lies outside its area and is refused (a report from
     * the street across the city line is still taken in).
     */
    static final double AREA_MARGIN_METRES = 1000;
    private static final Pattern NUMBER = Pattern.compile("^-?\\d+([.,]\\d+)?$");

    private final ReportRepository reports;
    private final CategoryRepository categories;
    private final Partnerships partnerships;
    private final Organisations organisations;
    private final Responsibilities responsibilities;
    private final Accounts accounts;
    private final Notifications notifications;
    private final CategorySuggestions suggestions;
    private final ReportPhotos photos;
    private final Clock clock;
    private final ReportMails mails;
    private final ReportMetrics metrics;

    Reports(ReportRepository reports, CategoryRepository categories, Partnerships partnerships,
            Organisations organisations, Responsibilities responsibilities, Accounts accounts,
            Notifications notifications, CategorySuggestions suggestions, ReportPhotos photos, Clock clock,
            ReportMails mails, ReportMetrics metrics) {
        this.metrics = metrics;
        this.reports = reports;
        this.categories = categories;
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.responsibilities = responsibilities;
        this.accounts = accounts;
        this.notifications = notifications;
        this.suggestions = suggestions;
        this.photos = photos;
        this.clock = clock;
        this.mails = mails;
    }

    /**
     * Takes in a concern from any source, gives it its public number and routes it (a report of a moderated category
     * is routed once the coordinator approves it). Citizens need no login; everything they send is checked here and
     * refused as a whole with a {@link RuleViolationException} naming the problem. Internal sources (partner staff,
     * patrols) need the right to file, which the steering group does not have.
     */
    @PreAuthorize(ReportPermissions.SUBMIT)
    public Receipt submit(NewReport report) {
        var partnership = report.partnership();
        var category = offered(categories.findCached(partnership, report.category()));
        var description = report.description() == null ? "" : report.description().strip();
        if (description.isEmpty() && category.descriptionRequired()) {
            throw new RuleViolationException("report.description.required");
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw new RuleViolationException("report.description.tooLong", MAX_DESCRIPTION);
        }
        var address = blankToNull(report.address());
        if (address != null && address.length() > MAX_ADDRESS) {
            throw new RuleViolationException("report.address.tooLong", MAX_ADDRESS);
        }
        var addressId = blankToNull(report.addressId());
        if (addressId != null && addressId.length() > MAX_ADDRESS_ID) {
            throw new RuleViolationException("report.addressId.tooLong", MAX_ADDRESS_ID);
        }
        var mediaUrl = blankToNull(report.mediaUrl());
        if (mediaUrl != null && !NewReport.isMediaUrl(mediaUrl)) {
            throw new RuleViolationException("report.mediaUrl.invalid");
        }
        var attributes = checkedAttributes(category, report.attributes());
        var contact = checkedContact(report.contact());
        var now = clock.instant();
        DistrictId district;
        boolean uncertain = false;
        if (report.latitude() != null || report.longitude() != null) {
            checkCoordinates(report.latitude(), report.longitude());
            checkInArea(partnership, report.latitude(), report.longitude());
            var location = partnerships.locate(partnership, report.latitude(), report.longitude(), BOUNDARY_MARGIN_METRES);
            if (location.nearBoundary() && report.district() != null && location.nearby().contains(report.district())) {
                // Near a boundary the reporter said which side applies.
                district = report.district();
            } else {
                district = location.district().orElse(null);
                uncertain = location.nearBoundary();
            }
        } else if (report.district() != null) {
            district = partnerships.districtsOf(partnership).stream().map(d -> d.id())
                    .filter(report.district()::equals).findFirst()
                    .orElseThrow(() -> new RuleViolationException("report.district.unknown"));
        } else if (address != null || addressId != null) {
            district = null;
        } else {
            throw new RuleViolationException("report.location.required");
        }
        var actor = actor(report.source());
        var moderated = category.moderated() && (report.source() == ReportSource.CITIZEN
                || report.source() == ReportSource.OPEN311);
        var id = ReportId.random();
        var token = UUID.randomUUID();
        var publicId = reports.nextPublicId(now, clock.getZone());
        var routing = moderated ? new Routing(null, null, Set.of()) : route(partnership, category, district, now);
        reports.insert(partnership, new Report(id, publicId, token, category.id(), description, report.latitude(),
                report.longitude(), address, district, uncertain, report.source(),
                moderated ? ReportStatus.MODERATION : ReportStatus.NEW, routing.assignee(), routing.deadline(), null,
                attributes, contact, null, now, now, null, TextModeration.initial(report.source()), addressId, mediaUrl),
                actor);
        var received = new ReportRepository.Entry(ReportEvent.Kind.RECEIVED, null, null, true);
        metrics.received(report.source());
        if (moderated) {
            reports.events(id, now, actor, List.of(received));
        } else {
            recordRouting(partnership, id, publicId, category, routing, now, actor, received);
            if (category.topic() != null && !description.isEmpty()) {
                suggestions.learn(partnership, description, category.id());
            }
        }
        return new Receipt(id, publicId, token);
    }

    /**
     * Takes in a concern with a photo (JPEG or PNG, re-encoded so that its metadata, including the location, is
     * gone); a bad photo refuses the whole report.
     */
    @PreAuthorize(ReportPermissions.SUBMIT)
    public Receipt submit(NewReport report, byte[] photo) {
        var receipt = submit(report);
        if (photo != null && photo.length > 0) {
            photos.attach(receipt.report(), photo);
        }
        return receipt;
    }

    /** The coordinator lets a report of a moderated category through: it is routed and shown to the public. */
    @PreAuthorize(ReportPermissions.COORDINATE)
    public String approve(ReportId id) {
        var report = lock(id);
        if (report.status() != ReportStatus.MODERATION) {
            throw new RuleViolationException("report.notInModeration");
        }
        var now = clock.instant();
        var publicId = report.publicId() != null ? report.publicId() : reports.nextPublicId(now, clock.getZone());
        reports.approve(id, publicId, now);
        var category = category(report.category());
        var routing = route(CurrentUser.partnership(), category, report.district(), report.submittedAt());
        reports.assign(id, routing.assignee(), routing.deadline(), now);
        recordRouting(CurrentUser.partnership(), id, publicId, category, routing, now, username(),
                new ReportRepository.Entry(ReportEvent.Kind.APPROVED, null, null, true));
        return publicId;
    }

    @PreAuthorize(ReportPermissions.READ)
    @Transactional(readOnly = true)
    public Report get(ReportId id) {
        return readable(id).orElseThrow(() -> new NotFoundException("Report", id));
    }

    /** The id of the report with this public number ("2026-000123") or id, if the user may read it. */
    @PreAuthorize(ReportPermissions.READ)
    @Transactional(readOnly = true)
    public Optional<ReportId> lookUp(String numberOrId) {
        var reference = numberOrId == null ? "" : numberOrId.strip();
        Optional<ReportId> id;
        try {
            id = Optional.of(new ReportId(UUID.fromString(reference)));
        } catch (IllegalArgumentException notAnId) {
            id = reports.findByPublicId(CurrentUser.partnership(), reference).map(Report::id);
        }
        return id.flatMap(this::readable).map(Report::id);
    }

    /**
     * Short titles ("2026-000123 · Müll") of those of the reports the user may read, for other modules that point to
     * reports; the others are left out.
     */
    @PreAuthorize(ReportPermissions.READ)
    @Transactional(readOnly = true)
    public Map<ReportId, String> titles(Collection<ReportId> ids) {
        var titles = new LinkedHashMap<ReportId, String>();
        for (var id : ids) {
            readable(id).ifPresent(report -> titles.put(id,
                    (report.publicId() == null ? "in Prüfung" : report.publicId()) + " · "
                            + category(report.category()).name()));
        }
        return titles;
    }

    /**
     * A partner reads the reports of its organisation and those it was involved in (worked on, handed back, or was
     * told of as a supporting or informed organisation); everyone else all of them.
     */
    private Optional<Report> readable(ReportId id) {
        var user = CurrentUser.get();
        return reports.find(CurrentUser.partnership(), id)
                .filter(report -> user.role() != Role.PARTNER || user.belongsTo(report.assignee())
                        || user.organisation() != null && reports.involved(id, user.organisation()))
                .map(report -> user.coordinates() ? report : withoutContact(report));
    }

    @PreAuthorize(ReportPermissions.READ)
    @Transactional(readOnly = true)
    public List<ReportEvent> history(ReportId id) {
        return reports.events(get(id).id());
    }

    /**
     * A work queue: a partner sees their organisation's, the coordinator any (and their own queue of reports
     * without a responsible organisation), the steering group everything.
     */
    @PreAuthorize(ReportPermissions.READ)
    @Transactional(readOnly = true)
    public BoundedPage<Report> queue(ReportQuery query, Pageable pageable) {
        var page = reports.search(CurrentUser.partnership(), visible(query), clock.instant(), pageable);
        return CurrentUser.get().coordinates() ? page : page.map(Reports::withoutContact);
    }

    /** How many reports {@link #queue} lists for the query, without reading any of them (the start pages' figures). */
    @PreAuthorize(ReportPermissions.READ)
    @Transactional(readOnly = true)
    public long count(ReportQuery query) {
        return reports.count(CurrentUser.partnership(), visible(query), clock.instant());
    }

    /** A partner sees its own queue, or what its own organisation was informed about. */
    private static ReportQuery visible(ReportQuery query) {
        var user = CurrentUser.get();
        return user.role() == Role.PARTNER
                ? new ReportQuery(query.informedOf() == null ? user.organisation() : null, false, query.status(),
                        query.category(), query.district(), query.overdue(), query.includeClosed(), query.text(),
                        query.handedBack(), query.informedOf() == null ? null : user.organisation())
                : query;
    }

    /** Those of the reports that an organisation handed back ("nicht unsere Zuständigkeit") and nobody routed since. */
    @PreAuthorize(ReportPermissions.READ)
    @Transactional(readOnly = true)
    public Set<ReportId> handedBack(Collection<ReportId> ids) {
        return ids.isEmpty() ? Set.of() : reports.handedBack(CurrentUser.partnership(), ids);
    }

    @PreAuthorize(ReportPermissions.WORK)
    public void startWork(ReportId id) {
        var report = lockForWork(id);
        if (report.status() != ReportStatus.NEW) {
            throw new RuleViolationException("report.status.notNew");
        }
        changeStatus(report, ReportStatus.IN_PROGRESS, null);
    }

    /** Closes a report as done, forwarded or rejected; forwarded and rejected ones tell the citizen why. */
    @PreAuthorize(ReportPermissions.WORK)
    public void close(ReportId id, ReportStatus outcome, String publicNote) {
        var report = lockForWork(id);
        if (!outcome.closed()) {
            throw new IllegalArgumentException("Not a closing status: " + outcome);
        }
        if (report.status().closed() || report.status() == ReportStatus.MODERATION) {
            throw new RuleViolationException("report.status.notOpen");
        }
        var note = blankToNull(publicNote);
        if (outcome != ReportStatus.DONE && note == null) {
            throw new RuleViolationException("report.publicNote.required");
        }
        changeStatus(report, outcome, note);
    }

    /** An internal note; never shown to the public. */
    @PreAuthorize(ReportPermissions.READ)
    public void comment(ReportId id, String text) {
        var report = get(id);
        var note = blankToNull(text);
        if (note == null) {
            throw new RuleViolationException("report.comment.required");
        }
        reports.event(report.id(), clock.instant(), username(), ReportEvent.Kind.COMMENTED,
                CurrentUser.get().organisation(), abbreviate(note), false);
    }

    /**
     * The responsible organisation says "not ours": the report returns to the coordinator, and the topic and
     * district are noted for the next responsibility review.
     */
    @PreAuthorize(ReportPermissions.WORK)
    public void handBack(ReportId id, String reason) {
        var report = lockForWork(id);
        var why = blankToNull(reason);
        if (why == null) {
            throw new RuleViolationException("report.handBack.reasonRequired");
        }
        if (report.assignee() == null || report.status().closed()) {
            throw new RuleViolationException("report.handBack.notAssigned");
        }
        var now = clock.instant();
        reports.assign(id, null, report.deadline(), now);
        reports.event(id, now, username(), ReportEvent.Kind.HANDED_BACK, report.assignee(), abbreviate(why), false);
        var category = category(report.category());
        if (category.topic() != null) {
            responsibilities.flagForReview(new ReviewFlag(category.topic(), report.district(), report.assignee(),
                    abbreviate(why), "Anliegen " + report.publicId(), now));
        }
    }

    /** The coordinator sends a report to an organisation, with the reason. */
    @PreAuthorize(ReportPermissions.COORDINATE)
    public void reroute(ReportId id, OrganisationId organisation, String reason) {
        var report = lock(id);
        var why = requireReason(reason);
        organisations.get(organisation);
        var now = clock.instant();
        var routing = Routing.to(organisation, category(report.category()), now, clock.getZone(),
                partnerships.holidays(CurrentUser.partnership()));
        reports.assign(id, organisation, routing.deadline(), now);
        reports.event(id, now, username(), ReportEvent.Kind.REROUTED, organisation, why, true);
        notifyAssignee(CurrentUser.partnership(), report.publicId(), category(report.category()), organisation);
    }

    /** The coordinator corrects the category; the report is routed again by the matrix. */
    @PreAuthorize(ReportPermissions.COORDINATE)
    public void recategorise(ReportId id, CategoryId categoryId, String reason) {
        var report = lock(id);
        var why = requireReason(reason);
        var category = offered(categories.find(CurrentUser.partnership(), categoryId));
        var now = clock.instant();
        reports.recategorise(id, categoryId, now);
        if (category.topic() != null) {
            suggestions.learn(CurrentUser.partnership(), report.description(), categoryId);
        }
        var routing = route(CurrentUser.partnership(), category, report.district(), now);
        reports.assign(id, routing.assignee(), routing.deadline(), now);
        recordRouting(CurrentUser.partnership(), id, report.publicId(), category, routing, now, username(),
                new ReportRepository.Entry(ReportEvent.Kind.RECATEGORISED, null, category.name() + ": " + why, false));
    }

    /** For a report near a boundary: the coordinator says which district applies, and it is routed again. */
    @PreAuthorize(ReportPermissions.COORDINATE)
    public void confirmDistrict(ReportId id, DistrictId district) {
        var report = lock(id);
        partnerships.district(district);
        var now = clock.instant();
        reports.setDistrict(id, district, now);
        var category = category(report.category());
        var routing = route(CurrentUser.partnership(), category, district, report.submittedAt());
        reports.assign(id, routing.assignee(), routing.deadline(), now);
        recordRouting(CurrentUser.partnership(), id, report.publicId(), category, routing, now, username(), null);
    }

    /**
     * Open reports of the same category within 50 m in the last 14 days: offered as duplicates to the citizen in
     * the form and to the coordinator in the queue.
     */
    @Transactional(readOnly = true)
    public List<PublicReport> nearbyOpen(PartnershipId partnership, CategoryId category, double latitude,
            double longitude) {
        return reports.nearby(partnership, category, latitude, longitude, DUPLICATE_METRES,
                clock.instant().minus(DUPLICATE_PERIOD)).stream().map(this::publicView).toList();
    }

    /** Possible duplicates of a report, for the coordinator. */
    @PreAuthorize(ReportPermissions.COORDINATE)
    @Transactional(readOnly = true)
    public List<Report> possibleDuplicates(ReportId id) {
        var report = get(id);
        if (report.latitude() == null || report.status().closed()) {
            return List.of();
        }
        return reports.nearby(CurrentUser.partnership(), report.category(), report.latitude(), report.longitude(),
                DUPLICATE_METRES, report.submittedAt().minus(DUPLICATE_PERIOD)).stream()
                .filter(other -> !other.id().equals(id)).toList();
    }

    /** Those of a queue page's reports that have possible duplicates, for the coordinator. */
    @PreAuthorize(ReportPermissions.COORDINATE)
    @Transactional(readOnly = true)
    public Set<ReportId> withPossibleDuplicates(Collection<Report> page) {
        return page.isEmpty() ? Set.of() : reports.withNearby(CurrentUser.partnership(),
                page.stream().map(Report::id).toList(), DUPLICATE_METRES, DUPLICATE_PERIOD);
    }

    /**
     * Merges a duplicate into the report it repeats: the duplicate is closed with a public note naming the other,
     * and its reporter is informed together with the other's when that one is closed.
     */
    @PreAuthorize(ReportPermissions.COORDINATE)
    public void merge(ReportId duplicate, ReportId into) {
        if (duplicate.equals(into)) {
            throw new RuleViolationException("report.merge.self");
        }
        var target = lock(into);
        var report = lock(duplicate);
        if (report.status().closed() || target.status().closed()) {
            throw new RuleViolationException("report.status.notOpen");
        }
        var now = clock.instant();
        reports.markDuplicate(duplicate, into, now);
        var note = "Zusammengeführt mit Anliegen " + target.publicId();
        reports.status(duplicate, ReportStatus.FORWARDED, note, now);
        reports.event(duplicate, now, username(), ReportEvent.Kind.MERGED, target.assignee(), note, true);
        reports.event(into, now, username(), ReportEvent.Kind.MERGED, null,
                "Anliegen " + report.publicId() + " zusammengeführt", false);
    }

    /** The open reports of the last 90 days for the public map, at most 2,000. */
    @Transactional(readOnly = true)
    public List<MapPoint> publicMap(PartnershipId partnership) {
        return reports.openPoints(partnership, clock.instant().minus(PUBLIC_WINDOW), 2000);
    }

    /**
     * The public map's open reports as a list, for those who cannot use a map: newest first, in one district or
     * ({@code null}) all.
     */
    @Transactional(readOnly = true)
    public Page<ListedReport> publicList(PartnershipId partnership, DistrictId district, Pageable pageable) {
        return reports.openListed(partnership, district, clock.instant().minus(PUBLIC_WINDOW), pageable);
    }

    /** Citizens' reports whose text waits for the coordinator's look before it is shown publicly. */
    @PreAuthorize(ReportPermissions.COORDINATE)
    @Transactional(readOnly = true)
    public Page<Report> pendingText(Pageable pageable) {
        return reports.pendingText(CurrentUser.partnership(), pageable);
    }

    /** Reports of moderated categories waiting for approval. */
    @PreAuthorize(ReportPermissions.COORDINATE)
    @Transactional(readOnly = true)
    public Page<Report> inModeration(Pageable pageable) {
        return reports.inModeration(CurrentUser.partnership(), pageable);
    }

    /** The coordinator decides whether a citizen's text may be shown publicly. */
    @PreAuthorize(ReportPermissions.COORDINATE)
    public void moderateText(ReportId id, boolean publish) {
        var report = lock(id);
        if (report.source() != ReportSource.CITIZEN && report.source() != ReportSource.OPEN311) {
            throw new RuleViolationException("report.text.internal");
        }
        var now = clock.instant();
        reports.moderateText(id, publish ? TextModeration.APPROVED : TextModeration.HIDDEN, now);
        reports.event(id, now, username(), ReportEvent.Kind.COMMENTED, null,
                publish ? "Text für die Öffentlichkeit freigegeben" : "Text nicht öffentlich", false);
    }

    /** What anyone may see of a report: no contact data, no internal notes. */
    @Transactional(readOnly = true)
    public Optional<PublicReport> publicView(PartnershipId partnership, String publicId) {
        return reports.findByPublicId(partnership, publicId).map(this::publicView);
    }

    /** The citizen's status link. */
    @Transactional(readOnly = true)
    public Optional<PublicReport> publicViewByToken(UUID token) {
        return reports.findByToken(token).map(report -> publicView(report, true));
    }

    /** The partnership a status link belongs to, for the links of the public status page. */
    @Transactional(readOnly = true)
    public Optional<PartnershipId> partnershipOfToken(UUID token) {
        return reports.partnershipOfToken(token);
    }

    /** A status link (Open311 token) of one partnership. */
    @Transactional(readOnly = true)
    public Optional<PublicReport> publicViewByToken(PartnershipId partnership, UUID token) {
        return reports.partnershipOfToken(token).filter(partnership::equals).flatMap(p -> publicViewByToken(token));
    }

    /**
     * The public reports of a partnership that match the query, newest first. Reports of moderated categories that
     * wait for approval are left out of lists; asked for by their number they answer with their status only.
     */
    @Transactional(readOnly = true)
    public List<PublicReport> publicSearch(PartnershipId partnership, PublicReportQuery query) {
        var found = reports.publicSearch(partnership, query);
        if (found.isEmpty()) {
            return List.of();
        }
        Map<CategoryId, Category> byId = new HashMap<>();
        categories.allCached(partnership).forEach(c -> byId.put(c.id(), c));
        var ids = found.stream().map(Report::id).toList();
        var events = reports.publicEvents(ids);
        var photos = reports.photoIds(ids);
        var merged = reports.mergedIntoPublicIds(ids);
        return CurrentUser.runAs(SipaUser.system(partnership), () -> {
            // the names of all organisations in one query rather than one query per responsible organisation
            Map<OrganisationId, Organisation> names = found.stream().anyMatch(report -> report.assignee() != null)
                    ? organisations.byId() : Map.of();
            return found.stream().map(report -> PublicReport.of(report, byId.get(report.category()),
                    report.assignee() == null ? null : names.get(report.assignee()).name(),
                    photos.getOrDefault(report.id(), List.of()), events.getOrDefault(report.id(), List.of()),
                    merged.get(report.id()), false)).toList();
        });
    }

    private PublicReport publicView(Report report) {
        return publicView(report, false);
    }

    private PublicReport publicView(Report report, boolean forTheReporter) {
        var partnership = reports.partnershipOf(report.id());
        var responsible = report.assignee() == null ? null : CurrentUser.runAs(SipaUser.system(partnership),
                () -> organisations.get(report.assignee()).name());
        var events = reports.events(report.id()).stream().filter(ReportEvent::visibleToPublic).toList();
        var category = categories.find(partnership, report.category()).orElseThrow();
        return PublicReport.of(report, category, responsible, reports.photoIds(report.id()), events,
                reports.mergedIntoPublicIds(List.of(report.id())).get(report.id()), forTheReporter);
    }

    private Routing route(PartnershipId partnership, Category category, DistrictId district, Instant at) {
        var holidays = partnerships.holidays(partnership);
        return category.topic() == null ? Routing.of(category, null, at, clock.getZone(), holidays)
                : Routing.of(category, responsibilities.whoLeads(category.topic(), district, at), at, clock.getZone(),
                        holidays);
    }

    /**
     * Writes the routing into the history after the line that led to it ({@code leading}, if any), all in one
     * statement, and mails the responsible and the informed organisations' staff (their addresses in one query).
     */
    private void recordRouting(PartnershipId partnership, ReportId id, String publicId, Category category,
            Routing routing, Instant now, String actor, ReportRepository.Entry leading) {
        var history = new ArrayList<ReportRepository.Entry>();
        if (leading != null) {
            history.add(leading);
        }
        history.add(new ReportRepository.Entry(ReportEvent.Kind.ROUTED, routing.assignee(), null, true));
        for (var organisation : routing.notified()) {
            history.add(new ReportRepository.Entry(ReportEvent.Kind.NOTIFIED, organisation, null, false));
        }
        reports.events(id, now, actor, history);
        metrics.routed(routing.assignee() != null);
        var organisations = new LinkedHashSet<>(routing.notified());
        if (routing.assignee() != null) {
            organisations.add(routing.assignee());
        }
        var emails = accounts.emailsOf(partnership, organisations);
        if (routing.assignee() != null) {
            for (var email : emails.getOrDefault(routing.assignee(), List.of())) {
                notifications.send(mails.assigned(partnership, email, publicId, category.name()));
            }
        }
        for (var organisation : routing.notified()) {
            for (var email : emails.getOrDefault(organisation, List.of())) {
                notifications.send(mails.informed(partnership, email, publicId, category.name(), id));
            }
        }
    }

    private void notifyAssignee(PartnershipId partnership, String publicId, Category category, OrganisationId assignee) {
        for (var email : accounts.emailsOf(partnership, assignee)) {
            notifications.send(mails.assigned(partnership, email, publicId, category.name()));
        }
    }

    private void changeStatus(Report report, ReportStatus status, String publicNote) {
        var now = clock.instant();
        reports.status(report.id(), status, publicNote, now);
        reports.statusChanged(report.id(), now, username(), status, report.assignee(), publicNote);
        if (status.closed()) {
            var informed = new ArrayList<Report>();
            informed.add(report);
            informed.addAll(reports.duplicatesOf(report.id()));
            for (var each : informed) {
                if (each.contact().email() != null) {
                    notifications.send(mails.closed(CurrentUser.partnership(), each.contact().email(),
                            each.publicId(), publicNote, each.token()));
                }
            }
        }
    }

    private Report lock(ReportId id) {
        return reports.lock(CurrentUser.partnership(), id).orElseThrow(() -> new NotFoundException("Report", id));
    }

    /** The responsible organisation's staff work on a report; the coordinator may step in. */
    private Report lockForWork(ReportId id) {
        var report = lock(id);
        var user = CurrentUser.get();
        if (!user.coordinates() && !user.belongsTo(report.assignee())) {
            if (user.role() == Role.PARTNER && (user.organisation() == null || !reports.involved(id, user.organisation()))) {
                throw new NotFoundException("Report", id);
            }
            throw new AccessDeniedException("Only the responsible organisation works on a report");
        }
        return report;
    }

    /** The category if new reports may go into it; a retired one is refused by name. */
    private static Category offered(Optional<Category> found) {
        var category = found.orElseThrow(() -> new RuleViolationException("report.category.unknown"));
        if (!category.active()) {
            throw new RuleViolationException("report.category.retired", category.name());
        }
        return category;
    }

    private Category category(CategoryId id) {
        return categories.find(CurrentUser.partnership(), id).orElseThrow();
    }

    /**
     * The answers to the category's extra questions as the intake will take them, for steps that note a concern
     * before they submit it (a patrol's observation); refused with the intake's message when one is missing or wrong.
     */
    @PreAuthorize(ReportPermissions.READ)
    @Transactional(readOnly = true)
    public Map<String, String> checkAnswers(CategoryId id, Map<String, String> given) {
        var category = categories.find(CurrentUser.partnership(), id).orElseThrow(() -> new NotFoundException("Category", id));
        return checkedAttributes(category, given == null ? Map.of() : given);
    }

    private Map<String, String> checkedAttributes(Category category, Map<String, String> given) {
        var answers = new LinkedHashMap<String, String>();
        for (var attribute : category.attributes()) {
            var value = blankToNull(given.get(attribute.code()));
            if (value == null) {
                if (attribute.required()) {
                    throw new RuleViolationException("report.attribute.required", attribute.description());
                }
                continue;
            }
            if (value.length() > 500 || !valid(attribute, value)) {
                throw new RuleViolationException("report.attribute.invalid", attribute.description());
            }
            answers.put(attribute.code(), value);
        }
        return answers;
    }

    private static boolean valid(CategoryAttribute attribute, String value) {
        var keys = attribute.choices().stream().map(CategoryAttribute.Choice::key).toList();
        return switch (attribute.type()) {
            case NUMBER -> NUMBER.matcher(value).matches();
            case DATETIME -> parsesAsDateTime(value);
            case SINGLEVALUELIST -> keys.contains(value);
            case MULTIVALUELIST -> Arrays.stream(value.split(",")).map(String::strip).allMatch(keys::contains);
            case STRING, TEXT -> true;
        };
    }

    private static boolean parsesAsDateTime(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            try {
                LocalDateTime.parse(value);
                return true;
            } catch (DateTimeParseException again) {
                return false;
            }
        }
    }

    private static Contact checkedContact(Contact contact) {
        var email = blankToNull(contact.email());
        if (!Contact.validEmail(email)) {
            throw new RuleViolationException("report.contact.emailInvalid");
        }
        var name = blankToNull(contact.name());
        var phone = blankToNull(contact.phone());
        if (!Contact.validName(name) || !Contact.validPhone(phone)) {
            throw new RuleViolationException("report.contact.tooLong");
        }
        return new Contact(name, email, phone);
    }

    /**
     * Refuses a point outside the partnership's area: 0/0 (what apps send without a position fix) always; once
     * every district has its boundary, anything farther than {@link #AREA_MARGIN_METRES} from all of them.
     */
    private void checkInArea(PartnershipId partnership, double latitude, double longitude) {
        if (latitude == 0 && longitude == 0) {
            throw new RuleViolationException("report.location.outsideArea");
        }
        var districts = partnerships.districtsOf(partnership);
        if (districts.isEmpty() || !districts.stream().allMatch(District::hasBoundary)) {
            return;
        }
        if (partnerships.locate(partnership, latitude, longitude, AREA_MARGIN_METRES).nearby().isEmpty()) {
            throw new RuleViolationException("report.location.outsideArea");
        }
    }

    private static void checkCoordinates(Double latitude, Double longitude) {
        if (latitude == null || longitude == null || latitude.isNaN() || longitude.isNaN()
                || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
            throw new RuleViolationException("report.location.invalid");
        }
    }

    private static Report withoutContact(Report report) {
        return new Report(report.id(), report.publicId(), report.token(), report.category(), report.description(),
                report.latitude(), report.longitude(), report.address(), report.district(), report.districtUncertain(),
                report.source(), report.status(), report.assignee(), report.deadline(), report.escalatedAt(),
                report.attributes(), Contact.NONE, report.publicNote(), report.submittedAt(), report.updatedAt(),
                report.closedAt(), report.textModeration(), report.addressId(), report.mediaUrl());
    }

    private static String requireReason(String reason) {
        var why = blankToNull(reason);
        if (why == null) {
            throw new RuleViolationException("report.reason.required");
        }
        return abbreviate(why);
    }

    private static String actor(ReportSource source) {
        return CurrentUser.find().map(SipaUser::username)
                .orElse(source == ReportSource.OPEN311 ? "open311" : "bürger");
    }

    private static String username() {
        return CurrentUser.get().username();
    }

    private static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
