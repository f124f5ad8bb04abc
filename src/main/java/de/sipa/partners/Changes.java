package de.sipa.partners;

import java.lang.reflect.RecordComponent;
import java.util.Objects;
import java.util.StringJoiner;

/** Describes for the audit trail which fields of a record changed, e.g. ": phone 123 → 456". */
final class Changes {

    private Changes() {
    }

    static <T extends Record> String describe(T before, T after) {
        var changes = new StringJoiner("; ", ": ", "");
        changes.setEmptyValue("");
        for (RecordComponent component : before.getClass().getRecordComponents()) {
            var old = normalise(value(component, before));
            var now = normalise(value(component, after));
            if (!Objects.equals(old, now)) {
                changes.add(component.getName() + " " + display(old) + " → " + display(now));
            }
        }
        return changes.toString();
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object normalise(Object value) {
        return value instanceof String text && text.isBlank() ? null : value instanceof String text ? text.strip() : value;
    }

    private static String display(Object value) {
        return value == null ? "–" : value.toString();
    }
}
