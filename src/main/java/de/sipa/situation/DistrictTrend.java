package de.sipa.situation;

import java.util.List;

import de.sipa.partners.DistrictId;

/** One offence group's figures in one district over the years that have figures, oldest first. */
public record DistrictTrend(DistrictId district, String name, List<YearFigures> years) {

    public DistrictTrend {
        years = List.copyOf(years);
    }

    /** The figures of a year, or "none" if the year is not among the years. */
    public Figures in(int year) {
        return years.stream().filter(y -> y.year() == year).map(YearFigures::figures).findFirst()
                .orElse(Figures.none(null));
    }
}
