package de.sipa.surveys;

import java.util.Map;
import java.util.UUID;

/**
 * The population structure the partnership entered: inhabitants per district and, for the whole city, per age band
 * and gender (the codes of the standard items).
 *
 * @param districts inhabitants by district id
 * @param cells inhabitants by age band and gender
 */
public record Population(Map<UUID, Long> districts, Map<AgeGender, Long> cells) {

    /** An age band (16_24 … 75_PLUS) with a gender (FEMALE, MALE, DIVERSE). */
    public record AgeGender(String ageBand, String gender) {
    }

    public Population {
        districts = Map.copyOf(districts);
        cells = Map.copyOf(cells);
    }

    public static Population none() {
        return new Population(Map.of(), Map.of());
    }

    public boolean hasDistricts() {
        return districts.values().stream().anyMatch(v -> v > 0);
    }

    public boolean hasCells() {
        return cells.values().stream().anyMatch(v -> v > 0);
    }

    public long inhabitants(UUID district) {
        return districts.getOrDefault(district, 0L);
    }

    public long inhabitants(String ageBand, String gender) {
        return cells.getOrDefault(new AgeGender(ageBand, gender), 0L);
    }
}
