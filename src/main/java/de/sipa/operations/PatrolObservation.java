package de.sipa.operations;

import java.util.Map;
import java.util.UUID;

import de.sipa.reports.CategoryId;
import de.sipa.reports.ReportId;

/**
 * Something a patrol saw, in the central contact point's categories.
 *
 * @param area where, if it was in one of the plan's areas
 * @param attributes the answers to the category's extra questions, by question code
 * @param report the report it became at the contact point; {@code null} while it is only noted
 */
public record PatrolObservation(UUID id, PatrolId patrol, CategoryId category, PatrolAreaId area, String place,
        String description, Map<String, String> attributes, ReportId report) {

    public PatrolObservation {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public boolean reported() {
        return report != null;
    }
}
