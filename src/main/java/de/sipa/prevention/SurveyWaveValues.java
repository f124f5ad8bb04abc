package de.sipa.prevention;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import de.sipa.partners.Partnerships;
import de.sipa.surveys.SenseOfSecurity;
import de.sipa.surveys.SurveyTrend;

/**
 * The values of an indicator that follows a comparable survey question: one per wave that asked it, read from the
 * surveys live. The project page shows them; the status rule counts them as measured values.
 */
@Component
class SurveyWaveValues {

    private final SenseOfSecurity surveys;
    private final Partnerships partnerships;

    SurveyWaveValues(SenseOfSecurity surveys, Partnerships partnerships) {
        this.surveys = surveys;
        this.partnerships = partnerships;
    }

    /**
     * One value per wave that asked the question (on the day the wave opened), the district's share or the city's;
     * {@code null} where too few answered to show it to the user. None where the user may not read the surveys.
     */
    List<Measurement> values(Indicator indicator) {
        SurveyTrend trend;
        try {
            trend = surveys.trend(indicator.surveyKey());
        } catch (AccessDeniedException e) {
            return List.of();
        }
        var series = indicator.district() == null ? Optional.of(trend.city())
                : trend.districts().stream()
                        .filter(s -> s.name().equals(partnerships.district(indicator.district()).name())).findFirst();
        var measurements = new ArrayList<Measurement>();
        for (int i = 0; i < trend.waves().size(); i++) {
            var wave = trend.waves().get(i);
            Double value = null;
            if (series.isPresent() && series.get().points().size() > i) {
                var p = series.get().points().get(i).percent();
                value = p == null ? null : Math.round(p * 10) / 10.0;
            }
            measurements.add(new Measurement(null, wave.opensOn(), wave.opensOn(), value, true, false));
        }
        return measurements;
    }

    /** Whether a wave measured the indicator: a survey indicator with a value the user may see. */
    boolean measured(Indicator indicator) {
        return indicator.source() == IndicatorSource.SURVEY
                && values(indicator).stream().anyMatch(m -> m.value() != null);
    }
}
