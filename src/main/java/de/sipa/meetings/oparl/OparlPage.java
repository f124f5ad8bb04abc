package de.sipa.meetings.oparl;

import java.util.List;

/** The objects of one list page and where the list goes on. */
record OparlPage(List<OparlObject> data, OparlSlice<?> slice) {
}
