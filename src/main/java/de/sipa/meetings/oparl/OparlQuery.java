package de.sipa.meetings.oparl;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.UUID;

import org.springframework.util.MultiValueMap;

/**
 * One page of an OParl list: the spec's filters on {@code created} and {@code modified}, the page size the client
 * asked for (capped), and the cursor after which the page starts. The API writes times to the second, so the
 * {@code _until} filters include the whole second they name: {@code createdUntil} and {@code modifiedUntil} hold the
 * first instant no longer included.
 */
record OparlQuery(Instant createdSince, Instant createdUntil, Instant modifiedSince, Instant modifiedUntil,
        Cursor after, int limit) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    /** The filter parameters, kept on every page's links as the spec asks. */
    static final String[] FILTERS = {"created_since", "created_until", "modified_since", "modified_until",
            "elementsPerPage"};

    static OparlQuery from(MultiValueMap<String, String> parameters) {
        return new OparlQuery(dateTime(parameters, "created_since"), until(parameters, "created_until"),
                dateTime(parameters, "modified_since"), until(parameters, "modified_until"),
                parameters.getFirst("after") == null ? null : Cursor.parse(parameters.getFirst("after")),
                limit(parameters.getFirst("elementsPerPage")));
    }

    /** For lists held in memory, sorted with {@link Cursor#ORDER}; the database lists filter in SQL alike. */
    boolean admits(Instant created, Instant modified, UUID id) {
        return (createdSince == null || !created.isBefore(createdSince))
                && (createdUntil == null || created.isBefore(createdUntil))
                && (modifiedSince == null || !modified.isBefore(modifiedSince))
                && (modifiedUntil == null || modified.isBefore(modifiedUntil))
                && (after == null || Cursor.ORDER.compare(after, new Cursor(created, id)) < 0);
    }

    /** The end of the second named, exclusive: 10:00:00 includes 10:00:00.999. */
    private static Instant until(MultiValueMap<String, String> parameters, String name) {
        var value = dateTime(parameters, name);
        return value == null ? null : value.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
    }

    private static Instant dateTime(MultiValueMap<String, String> parameters, String name) {
        var value = parameters.getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new OparlException(name + " ist kein Zeitpunkt nach ISO 8601 mit Zeitzone (z. B. 2026-01-01T00:00:00+01:00): " + value);
        }
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            return Math.max(1, Math.min(MAX_LIMIT, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            throw new OparlException("elementsPerPage ist keine Zahl: " + value);
        }
    }

    /** Where a page ends in the list's stable order (created, id); opaque to clients. */
    record Cursor(Instant created, UUID id) {

        static Cursor parse(String value) {
            var parts = value.split("_", 2);
            try {
                long micros = Long.parseLong(parts[0]);
                return new Cursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                        Math.floorMod(micros, 1_000_000L) * 1000L), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw new OparlException("after ist kein gültiger Seitenzeiger: " + value);
            }
        }

        static final Comparator<Cursor> ORDER = Comparator.comparing(Cursor::created).thenComparing(Cursor::id);

        @Override
        public String toString() {
            return (created.getEpochSecond() * 1_000_000L + created.getNano() / 1000) + "_" + id;
        }
    }
}
