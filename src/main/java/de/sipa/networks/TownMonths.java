package de.sipa.networks;

import java.time.YearMonth;
import java.util.List;

/** A town's shared key figures month by month and category, with the year's total as the roll-up shows it. */
public record TownMonths(String town, List<YearMonth> months, List<Row> rows) {

    public record Row(String category, List<Cell> months, Cell total) {
    }
}
