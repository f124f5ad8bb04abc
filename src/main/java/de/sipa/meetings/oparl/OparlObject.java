package de.sipa.meetings.oparl;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;

/**
 * An OParl object as written to JSON: {@code id} and {@code type} first, then the properties that have a value
 * (OParl leaves out what is unknown rather than writing null).
 */
class OparlObject extends LinkedHashMap<String, Object> {

    static final String SCHEMA = "https://schema.oparl.org/1.1/";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final transient ZoneId zone;

    OparlObject(String id, String type, ZoneId zone) {
        this.zone = zone;
        put("id", id);
        put("type", SCHEMA + type);
    }

    OparlObject with(String property, Object value) {
        if (value != null) {
            put(property, value);
        }
        return this;
    }

    OparlObject withTime(String property, Instant value) {
        return with(property, value == null ? null
                : DATE_TIME.format(value.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime()));
    }

    OparlObject withDate(String property, LocalDate value) {
        return with(property, value == null ? null : value.toString());
    }

    OparlObject stamped(Instant created, Instant modified) {
        return withTime("created", created).withTime("modified", modified);
    }
}
