package de.sipa.shared;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;

/**
 * A module's figures for one year of the annual report (Präventionsbericht): one chapter. Each module offers its
 * yearly figures through one implementation at its root; the annual report collects every implementation
 * ({@code List<YearlyFigures>} injected), so a new module adds a chapter by adding one class, without touching the
 * report. Figures are for the acting user's partnership.
 */
public interface YearlyFigures {

    /** The chapter's key: its texts are in the messages files under {@code annualreport.chapter.<key>}. */
    String key();

    /** Where the chapter stands in a new report (smaller first). */
    int position();

    /** The figures of the calendar year in the application's time zone. */
    Chapter of(Year year);

    /**
     * The labels of this chapter's key figures that the report follows over the years (its multi-year chart); none
     * by default.
     */
    default List<String> followedFigures() {
        return List.of();
    }

    /**
     * What a chapter shows for a year.
     *
     * @param figures the key figures, compared with last year's
     */
    record Chapter(List<KeyFigure> figures, List<Table> tables, List<Bars> charts) {

        public Chapter {
            figures = List.copyOf(figures);
            tables = List.copyOf(tables);
            charts = List.copyOf(charts);
        }

        /** Whether the year has nothing to show: no key figure above zero and no table row. */
        public boolean empty() {
            return figures.stream().noneMatch(f -> f.value() != null && f.value() != 0)
                    && tables.stream().allMatch(t -> t.rows().isEmpty());
        }
    }

    /** How a key figure reads. */
    enum Unit {
        COUNT, PERCENT, DAYS, HOURS
    }

    /**
     * A key figure; {@code label} is a message key, {@code value} {@code null} where there is none (a median of nothing).
     * A percent is a share from 0 to 1.
     */
    record KeyFigure(String label, Double value, Unit unit) {

        public static KeyFigure count(String label, long value) {
            return new KeyFigure(label, (double) value, Unit.COUNT);
        }
    }

    /**
     * A table: the title and column headings are message keys, the cells texts or numbers; {@code empty} the message
     * key of what the report says when there is no row, {@code null} to leave the table out then.
     */
    record Table(String title, List<String> columns, List<List<Object>> rows, String empty) {

        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(r -> (List<Object>) new ArrayList<>(r)).toList();
        }

        /** A table left out when it has no row. */
        public Table(String title, List<String> columns, List<List<Object>> rows) {
            this(title, columns, rows, null);
        }
    }

    /** A table cell that is a message key (e.g. a status), resolved in the reader's language. */
    record Label(String key) {
    }

    /** A table cell that is a share from 0 to 1, written as a percentage. */
    record Percent(double share) {
    }

    /**
     * A bar chart: the title a message key, one bar per label, a label being a message key where there is a message
     * for it (e.g. a status) or else the text itself (the months 1…12, years); a value {@code null} where there is
     * none (no bar, a dash).
     */
    record Bars(String title, List<String> labels, List<Double> values, Unit unit) {

        public Bars {
            labels = List.copyOf(labels);
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
            if (labels.size() != values.size()) {
                throw new IllegalArgumentException("a label for each value");
            }
        }

        /** Counts, one bar per label. */
        public Bars(String title, List<String> labels, List<Long> counts) {
            this(title, labels, counts.stream().map(Long::doubleValue).toList(), Unit.COUNT);
        }

        /** Counts per month of a year, the months labelled 1…12. */
        public static Bars perMonth(String title, long[] months) {
            var labels = new ArrayList<String>();
            var counts = new ArrayList<Long>();
            for (int m = 0; m < months.length; m++) {
                labels.add(String.valueOf(m + 1));
                counts.add(months[m]);
            }
            return new Bars(title, labels, counts);
        }

        /** The largest value, 0 when there is none. */
        public double max() {
            return values.stream().filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).max()
                    .orElse(0);
        }
    }

    /** The first and the last instant of the year as bounds ({@code [start, end)}) in the zone. */
    static java.sql.Timestamp[] bounds(Year year, java.time.ZoneId zone) {
        return new java.sql.Timestamp[] {java.sql.Timestamp.from(year.atDay(1).atStartOfDay(zone).toInstant()),
            java.sql.Timestamp.from(year.plusYears(1).atDay(1).atStartOfDay(zone).toInstant())};
    }
}
