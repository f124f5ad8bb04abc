package de.sipa.goals;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import de.sipa.reports.CategoryId;
import de.sipa.reports.ReportFigures;
import de.sipa.situation.CrimeFigures;
import de.sipa.situation.Figures;
import de.sipa.situation.OffenceGroup;
import de.sipa.surveys.SenseOfSecurity;

/**
 * A goal's indicator measured through the other modules' facades: its value over the goal's year (up to today in the
 * running year) and its course (per month, per PKS year or per survey wave). Called inside the goal's partnership.
 */
@Component
class GoalFigures {

    /** How many PKS years the course of a crime goal shows, up to the goal's year. */
    static final int CRIME_YEARS = 5;

    /** One point of an indicator's course: a month ({@code label} "2026-03"), a year or a wave's title. */
    record CoursePoint(String label, Double value) {
    }

    private final ReportFigures reports;
    private final CrimeFigures crime;
    private final SenseOfSecurity sense;
    private final Clock clock;

    GoalFigures(ReportFigures reports, CrimeFigures crime, SenseOfSecurity sense, Clock clock) {
        this.reports = reports;
        this.crime = crime;
        this.sense = sense;
        this.clock = clock;
    }

    /** The value over the goal's year up to today; {@code null} before the year or without figures. */
    Double value(AnnualGoal goal) {
        var first = LocalDate.of(goal.year(), 1, 1);
        var today = LocalDate.now(clock);
        if (first.isAfter(today)) {
            return goal.indicator() == Indicator.MEASURED && goal.measured() != null ? goal.measured().doubleValue()
                    : null;
        }
        var last = LocalDate.of(goal.year(), 12, 31);
        return value(goal, first, last.isAfter(today) ? today : last);
    }

    private Double value(AnnualGoal goal, LocalDate first, LocalDate last) {
        return switch (goal.indicator()) {
            case ANSWERED_WITHIN -> reports.answeredWithin(goal.workingDays(), first, last).percent();
            case REPORTS -> (double) reports.received(goal.category() == null ? null : new CategoryId(goal.category()),
                    goal.district(), first, last);
            case CRIME_CASES -> crimeCases(goal, goal.year());
            case FEELING_UNSAFE -> waves(goal).stream().filter(w -> w.year == goal.year() && w.percent != null)
                    .reduce((a, b) -> b).map(w -> w.percent).orElse(null);
            case MEASURED -> goal.measured() == null ? null : goal.measured().doubleValue();
        };
    }

    /** The share of the year gone by on {@code today} for a goal of {@code year}: 0 before, 1 after it. */
    double elapsed(int year) {
        var today = LocalDate.now(clock);
        if (today.getYear() < year) {
            return 0;
        }
        if (today.getYear() > year) {
            return 1;
        }
        return (double) today.getDayOfYear() / today.lengthOfYear();
    }

    int currentYear() {
        return LocalDate.now(clock).getYear();
    }

    /** The indicator's course: per month of the year (up to this month), per PKS year, or per survey wave. */
    List<CoursePoint> course(AnnualGoal goal) {
        var points = new ArrayList<CoursePoint>();
        switch (goal.indicator()) {
            case ANSWERED_WITHIN, REPORTS -> {
                var today = LocalDate.now(clock);
                for (int m = 1; m <= 12; m++) {
                    var month = YearMonth.of(goal.year(), m);
                    if (month.atDay(1).isAfter(today)) {
                        break;
                    }
                    var last = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
                    points.add(new CoursePoint(month.toString(), value(goal, month.atDay(1), last)));
                }
            }
            case CRIME_CASES -> {
                for (int year = goal.year() - CRIME_YEARS + 1; year <= goal.year(); year++) {
                    var cases = crimeCases(goal, year);
                    if (cases != null) {
                        points.add(new CoursePoint(String.valueOf(year), cases));
                    }
                }
            }
            case FEELING_UNSAFE -> waves(goal).forEach(w -> points.add(new CoursePoint(w.title, w.percent)));
            case MEASURED -> {
                if (goal.measured() != null) {
                    points.add(new CoursePoint(String.valueOf(goal.year()), goal.measured().doubleValue()));
                }
            }
        }
        return points;
    }

    /** The offence groups a crime goal may name. */
    List<String> offenceGroups() {
        return crime.groups().stream().map(OffenceGroup::name).toList();
    }

    private Double crimeCases(AnnualGoal goal, int year) {
        Optional<OffenceGroup> group = crime.groups().stream().filter(g -> g.name().equals(goal.offenceGroup()))
                .findFirst();
        if (group.isEmpty()) {
            return null;
        }
        Figures figures;
        if (goal.district() == null) {
            figures = crime.cityTrend(group.get()).stream().filter(y -> y.year() == year).map(y -> y.figures())
                    .findFirst().orElse(null);
        } else {
            figures = crime.districtTrends(group.get()).stream().filter(t -> t.district().equals(goal.district()))
                    .map(t -> t.in(year)).findFirst().orElse(null);
        }
        return figures == null || !figures.reported() ? null : (double) figures.cases();
    }

    private record WavePoint(String title, int year, Double percent) {
    }

    private List<WavePoint> waves(AnnualGoal goal) {
        if (goal.district() != null) {
            return sense.trend(goal.district()).stream()
                    .map(p -> new WavePoint(p.wave(), p.opensOn().getYear(), p.percent())).toList();
        }
        var trend = sense.trendToExport(SenseOfSecurity.INDICATOR);
        var points = new ArrayList<WavePoint>();
        for (int i = 0; i < trend.waves().size(); i++) {
            var wave = trend.waves().get(i);
            points.add(new WavePoint(wave.title(), wave.opensOn().getYear(), trend.city().points().get(i).percent()));
        }
        return points;
    }
}
