package de.sipa.shared;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Published calendars (a subscribed feed behind a secret URL, a meeting's .ics download): the calendar they publish
 * and the answer calendar programs fetch. Published calendars carry no METHOD (RFC 5545 §3.7.2: METHOD belongs to
 * iTIP messages such as invitations), but a name (RFC 7986 NAME and the widespread X-WR-CALNAME) and the
 * partnership's time zone (VTIMEZONE, X-WR-TIMEZONE). Every calendar SiPa writes goes through {@link #text}, which
 * folds its lines at 75 octets.
 */
public final class CalendarFeeds {

    private CalendarFeeds() {
    }

    /** An empty calendar that publishes events (no invitations, nobody is asked to answer). */
    public static Calendar publishing(String productId, String name, ZoneId zone) {
        var calendar = new Calendar();
        calendar.add(new ProdId(productId));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Name(name));
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-TIMEZONE", zone.getId()));
        var timeZone = TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(zone.getId());
        if (timeZone != null) {
            calendar.add(timeZone.getVTimeZone());
        }
        return calendar;
    }

    /**
     * Marks a published event as revised at the given moment: DTSTAMP (which, in a calendar without METHOD, is when the
     * event was last revised, RFC 5545 §3.8.7.2) and LAST-MODIFIED. Together with a SEQUENCE that rises on every
     * change, calendar programs see which copy is newer.
     */
    public static VEvent revised(VEvent event, Instant at) {
        var second = at.truncatedTo(ChronoUnit.SECONDS);
        event.replace(new DtStamp(second));
        event.replace(new LastModified(second));
        return event;
    }

    /** The feed as calendar programs fetch it; they may keep it five minutes. */
    public static ResponseEntity<String> response(Calendar calendar) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300").body(text(calendar));
    }

    /**
     * The calendar as iCalendar text with its lines folded at 75 octets (RFC 5545 §3.1): ical4j's
     * {@code toString()} does not fold, and its folding writer counts characters, not the octets of UTF-8.
     */
    public static String text(Calendar calendar) {
        var folded = new StringBuilder();
        for (var line : calendar.toString().split("\r\n")) {
            var octets = 0;
            var limit = 75;
            for (var i = 0; i < line.length(); ) {
                var codePoint = line.codePointAt(i);
                var size = new String(Character.toChars(codePoint)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                if (octets + size > limit) {
                    folded.append("\r\n ");
                    octets = 1;
                }
                folded.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            folded.append("\r\n");
        }
        return folded.toString();
    }
}
