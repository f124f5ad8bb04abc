package de.sipa.situation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;

import de.sipa.shared.TrendChart;
import de.sipa.operations.Event;
import de.sipa.partners.District;

/**
 * One district's profile (Stadtteilprofil): its inhabitants, its reports of the last twelve months per month and
 * category next to the year before, the open and overdue ones, who leads which topics there, the joint patrols
 * walking it, its events and, for those who may see them, the police's crime figures with their trend.
 *
 * @param population the inhabitants of {@code populationYear}, the latest year entered; {@code null} if none
 * @param months the last twelve months, oldest first, the current one last
 * @param patrols plans valid in the last twelve months or later; {@code walked}: patrols of the last twelve months
 *     not cancelled, {@code planned}: those of the next four weeks
 * @param crime {@code null} when the user may not see crime figures per district (the steering group)
 */
public record DistrictProfile(District district, Integer population, Integer populationYear, List<YearMonth> months,
        List<CategoryRow> categories, CategoryRow total, long open, long overdue, List<TopicLead> leads,
        List<PatrolRow> patrols, List<Event> events, Crime crime) {

    /** Reports of one category (or all) per month of {@link #months}, the same months a year before, and sums. */
    public record CategoryRow(String category, List<Long> counts, List<Long> yearBefore) {

        public long sum() {
            return counts.stream().mapToLong(Long::longValue).sum();
        }

        public long sumYearBefore() {
            return yearBefore.stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Who leads a topic in the district all day, who supports; {@code local} if the lead is the district's own entry
     * rather than the city-wide one; {@code windows} leads in time windows ("Nacht: Polizeirevier Mitte").
     */
    public record TopicLead(String topic, List<String> leads, List<String> supporters, boolean local, List<String> windows) {
    }

    /** A joint patrol plan with areas in the district: its areas there, weekdays and times, patrols walked and planned. */
    public record PatrolRow(String plan, List<String> areas, List<DayOfWeek> weekdays, LocalTime startsAt,
            LocalTime endsAt, LocalDate validFrom, LocalDate validUntil, long walked, long planned) {
    }

    /** The PKS figures per offence group over the years with figures (at most five, oldest first). */
    public record Crime(List<Integer> years, List<CrimeRow> rows) {

        public Integer latest() {
            return years.isEmpty() ? null : years.get(years.size() - 1);
        }

        /** The groups' trend as a chart of the measure, one line per group. */
        public TrendChart chart(CrimeMeasure measure) {
            return TrendChart.of(years, rows.stream().map(r -> new TrendChart.Series(r.group(),
                    r.figures().stream().map(measure::of).toList(), false)).toList());
        }
    }

    /** One offence group: its figures per year of {@link Crime#years()}. */
    public record CrimeRow(String group, List<Figures> figures) {

        public Figures latest() {
            return figures.get(figures.size() - 1);
        }

        public Figures before() {
            return figures.size() < 2 ? Figures.none(null) : figures.get(figures.size() - 2);
        }
    }
}
