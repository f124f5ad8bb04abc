package de.sipa.meetings;

import java.util.UUID;

/**
 * A link from an agenda item to a record of another module, with the record's title as the reader may see it.
 *
 * @param target the id of the linked record (a report's, a topic's)
 */
public record AgendaLink(UUID id, UUID agendaItem, AgendaLinkKind kind, UUID target, String title) {

    /** The address of the linked record's page. */
    public String path() {
        return kind.pagePrefix() + target;
    }
}
