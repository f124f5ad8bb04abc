package de.sipa.surveys;

import java.time.LocalDate;
import java.util.List;

import de.sipa.shared.TrendChart;

/**
 * A comparable LIKERT question over the waves that asked it: the share (in percent) who chose one of the scale's two
 * last points (for the sense of security "eher unsicher" and "sehr unsicher"), per district and for the city.
 *
 * @param waves the waves that asked the question, the earliest first
 * @param city the city's share per wave, weighted by district where the population was entered
 */
public record SurveyTrend(String comparableKey, List<Wave> waves, List<Series> districts, Series city,
        boolean suppressed) {

    public record Wave(SurveyWaveId id, String title, LocalDate opensOn) {
    }

    /** @param points one per wave, in the order of the waves */
    public record Series(String name, List<Point> points) {
    }

    /** @param percent {@code null} when there is no answer or, suppressed, fewer than five */
    public record Point(long answered, Double percent) {
    }

    public TrendChart chart(String cityName) {
        var series = new java.util.ArrayList<TrendChart.Series>();
        districts.forEach(d -> series.add(new TrendChart.Series(d.name(),
                d.points().stream().map(Point::percent).toList(), false)));
        series.add(new TrendChart.Series(cityName, city.points().stream().map(Point::percent).toList(), true));
        return TrendChart.of(waves.stream().map(w -> w.opensOn().getYear()).toList(), series);
    }
}
