package de.sipa.operations;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.Role;
import de.sipa.shared.RuleViolationException;

/**
 * The operations log (Einsatztagebuch) of an event: every involved organisation writes time-stamped entries that all
 * see as they come. Entries are never changed or removed (the database refuses it too); a correction is a new
 * entry naming the one it corrects.
 */
@Service
@Transactional
public class OperationsLog {

    /** More than a screen; a viewer that fell further behind asks again with the last number it got. */
    static final int BATCH = 500;

    private final OperationsLogRepository log;
    private final Events events;
    private final DeploymentPlans plans;
    private final Clock clock;

    OperationsLog(OperationsLogRepository log, Events events, DeploymentPlans plans, Clock clock) {
        this.log = log;
        this.events = events;
        this.plans = plans;
        this.clock = clock;
    }

    /** The entries written after entry {@code number} (0: from the start), oldest first. */
    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public List<LogEntry> after(EventId event, long number) {
        return log.after(CurrentUser.partnership(), events.get(event).id(), number, BATCH);
    }

    /** The coordination and the partners of the organisations involved in the event's plan write the log. */
    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public boolean mayWrite(EventId event) {
        var user = CurrentUser.get();
        return user.coordinates() || user.role() == Role.PARTNER && user.organisation() != null
                && plans.involved(event).contains(user.organisation());
    }

    /** The entries of a short-notice request, oldest first; {@link UrgentRequests} checks who may read them. */
    List<LogEntry> ofRequest(UrgentRequestId request) {
        return log.ofRequest(CurrentUser.partnership(), request);
    }

    /** Records a step taken on a short-notice request, by the current user for their organisation. */
    LogEntry record(UrgentRequestId request, String text) {
        var user = CurrentUser.get();
        var entry = new LogEntry(UUID.randomUUID(), log.nextNumber(request), user.organisation(), user.displayName(),
                clock.instant(), text, null);
        log.append(CurrentUser.partnership(), request, entry);
        return entry;
    }

    @PreAuthorize(OperationPermissions.STAFF)
    public LogEntry write(EventId id, String text, Long corrects) {
        // the coordination may write without being involved, so the event must be checked to be of its partnership
        var event = events.get(id).id();
        if (!mayWrite(event)) {
            throw new RuleViolationException("log.notInvolved");
        }
        var content = Events.blankToNull(text);
        if (content == null) {
            throw new RuleViolationException("log.textRequired");
        }
        if (content.length() > 2000) {
            throw new RuleViolationException("log.textTooLong");
        }
        var partnership = CurrentUser.partnership();
        UUID corrected = corrects == null ? null : log.idOf(partnership, event, corrects)
                .orElseThrow(() -> new RuleViolationException("log.correctsUnknown", corrects));
        var user = CurrentUser.get();
        var entry = new LogEntry(UUID.randomUUID(), log.nextNumber(event), user.organisation(), user.displayName(),
                clock.instant(), content, corrects);
        log.append(partnership, event, entry, corrected);
        return entry;
    }
}
