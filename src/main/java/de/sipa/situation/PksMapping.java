package de.sipa.situation;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import de.sipa.partners.DistrictId;

/**
 * How an uploaded file is read: which of its columns holds what SiPa needs, and which SiPa district each of its
 * district names or keys means.
 *
 * @param columns the file's (lower-cased) header per column; missing where the user has not chosen one yet
 * @param districts the SiPa district per district value as written in the file; missing or {@code null} where
 *        none is chosen
 */
public record PksMapping(Map<PksColumn, String> columns, Map<String, DistrictId> districts) {

    public PksMapping {
        var chosen = new EnumMap<PksColumn, String>(PksColumn.class);
        columns.forEach((column, header) -> {
            if (header != null && !header.isBlank()) {
                chosen.put(column, header);
            }
        });
        columns = chosen;
        districts = new LinkedHashMap<>(districts);
    }

    /** Nothing chosen yet: the import guesses everything from the headers and the districts' names. */
    public static PksMapping guess() {
        return new PksMapping(Map.of(), Map.of());
    }

    public String column(PksColumn column) {
        return columns.get(column);
    }

    public DistrictId district(String value) {
        return districts.get(value);
    }
}
