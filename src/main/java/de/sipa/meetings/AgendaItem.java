package de.sipa.meetings;

import java.util.UUID;

import de.sipa.partners.PersonId;

/** A point of the agenda; confidential ones are seen by the body's members only. */
public record AgendaItem(UUID id, int position, String title, String description, PersonId presenter,
        boolean confidential) {
}
