package de.sipa.surveys;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.shared.YearlyFigures;

/**
 * The survey trend for the annual report: the share of citizens feeling unsafe alone at night in their area
 * ({@link SenseOfSecurity#INDICATOR}) city-wide in the last wave of the year, and every wave up to the year's end.
 */
@Service
@Transactional(readOnly = true)
public class SurveyYear implements YearlyFigures {

    private final SenseOfSecurity sense;

    SurveyYear(SenseOfSecurity sense) {
        this.sense = sense;
    }

    @Override
    public String key() {
        return "surveys";
    }

    @Override
    public int position() {
        return 90;
    }

    @Override
    public List<String> followedFigures() {
        return List.of("annualreport.surveys.unsafe");
    }

    @Override
    public Chapter of(Year year) {
        var trend = sense.trendToExport(SenseOfSecurity.INDICATOR);
        var rows = new ArrayList<List<Object>>();
        Double latest = null;
        long waves = 0;
        for (int i = 0; i < trend.waves().size(); i++) {
            var wave = trend.waves().get(i);
            if (wave.opensOn() == null || wave.opensOn().getYear() > year.getValue()) {
                continue;
            }
            var point = trend.city() == null || trend.city().points().size() <= i ? null
                    : trend.city().points().get(i);
            var row = new ArrayList<Object>();
            row.add(wave.title());
            row.add(wave.opensOn());
            row.add(point == null ? 0L : point.answered());
            row.add(point == null || point.percent() == null ? null : new Percent(point.percent() / 100.0));
            rows.add(row);
            if (wave.opensOn().getYear() == year.getValue()) {
                waves++;
                latest = point == null || point.percent() == null ? latest : point.percent() / 100.0;
            }
        }
        var figures = List.of(KeyFigure.count("annualreport.surveys.waves", waves),
                new KeyFigure("annualreport.surveys.unsafe", latest, Unit.PERCENT));
        return new Chapter(figures, List.of(new Table("annualreport.surveys.trend",
                List.of("annualreport.column.wave", "annualreport.column.date", "annualreport.column.answered",
                        "annualreport.column.unsafe"), waves == 0 ? List.of() : rows)), List.of());
    }
}
