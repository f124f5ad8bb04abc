package de.sipa.situation;

import java.util.EnumMap;
import java.util.Map;

/** Which column of an uploaded incident file holds what SiPa needs; missing where none is chosen yet. */
public record IncidentMapping(Map<IncidentColumn, String> columns) {

    public IncidentMapping {
        var chosen = new EnumMap<IncidentColumn, String>(IncidentColumn.class);
        columns.forEach((column, header) -> {
            if (header != null && !header.isBlank()) {
                chosen.put(column, header);
            }
        });
        columns = chosen;
    }

    /** Nothing chosen yet: the import guesses from the headers. */
    public static IncidentMapping guess() {
        return new IncidentMapping(Map.of());
    }

    public String column(IncidentColumn column) {
        return columns.get(column);
    }
}
