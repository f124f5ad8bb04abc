package de.sipa.prevention;

import java.time.Instant;
import java.util.UUID;

/** An agenda item of a meeting that dealt with a project, as the reader may see it. */
public record ProjectAgendaLink(UUID id, ProjectId project, UUID meeting, UUID agendaItem, String meetingTitle,
        Instant meetingStartsAt, String itemTitle) {

    public String path() {
        return "/meetings/" + meeting;
    }
}
