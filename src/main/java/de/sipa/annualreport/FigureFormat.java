package de.sipa.annualreport;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import de.sipa.shared.YearlyFigures.KeyFigure;
import de.sipa.shared.YearlyFigures.Percent;
import de.sipa.shared.YearlyFigures.Unit;

/** How the report writes its figures and dates in the reader's language (German: 1.234,5 and 31.12.2025). */
public record FigureFormat(Locale locale) {

    /** A key figure's value with its unit, or a dash where there is none. */
    public String value(Double value, Unit unit) {
        if (value == null) {
            return "–";
        }
        return switch (unit) {
            case COUNT -> NumberFormat.getIntegerInstance(locale).format(Math.round(value));
            case PERCENT -> percent(value);
            case DAYS, HOURS -> decimal(value);
        };
    }

    public String value(KeyFigure figure) {
        return value(figure.value(), figure.unit());
    }

    /** A table cell: a number, a date, a share or text (a message key is resolved by the caller). */
    public String cell(Object cell) {
        if (cell == null) {
            return "–";
        }
        if (cell instanceof Long || cell instanceof Integer) {
            return NumberFormat.getIntegerInstance(locale).format(((Number) cell).longValue());
        }
        if (cell instanceof Number number) {
            return decimal(number.doubleValue());
        }
        if (cell instanceof LocalDate date) {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
        }
        if (cell instanceof Percent percent) {
            return percent(percent.share());
        }
        return cell.toString();
    }

    public String percent(double share) {
        var format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(share);
    }

    public String decimal(double value) {
        var format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        format.setMinimumFractionDigits(0);
        return format.format(value);
    }

    public String date(java.time.Instant instant, java.time.ZoneId zone) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).format(instant.atZone(zone));
    }
}
