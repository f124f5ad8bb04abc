package de.sipa.meetings.oparl;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One page of an OParl list, where the next one starts (null on the last page), and how many there are in all
 * (on the first page only, null on the others).
 */
record OparlSlice<T>(List<T> items, OparlQuery.Cursor next, Long total) {

    /**
     * An element of a list held in memory, written only if it is on the page; a deleted one (a tombstone) is listed
     * only to clients that sync with modified_since, as the spec says.
     */
    record Listed(Instant created, Instant modified, UUID id, boolean deleted, Supplier<OparlObject> object) {

        OparlQuery.Cursor position() {
            return new OparlQuery.Cursor(created, id);
        }
    }

    /** Pages a list held in memory (the network's bodies, people, memberships: tens to hundreds). */
    static OparlSlice<Listed> of(List<Listed> all, OparlQuery query) {
        var matching = all.stream()
                .filter(l -> query.admits(l.created(), l.modified(), l.id()))
                .filter(l -> !l.deleted() || query.modifiedSince() != null)
                .sorted(Comparator.comparing(Listed::position, OparlQuery.Cursor.ORDER))
                .toList();
        var total = query.after() != null ? null : (long) matching.size();
        if (matching.size() <= query.limit()) {
            return new OparlSlice<>(matching, null, total);
        }
        var page = matching.subList(0, query.limit());
        return new OparlSlice<>(page, page.get(page.size() - 1).position(), total);
    }
}
