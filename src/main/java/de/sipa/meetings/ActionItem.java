package de.sipa.meetings;

import java.time.LocalDate;

import de.sipa.partners.PersonId;
import de.sipa.shared.OrganisationId;

/** A work assignment from a meeting (Arbeitsauftrag): who, what, by when. */
public record ActionItem(ActionItemId id, MeetingId meeting, DecisionId decision, String title, OrganisationId owner,
        PersonId responsible, LocalDate dueOn, ActionItemStatus status) {

    public boolean overdueOn(LocalDate day) {
        return status.open() && dueOn.isBefore(day);
    }
}
