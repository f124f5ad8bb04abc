package de.sipa.volunteers;

import java.time.LocalDate;

import de.sipa.partners.PersonId;

/** What the staff write about an offer; the facade checks it. */
public record OfferDraft(String title, String description, String schedule, String location, String timeCommitment,
        Integer peopleWanted, PersonId contactPerson, String projectTitle, LocalDate engagementEnds) {
}
