package de.sipa.volunteers;

import java.time.Instant;
import java.time.LocalDate;

import de.sipa.partners.PersonId;

/**
 * A volunteer offer (Ehrenamtsangebot).
 *
 * @param schedule when, in words ("dienstags 16–18 Uhr")
 * @param location where, in words
 * @param timeCommitment how much time a volunteer gives ("2 Stunden pro Woche")
 * @param contactPerson the partners' person who looks after the volunteers
 * @param projectTitle the prevention project it belongs to, by title, or {@code null}
 * @param engagementEnds the last day of the engagement; the volunteers' data are cleared a while after it
 */
public record VolunteerOffer(VolunteerOfferId id, String title, String description, String schedule, String location,
        String timeCommitment, int peopleWanted, PersonId contactPerson, String projectTitle, OfferStatus status,
        LocalDate engagementEnds, Instant createdAt) {

    /** Citizens see it and may sign up on the day given. */
    public boolean openOn(LocalDate day) {
        return status == OfferStatus.PUBLISHED && !engagementEnds.isBefore(day);
    }
}
