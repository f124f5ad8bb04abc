package de.sipa.meetings;

import java.time.LocalDate;

import de.sipa.partners.PersonId;
import de.sipa.shared.OrganisationId;

/**
 * A work assignment (Arbeitsauftrag): who, what, by when. It comes from a meeting, or from elsewhere (then
 * {@code meeting} is {@code null} and {@code origin} names it).
 */
public record ActionItem(ActionItemId id, MeetingId meeting, DecisionId decision, String title, OrganisationId owner,
        PersonId responsible, LocalDate dueOn, ActionItemStatus status, ActionItemOrigin origin) {

    public boolean overdueOn(LocalDate day) {
        return status.open() && dueOn.isBefore(day);
    }

    /** The page the item comes from. */
    public String link() {
        return meeting != null ? "/meetings/" + meeting : origin.link();
    }
}
