package de.sipa.volunteers;

import java.time.LocalDate;

import de.sipa.partners.PersonId;
import de.sipa.prevention.ProjectId;

/** What the staff write about an offer; the facade checks it ({@code project} is optional). */
public record OfferDraft(String title, String description, String schedule, String location, String timeCommitment,
        Integer peopleWanted, PersonId contactPerson, ProjectId project, LocalDate engagementEnds) {
}
