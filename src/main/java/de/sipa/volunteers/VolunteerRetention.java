package de.sipa.volunteers;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long the volunteers' personal data are kept after their engagement ended
 * ({@code sipa.volunteers.retention}, default 180 days, so that hours can still be confirmed to them): the nightly
 * job clears them then, and the public form says so. Templates ask it as {@code ${@volunteerRetention.days()}}.
 */
@Component("volunteerRetention")
public class VolunteerRetention {

    /** An unconfirmed sign-up is deleted this long after it came in. */
    public static final Duration CONFIRMATION_WINDOW = Duration.ofHours(48);

    private final Duration period;

    VolunteerRetention(@Value("${sipa.volunteers.retention:P180D}") Duration period) {
        this.period = period;
    }

    public Duration period() {
        return period;
    }

    /** The period in whole days, rounded up: what citizens are told. */
    public long days() {
        var days = period.toDays();
        return period.equals(Duration.ofDays(days)) ? days : days + 1;
    }

    public long confirmationHours() {
        return CONFIRMATION_WINDOW.toHours();
    }
}
