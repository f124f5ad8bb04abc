package de.sipa.operations;

import java.time.YearMonth;
import java.util.Map;

/**
 * One month of patrols: how many were planned (including cancelled ones), how many took place (have a report), and
 * the hours actually on patrol per area. A patrol through several areas counts its hours to each in equal parts.
 */
public record PatrolMonth(YearMonth month, int planned, int tookPlace, Map<String, Double> hoursPerArea) {

    /** Share of planned patrols that took place, in percent; {@code null} without planned patrols. */
    public Integer percentTookPlace() {
        return planned == 0 ? null : Math.round(100f * tookPlace / planned);
    }

    public double hours() {
        return hoursPerArea.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
