package de.sipa.shared;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Subscribed calendars (behind a secret URL): the calendar they publish and the answer calendar programs poll. */
public final class CalendarFeeds {

    private CalendarFeeds() {
    }

    /** An empty calendar that publishes events (no invitations, nobody is asked to answer). */
    public static Calendar publishing(String productId) {
        var calendar = new Calendar();
        calendar.add(new ProdId(productId));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableMethod.PUBLISH);
        return calendar;
    }

    /** The feed as calendar programs fetch it; they may keep it five minutes. */
    public static ResponseEntity<String> response(Calendar calendar) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300").body(calendar.toString());
    }
}
