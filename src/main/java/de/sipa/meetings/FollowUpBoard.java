package de.sipa.meetings;

import java.io.Writer;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.partners.Bodies;
import de.sipa.partners.BodyId;
import de.sipa.partners.Body;
import de.sipa.partners.Organisation;
import de.sipa.partners.Organisations;
import de.sipa.partners.People;
import de.sipa.partners.Person;
import de.sipa.shared.CsvSheet;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/** The action items of all bodies in one place: who owes what by when, and how far it got. */
@Service
@Transactional
public class FollowUpBoard {

    static final String[] CSV_HEADER = {"Fällig", "Auftrag", "Federführend", "Verantwortlich", "Gremium", "Herkunft",
        "Beschluss", "Status", "Letzter Stand"};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final MeetingRepository meetings;
    private final Meetings membership;
    private final Bodies bodies;
    private final Organisations organisations;
    private final People people;
    private final AuditTrail auditTrail;
    private final MessageSource messages;
    private final Clock clock;

    FollowUpBoard(MeetingRepository meetings, Meetings membership, Bodies bodies, Organisations organisations,
            People people, AuditTrail auditTrail, MessageSource messages, Clock clock) {
        this.meetings = meetings;
        this.membership = membership;
        this.bodies = bodies;
        this.organisations = organisations;
        this.people = people;
        this.auditTrail = auditTrail;
        this.messages = messages;
        this.clock = clock;
    }

    @PreAuthorize(MeetingPermissions.READ)
    @Transactional(readOnly = true)
    public List<FollowUp> followUps(FollowUpQuery query) {
        var user = CurrentUser.get();
        var member = new HashMap<BodyId, Boolean>();
        return meetings.followUps(CurrentUser.partnership(), query).stream()
                .filter(f -> !f.confidential() || user.belongsTo(f.item().owner())
                        || member.computeIfAbsent(f.body(), membership::isMember))
                .toList();
    }

    /** The owner organisation's staff and the coordination report progress; a note is optional, a status is not. */
    @PreAuthorize(MeetingPermissions.READ)
    public void recordProgress(ActionItemId id, ActionItemStatus status, String note) {
        var item = meetings.lockActionItem(CurrentUser.partnership(), id)
                .orElseThrow(() -> new NotFoundException("ActionItem", id));
        var user = CurrentUser.get();
        if (!user.coordinates() && !user.belongsTo(item.owner())) {
            throw new RuleViolationException("actionItem.notOwner");
        }
        if (status == null) {
            throw new RuleViolationException("actionItem.status.required");
        }
        var text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 2000) {
            throw new RuleViolationException("actionItem.note.tooLong");
        }
        meetings.setActionItemStatus(CurrentUser.partnership(), id, status, clock.instant());
        meetings.recordProgress(id, status, text, user.username(), clock.instant());
        auditTrail.record(AuditAction.CHANGED, "ActionItem", id, "Arbeitsauftrag " + item.title() + ": " + status
                + (text == null ? "" : " – " + text));
    }

    @PreAuthorize(MeetingPermissions.READ)
    public int exportCsv(FollowUpQuery query, Writer out) {
        var items = followUps(query);
        var bodyNames = bodies.all().stream().collect(Collectors.toMap(Body::id, Body::name));
        var organisationNames = organisations.all().stream()
                .collect(Collectors.toMap(Organisation::id, Organisation::name));
        var personNames = people.all().stream().collect(Collectors.toMap(Person::id, Person::fullName));
        // Not closed here: the writer belongs to the caller (e.g. the HTTP response).
        var csv = CsvSheet.on(out, CSV_HEADER);
        for (var followUp : items) {
            var item = followUp.item();
            csv.row(DAY.format(item.dueOn()), item.title(), organisationNames.get(item.owner()),
                    item.responsible() == null ? "" : personNames.get(item.responsible()),
                    followUp.body() == null ? "" : bodyNames.get(followUp.body()), followUp.originLabel(),
                    followUp.decisionReference() == null ? "" : followUp.decisionReference(),
                    messages.getMessage("actionItem.status." + item.status(), null, Locale.GERMANY),
                    followUp.lastNote() == null ? "" : followUp.lastNote());
        }
        csv.flush();
        auditTrail.record(AuditAction.EXPORTED, "ActionItem", null, items.size() + " Arbeitsaufträge als CSV exportiert");
        return items.size();
    }
}
