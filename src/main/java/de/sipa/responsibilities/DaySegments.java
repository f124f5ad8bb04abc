package de.sipa.responsibilities;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The day cut at every start and end of a time window. Within a segment the same windows apply; segments with
 * the same windows share a "slot", and responsibilities only differ between slots.
 */
final class DaySegments {

    private static final int DAY = 24 * 60 * 60;

    private final int[] starts;
    private final int[] slotOfSegment;
    private final List<Set<TimeWindowId>> slots;

    DaySegments(List<TimeWindow> windows) {
        var cuts = new TreeSet<Integer>();
        cuts.add(0);
        for (var window : windows) {
            cuts.add(window.startsAt().toSecondOfDay());
            cuts.add(window.endsAt().toSecondOfDay());
        }
        starts = cuts.stream().mapToInt(Integer::intValue).toArray();
        slotOfSegment = new int[starts.length];
        slots = new ArrayList<>();
        Map<Set<TimeWindowId>, Integer> slotIndex = new HashMap<>();
        for (int i = 0; i < starts.length; i++) {
            var time = LocalTime.ofSecondOfDay(starts[i]);
            Set<TimeWindowId> applying = new LinkedHashSet<>();
            windows.stream().filter(w -> w.contains(time)).forEach(w -> applying.add(w.id()));
            var slot = slotIndex.computeIfAbsent(Set.copyOf(applying), key -> {
                slots.add(key);
                return slots.size() - 1;
            });
            slotOfSegment[i] = slot;
        }
    }

    /** The distinct sets of windows that apply at some time of day; the empty set is the time outside all windows. */
    List<Set<TimeWindowId>> slots() {
        return slots;
    }

    int slotAt(int secondOfDay) {
        int index = Arrays.binarySearch(starts, Math.floorMod(secondOfDay, DAY));
        return slotOfSegment[index >= 0 ? index : -index - 2];
    }

    int slotAt(LocalTime time) {
        return slotAt(time.toSecondOfDay());
    }
}
