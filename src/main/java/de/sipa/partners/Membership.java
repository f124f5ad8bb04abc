package de.sipa.partners;

import java.time.LocalDate;

/** A person's seat in a body for a period; {@code endsOn} is null while it lasts. */
public record Membership(MembershipId id, BodyId body, PersonId person, MembershipRole role, LocalDate startsOn,
        LocalDate endsOn) {

    public boolean isCurrentOn(LocalDate day) {
        return !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
    }
}
