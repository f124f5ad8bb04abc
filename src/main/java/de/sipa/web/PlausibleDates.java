package de.sipa.web;

import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.function.Function;

import org.springframework.util.StringUtils;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Dates in forms and filters are read as ISO dates (as the date inputs send them) of the years 1900 to 2199: a
 * year like -999999999 is a typing error or an attack, and would only fail later in date arithmetic or in
 * PostgreSQL. Out of range, the field gets the usual "invalid value" error (400 for a filter).
 */
@ControllerAdvice
class PlausibleDates {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2199;

    @InitBinder
    void plausibleDates(WebDataBinder binder) {
        binder.registerCustomEditor(LocalDate.class, new Editor<>(LocalDate::parse));
        binder.registerCustomEditor(LocalDateTime.class, new Editor<>(LocalDateTime::parse));
    }

    private static final class Editor<T extends TemporalAccessor> extends PropertyEditorSupport {

        private final Function<String, T> parse;

        Editor(Function<String, T> parse) {
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            if (!StringUtils.hasText(text)) {
                setValue(null);
                return;
            }
            T value;
            try {
                value = parse.apply(text.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            int year = value.get(ChronoField.YEAR);
            if (year < FIRST_YEAR || year > LAST_YEAR) {
                throw new IllegalArgumentException("Year " + year + " is outside " + FIRST_YEAR + "–" + LAST_YEAR);
            }
            setValue(value);
        }

        @Override
        public String getAsText() {
            return getValue() == null ? "" : getValue().toString();
        }
    }
}
