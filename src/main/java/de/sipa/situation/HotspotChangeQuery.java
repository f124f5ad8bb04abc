package de.sipa.situation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What the hotspot change compares: reports of some categories and sources in an earlier and a later period (both
 * days included), on a grid of square cells, each period split into {@code splits} sub-periods of (nearly) equal
 * length for the classification ({@link HotspotChangeRule}).
 */
public record HotspotChangeQuery(LocalDate earlierFrom, LocalDate earlierTo, LocalDate laterFrom, LocalDate laterTo,
        List<String> categories, HotspotSource source, int cellSize, int splits) {

    public static final int DEFAULT_SPLITS = 4;
    public static final int MAX_SPLITS = 12;

    public HotspotChangeQuery {
        categories = categories == null ? List.of() : categories.stream().filter(c -> c != null && !c.isBlank())
                .distinct().toList();
        source = source == null ? HotspotSource.ALL : source;
    }

    long earlierDays() {
        return ChronoUnit.DAYS.between(earlierFrom, earlierTo) + 1;
    }

    long laterDays() {
        return ChronoUnit.DAYS.between(laterFrom, laterTo) + 1;
    }

    /**
     * The period from {@code from} to {@code to} (D days) in {@code parts} sub-periods: part i (from 0) runs from
     * day ⌊i·D/parts⌋ to day ⌊(i+1)·D/parts⌋ − 1, counted from {@code from}; each pair is first and last day.
     */
    static List<LocalDate[]> split(LocalDate from, LocalDate to, int parts) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        var result = new ArrayList<LocalDate[]>(parts);
        for (int i = 0; i < parts; i++) {
            result.add(new LocalDate[] {from.plusDays(i * days / parts), from.plusDays((i + 1) * days / parts - 1)});
        }
        return result;
    }
}
