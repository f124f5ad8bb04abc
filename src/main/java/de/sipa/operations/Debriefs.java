package de.sipa.operations;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.meetings.ActionItemOrigin;
import de.sipa.meetings.Meetings;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.RuleViolationException;

/**
 * The Nachbesprechung after an event: each organisation says what went well and what did not; the coordination
 * turns lessons into action items on the follow-up board, and they go into the next plan made from this event.
 */
@Service
@Transactional
public class Debriefs {

    private final DebriefRepository debriefs;
    private final Events events;
    private final DeploymentPlans plans;
    private final Meetings meetings;
    private final AuditTrail auditTrail;
    private final Clock clock;

    Debriefs(DebriefRepository debriefs, Events events, DeploymentPlans plans, Meetings meetings,
            AuditTrail auditTrail, Clock clock) {
        this.debriefs = debriefs;
        this.events = events;
        this.plans = plans;
        this.meetings = meetings;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public List<DebriefNote> notes(EventId event) {
        return debriefs.notes(events.get(event).id());
    }

    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public List<Lesson> lessons(EventId event) {
        return debriefs.lessons(events.get(event).id());
    }

    /** The user's organisation's note; written again, it replaces the earlier one. */
    @PreAuthorize(OperationPermissions.STAFF)
    public void recordNote(EventId id, String wentWell, String wentBadly) {
        var event = ended(id);
        var user = CurrentUser.get();
        if (user.organisation() == null
                || !user.coordinates() && !plans.involved(id).contains(user.organisation())) {
            throw new RuleViolationException("debrief.notInvolved");
        }
        var well = Events.blankToNull(wentWell);
        var badly = Events.blankToNull(wentBadly);
        if (well == null && badly == null) {
            throw new RuleViolationException("debrief.noteEmpty");
        }
        if (well != null && well.length() > 4000 || badly != null && badly.length() > 4000) {
            throw new RuleViolationException("debrief.noteTooLong");
        }
        debriefs.saveNote(id, new DebriefNote(user.organisation(), well, badly, user.displayName(), clock.instant()));
        auditTrail.record(AuditAction.CHANGED, "Event", id, "Nachbesprechung " + event.name() + ": Rückmeldung");
    }

    /** A lesson learned becomes an action item of its owner, due by the date, shown with the event as its origin. */
    @PreAuthorize(OperationPermissions.PLAN)
    public Lesson learn(EventId id, String text, OrganisationId owner, LocalDate dueOn) {
        var event = ended(id);
        var lesson = Events.blankToNull(text);
        if (lesson == null || owner == null || dueOn == null) {
            throw new RuleViolationException("debrief.lessonIncomplete");
        }
        if (lesson.length() > 500) { // it becomes the title of an action item
            throw new RuleViolationException("debrief.lessonTooLong");
        }
        var actionItem = meetings.assign(new ActionItemOrigin("Nachbesprechung " + event.name(),
                "/events/" + id + "/debrief"), lesson, owner, dueOn);
        var learned = new Lesson(UUID.randomUUID(), lesson, owner, dueOn, actionItem);
        debriefs.insertLesson(id, learned);
        auditTrail.record(AuditAction.CREATED, "Event", id, "Nachbesprechung " + event.name() + ": Lehre " + lesson);
        return learned;
    }

    private Event ended(EventId id) {
        var event = events.get(id);
        if (!event.endedBy(clock.instant())) {
            throw new RuleViolationException("debrief.tooEarly");
        }
        return event;
    }
}
