package de.sipa.volunteers;

import java.time.Instant;
import java.time.LocalDate;

import de.sipa.partners.PersonId;
import de.sipa.prevention.ProjectId;

/**
 * A volunteer offer (Ehrenamtsangebot).
 *
 * @param schedule when, in words ("dienstags 16–18 Uhr")
 * @param location where, in words
 * @param timeCommitment how much time a volunteer gives ("2 Stunden pro Woche")
 * @param contactPerson the partners' person who looks after the volunteers
 * @param project the prevention project of the partnership it belongs to, or {@code null}
 * @param engagementEnds the last day of the engagement; the volunteers' data are cleared a while after it
 */
public record VolunteerOffer(VolunteerOfferId id, String title, String description, String schedule, String location,
        String timeCommitment, int peopleWanted, PersonId contactPerson, ProjectId project, OfferStatus status,
        LocalDate engagementEnds, Instant createdAt) {

    /** Citizens see it and may sign up on the day given. */
    public boolean openOn(LocalDate day) {
        return status == OfferStatus.PUBLISHED && !engagementEnds.isBefore(day);
    }
}
