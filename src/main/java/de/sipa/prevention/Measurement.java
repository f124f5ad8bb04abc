package de.sipa.prevention;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An indicator's value over a period as the project page shows it: typed, or counted live.
 *
 * @param value {@code null} where the figure is not there (no crime figures for the year) or not visible to the user
 * @param hidden whether the user may not see the linked figure (crime figures are for the coordination and police)
 */
public record Measurement(UUID id, LocalDate from, LocalDate to, Double value, boolean live, boolean hidden) {
}
