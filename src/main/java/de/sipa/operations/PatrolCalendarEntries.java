package de.sipa.operations;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import net.fortuna.ical4j.model.component.VEvent;
import org.springframework.stereotype.Component;

import de.sipa.identity.SipaUser;
import de.sipa.meetings.CalendarContribution;

/**
 * The joint patrols in a user's subscribed calendar: those the user's organisation takes part in, all of them for
 * the coordination; a month back and a year ahead.
 */
@Component
class PatrolCalendarEntries implements CalendarContribution {

    private static final Duration AHEAD = Duration.ofDays(366);

    private final Patrols patrols;
    private final PatrolRepository repository;
    private final Clock clock;

    PatrolCalendarEntries(Patrols patrols, PatrolRepository repository, Clock clock) {
        this.patrols = patrols;
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public List<VEvent> eventsFor(SipaUser user) {
        if (!user.coordinates() && user.organisation() == null) {
            return List.of();
        }
        var now = clock.instant();
        var entries = patrols.roster(now.minus(PatrolCalendar.HISTORY), now.plus(AHEAD),
                user.coordinates() ? null : user.organisation());
        var revisions = repository.revisions(entries.stream().map(e -> e.patrol().id()).toList());
        return entries.stream()
                .map(e -> PatrolCalendar.event(e, revisions.getOrDefault(e.patrol().id(), PatrolRevision.FIRST)))
                .toList();
    }
}
