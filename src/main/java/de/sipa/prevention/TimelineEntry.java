package de.sipa.prevention;

import java.time.LocalDate;

/**
 * One step in a project's time line from the meetings: an agenda item that dealt with it, a decision taken there, an
 * action item assigned from that decision.
 *
 * @param status for an action item the name of its status, else empty
 */
public record TimelineEntry(LocalDate day, Kind kind, String title, String context, String status, String path) {

    public enum Kind {
        AGENDA_ITEM, DECISION, ACTION_ITEM
    }
}
