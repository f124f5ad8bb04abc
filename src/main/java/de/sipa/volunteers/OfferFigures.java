package de.sipa.volunteers;

import java.math.BigDecimal;

/**
 * An offer's anonymous figures: sign-ups confirmed (any status but unconfirmed), taken on (accepted or assigned),
 * waiting for the citizen's confirmation, and the hours given in all.
 */
public record OfferFigures(int signedUp, int takenOn, int unconfirmed, BigDecimal hours) {

    public static final OfferFigures NONE = new OfferFigures(0, 0, 0, BigDecimal.ZERO);

    /** The hours as Germans write them: "12" or "2,5". */
    public String hoursText() {
        return VolunteerOffers.hours(hours);
    }
}
