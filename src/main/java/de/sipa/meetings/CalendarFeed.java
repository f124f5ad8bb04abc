package de.sipa.meetings;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.Accounts;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Bodies;
import de.sipa.partners.BodyId;
import de.sipa.shared.CalendarFeeds;

/**
 * A calendar each user can subscribe to: the meetings of the bodies their organisation sits in (the coordination
 * sees all), the due dates of their organisation's open action items, and what other modules contribute (the joint
 * patrols the organisation takes part in). The URL carries a secret token.
 */
@Service
@Transactional
public class CalendarFeed {

    private final JdbcClient jdbc;
    private final MeetingRepository meetings;
    private final Meetings membership;
    private final Bodies bodies;
    private final Accounts accounts;
    private final List<CalendarContribution> contributions;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;

    CalendarFeed(JdbcClient jdbc, MeetingRepository meetings, Meetings membership, Bodies bodies, Accounts accounts,
            List<CalendarContribution> contributions, Clock clock, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.membership = membership;
        this.bodies = bodies;
        this.accounts = accounts;
        this.contributions = contributions;
        this.clock = clock;
    }

    /** The current user's feed token, created on first use. */
    @PreAuthorize("isAuthenticated()")
    public UUID token() {
        var account = CurrentUser.get().accountId();
        return jdbc.sql("SELECT token FROM meetings_calendar_feed WHERE account_id = ?").param(account)
                .query(UUID.class).optional()
                .orElseGet(() -> {
                    var token = UUID.randomUUID();
                    jdbc.sql("INSERT INTO meetings_calendar_feed (account_id, token, created_at) VALUES (?, ?, ?)")
                            .params(account, token, Timestamp.from(clock.instant())).update();
                    return token;
                });
    }

    /** A new token; the old URL stops working (e.g. after it was passed on by mistake). */
    @PreAuthorize("isAuthenticated()")
    public UUID renewToken() {
        jdbc.sql("DELETE FROM meetings_calendar_feed WHERE account_id = ?").param(CurrentUser.get().accountId()).update();
        return token();
    }

    /** The iCalendar text behind a token, or empty for an unknown token or a locked account. */
    @Transactional(readOnly = true)
    public Optional<Calendar> feed(UUID token) {
        return jdbc.sql("SELECT account_id FROM meetings_calendar_feed WHERE token = ?").param(token)
                .query(UUID.class).optional()
                .flatMap(accounts::enabled)
                .map(user -> CurrentUser.runAs(user, () -> calendar(user)));
    }

    private Calendar calendar(SipaUser user) {
        var calendar = CalendarFeeds.publishing("-//SiPa//Kalender//DE",
                messages.getMessage("calendar.feed.name", null, java.util.Locale.GERMANY), clock.getZone());
        var names = new java.util.HashMap<BodyId, String>();
        bodies.all().forEach(b -> names.put(b.id(), b.name()));
        // Whether the organisation sits in a body, asked once per body (not per meeting: that was ~6,700 statements
        // for five years of meetings, see bench/README.md).
        var sitsIn = new java.util.HashMap<BodyId, Boolean>();
        var modified = meetings.lastModified(user.partnership());
        for (var meeting : meetings.all(user.partnership())) {
            if (meeting.status() == MeetingStatus.CANCELLED
                    || !sitsIn.computeIfAbsent(meeting.body(), membership::isMember)) {
                continue;
            }
            calendar.add(MeetingCalendar.published(meeting, names.getOrDefault(meeting.body(), ""),
                    modified.get(meeting.id())));
        }
        var revisions = meetings.openActionItemRevisions(user.partnership());
        for (var item : meetings.openActionItems(user.partnership())) {
            if (!user.coordinates() && !user.belongsTo(item.owner())) {
                continue;
            }
            var event = new VEvent(item.dueOn(), "Fällig: " + item.title());
            event.add(new Uid(item.id().value() + "@sipa"));
            // Only open items are listed: a done item leaves the feed; a change of its status is a new revision.
            var revision = revisions.get(item.id());
            event.add(new Sequence(revision.sequence()));
            CalendarFeeds.revised(event, revision.modifiedAt());
            calendar.add(event);
        }
        contributions.forEach(c -> c.eventsFor(user).forEach(calendar::add));
        return calendar;
    }
}
