package de.sipa.meetings.oparl;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import de.sipa.partners.Published;

/**
 * One page of an OParl list, where the next one starts (null on the last page), and how many there are in all
 * (on the first page only, null on the others).
 */
record OparlSlice<T>(List<T> items, OparlQuery.Cursor next, Long total) {

    /** Pages a list held in memory (the network's bodies, people, memberships: tens to hundreds). */
    static <T> OparlSlice<Published<T>> of(List<Published<T>> all, Function<T, UUID> id, OparlQuery query) {
        Function<Published<T>, OparlQuery.Cursor> position = p -> new OparlQuery.Cursor(p.created(), id.apply(p.record()));
        var matching = all.stream()
                .filter(p -> query.admits(p.created(), p.modified(), id.apply(p.record())))
                .sorted(Comparator.comparing(position, OparlQuery.Cursor.ORDER))
                .toList();
        var filtered = query.after() != null ? null : (long) matching.size();
        if (matching.size() <= query.limit()) {
            return new OparlSlice<>(matching, null, filtered);
        }
        var page = matching.subList(0, query.limit());
        return new OparlSlice<>(page, position.apply(page.get(page.size() - 1)), filtered);
    }
}
