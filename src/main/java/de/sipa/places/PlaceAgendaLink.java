package de.sipa.places;

import java.time.Instant;
import java.util.UUID;

/** An agenda item of a meeting that deals with a place, as the reader may see it. */
public record PlaceAgendaLink(UUID id, PlaceId place, UUID meeting, UUID agendaItem, String meetingTitle,
        Instant meetingStartsAt, String itemTitle) {

    public String path() {
        return "/meetings/" + meeting;
    }
}
