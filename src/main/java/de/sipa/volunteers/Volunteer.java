package de.sipa.volunteers;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A citizen signed up for an offer. After the engagement the personal data are cleared ({@code anonymised}): name,
 * e-mail, phone, message and assignment are {@code null} then, status and hours stay.
 */
public record Volunteer(VolunteerId id, VolunteerOfferId offer, String name, String email, String phone,
        String message, VolunteerStatus status, String assignment, BigDecimal hours, Instant createdAt,
        Instant confirmedAt, Instant thankedAt, boolean anonymised) {

    /** The hours as Germans write them: "12" or "2,5". */
    public String hoursText() {
        return VolunteerOffers.hours(hours);
    }
}
