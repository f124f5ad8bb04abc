package de.sipa.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.People;
import de.sipa.partners.PersonId;
import de.sipa.shared.CalendarFeeds;
import de.sipa.shared.PartnershipId;

/**
 * A calendar per person with their patrols, behind a secret URL. People have no accounts of their own, so the
 * organisation's staff (or the coordination) hand the URL on; a new token ends the old URL.
 */
@Service
@Transactional
public class PatrolCalendar {

    /** Patrols ended longer ago than this are left out of the feed. */
    static final Duration HISTORY = Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final PatrolRepository patrols;
    private final Patrols planning;
    private final People people;
    private final Clock clock;

    private final org.springframework.context.MessageSource messages;

    PatrolCalendar(JdbcClient jdbc, PatrolRepository patrols, Patrols planning, People people, Clock clock,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.patrols = patrols;
        this.planning = planning;
        this.people = people;
        this.clock = clock;
    }

    /** The person's feed token, created on first use. */
    @PreAuthorize(OperationPermissions.STAFF)
    public UUID token(PersonId person) {
        requireOwnOrganisation(person);
        return jdbc.sql("SELECT token FROM operations_patrol_feed WHERE person_id = ?").param(person.value())
                .query(UUID.class).optional()
                .orElseGet(() -> {
                    var token = UUID.randomUUID();
                    jdbc.sql("""
                            INSERT INTO operations_patrol_feed (person_id, partnership_id, token, created_at)
                            VALUES (?, ?, ?, ?)""")
                            .params(person.value(), CurrentUser.partnership().value(), token,
                                    Timestamp.from(clock.instant()))
                            .update();
                    return token;
                });
    }

    @PreAuthorize(OperationPermissions.STAFF)
    public UUID renewToken(PersonId person) {
        requireOwnOrganisation(person);
        jdbc.sql("DELETE FROM operations_patrol_feed WHERE person_id = ?").param(person.value()).update();
        return token(person);
    }

    /** The iCalendar behind a token, or empty for an unknown one. */
    @Transactional(readOnly = true)
    public Optional<Calendar> feed(UUID token) {
        return jdbc.sql("SELECT person_id, partnership_id FROM operations_patrol_feed WHERE token = ?").param(token)
                .query((rs, n) -> new Subscriber(new PersonId(rs.getObject(1, UUID.class)),
                        new PartnershipId(rs.getObject(2, UUID.class))))
                .optional()
                .map(subscriber -> CurrentUser.runAs(SipaUser.system(subscriber.partnership()),
                        () -> calendar(subscriber.partnership(), subscriber.person())));
    }

    private record Subscriber(PersonId person, PartnershipId partnership) {
    }

    private Calendar calendar(PartnershipId partnership, PersonId person) {
        var calendar = CalendarFeeds.publishing("-//SiPa//Streifen//DE",
                messages.getMessage("calendar.feed.patrols", null, java.util.Locale.GERMANY), clock.getZone());
        var entries = planning.entries(patrols.patrolsOf(partnership, person, clock.instant().minus(HISTORY)));
        var revisions = patrols.revisions(entries.stream().map(e -> e.patrol().id()).toList());
        for (var entry : entries) {
            calendar.add(event(entry, revisions.getOrDefault(entry.patrol().id(), PatrolRevision.FIRST)));
        }
        return calendar;
    }

    /** A patrol as a calendar event: plan, areas and crews; a cancelled one stays, marked as cancelled. */
    static VEvent event(PatrolRosterEntry entry, PatrolRevision revision) {
        var patrol = entry.patrol();
        var event = new VEvent(patrol.startsAt(), patrol.endsAt(), "Streife " + entry.plan());
        event.add(new Uid(patrol.id().value() + "@sipa"));
        event.add(new Description(entry.areaNames() + "\n" + entry.crews().stream()
                .map(c -> c.name() + ": " + c.memberNames()).collect(Collectors.joining("\n"))));
        event.add(patrol.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        // Cancelling it, changing its crews or moving it to the plan that continues its own are revisions; a changed
        // plan's later patrols are new patrols with new UIDs.
        event.add(new net.fortuna.ical4j.model.property.Sequence(revision.sequence()));
        CalendarFeeds.revised(event, revision.modifiedAt());
        return event;
    }

    private void requireOwnOrganisation(PersonId id) {
        if (!planning.mayStaff(people.get(id).organisation())) {
            throw new AccessDeniedException("Only the person's organisation or the coordinator hand on the feed");
        }
    }
}
