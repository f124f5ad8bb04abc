package de.sipa.situation;

import java.time.LocalDate;
import java.util.List;

/**
 * What the hotspot analysis looks at: reports submitted in a period (both days included), of some categories (by
 * their Open311 code; none: all), from some sources, on a grid of square cells; or, with the source
 * {@link HotspotSource#INCIDENTS}, the police's incidents of the period, of one offence group or all.
 *
 * @param bandwidth the kernel density's bandwidth in metres; {@code null}: the default rule's
 * @param offence the incidents' offence group; {@code null}: all (ignored for reports)
 */
public record HotspotQuery(LocalDate from, LocalDate to, List<String> categories, HotspotSource source, int cellSize,
        Double bandwidth, String offence) {

    public static final int DEFAULT_CELL_SIZE = 100;
    public static final int MIN_CELL_SIZE = 50;
    public static final int MAX_CELL_SIZE = 500;
    /** The longest period, in days. */
    public static final int MAX_DAYS = 5 * 366;

    public HotspotQuery {
        categories = categories == null ? List.of() : categories.stream().filter(c -> c != null && !c.isBlank())
                .distinct().toList();
        source = source == null ? HotspotSource.ALL : source;
        offence = offence == null || offence.isBlank() || !source.incidents() ? null : offence.strip();
        categories = source.incidents() ? List.of() : categories;
    }

    /** Reports (or all incidents). */
    public HotspotQuery(LocalDate from, LocalDate to, List<String> categories, HotspotSource source, int cellSize,
            Double bandwidth) {
        this(from, to, categories, source, cellSize, bandwidth, null);
    }
}
