package de.sipa.places;

import java.time.LocalDate;

/**
 * One thing on a place's time line.
 *
 * @param what the message key of the kind of event ("timeline.measureStarts"), shown before the title
 * @param title the record's title, number or category
 * @param detail a status or further note, may be {@code null}
 * @param path the page of the record, or {@code null}
 */
public record TimelineEntry(LocalDate day, TimelineKind kind, String what, String title, String detail, String path) {
}
