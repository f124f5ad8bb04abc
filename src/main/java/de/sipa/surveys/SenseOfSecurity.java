package de.sipa.surveys;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;
import de.sipa.partners.DistrictId;
import de.sipa.partners.Partnerships;

/**
 * The sense of security over the survey waves: the share of citizens who feel "eher" or "sehr unsicher" alone at
 * night in their area (the standard item {@value #INDICATOR}), and the same for any comparable scale question. Only
 * questions carrying the same comparable key are compared. For the district profile and the place evaluation.
 */
@Service
@Transactional(readOnly = true)
public class SenseOfSecurity {

    /** The comparable key of "Wie sicher fühlen Sie sich nachts ohne Begleitung in Ihrer Wohngegend?". */
    public static final String INDICATOR = "safety_night_area";

    /** The indicator in one wave for one district; {@code percent} is null with fewer than five answers. */
    public record TrendPoint(String wave, LocalDate opensOn, long answered, Double percent) {
    }

    private final ResultsRepository repository;
    private final Partnerships partnerships;

    SenseOfSecurity(ResultsRepository repository, Partnerships partnerships) {
        this.repository = repository;
        this.partnerships = partnerships;
    }

    /** The district's share feeling unsafe at night per wave, the earliest first; small counts suppressed. */
    @PreAuthorize(SurveyPermissions.READ)
    public List<TrendPoint> trend(DistrictId district) {
        var trend = trend(INDICATOR, true);
        var name = partnerships.district(district).name();
        var series = trend.districts().stream().filter(s -> s.name().equals(name)).findFirst();
        var points = new ArrayList<TrendPoint>();
        for (int i = 0; i < trend.waves().size(); i++) {
            var wave = trend.waves().get(i);
            var point = series.map(s -> s.points()).orElse(List.of()).stream().skip(i).findFirst()
                    .orElse(new SurveyTrend.Point(0, null));
            points.add(new TrendPoint(wave.title(), wave.opensOn(), point.answered(), point.percent()));
        }
        return points;
    }

    /** The trend of a comparable scale question as the current user may see it (small counts suppressed unless MANAGE). */
    @PreAuthorize(SurveyPermissions.READ)
    public SurveyTrend trend(String comparableKey) {
        return trend(comparableKey, !SmallCells.seesAll());
    }

    /** The trend for an export, which leaves the coordination. */
    @PreAuthorize(SurveyPermissions.READ)
    public SurveyTrend trendToExport(String comparableKey) {
        return trend(comparableKey, true);
    }

    /** The comparable keys of the scale questions the partnership's waves asked. */
    @PreAuthorize(SurveyPermissions.READ)
    public List<String> comparableKeys() {
        return repository.comparableScales(CurrentUser.partnership());
    }

    private SurveyTrend trend(String comparableKey, boolean suppress) {
        var partnership = CurrentUser.partnership();
        var counts = repository.upperPoints(partnership, comparableKey);
        var population = repository.population(partnership);
        var waves = new LinkedHashMap<UUID, SurveyTrend.Wave>();
        counts.forEach(c -> waves.putIfAbsent(c.wave(),
                new SurveyTrend.Wave(new SurveyWaveId(c.wave()), c.title(), c.opensOn())));
        var byWaveAndDistrict = new HashMap<UUID, Map<UUID, ResultsRepository.TrendCount>>();
        counts.forEach(c -> byWaveAndDistrict.computeIfAbsent(c.wave(), k -> new HashMap<>()).put(c.district(), c));
        var districts = new ArrayList<SurveyTrend.Series>();
        for (var district : partnerships.districts()) {
            var points = new ArrayList<SurveyTrend.Point>();
            boolean any = false;
            for (var wave : waves.keySet()) {
                var count = byWaveAndDistrict.get(wave).get(district.id().value());
                long answered = count == null ? 0 : count.answered();
                any |= answered > 0;
                points.add(new SurveyTrend.Point(answered, answered == 0 || suppress && SmallCells.small(answered)
                        ? null : 100.0 * count.hits() / answered));
            }
            if (any) {
                districts.add(new SurveyTrend.Series(district.name(), points));
            }
        }
        var city = new ArrayList<SurveyTrend.Point>();
        for (var wave : waves.keySet()) {
            var perDistrict = byWaveAndDistrict.get(wave).values();
            long answered = perDistrict.stream().mapToLong(ResultsRepository.TrendCount::answered).sum();
            long hits = perDistrict.stream().mapToLong(ResultsRepository.TrendCount::hits).sum();
            Double percent = answered == 0 ? null : 100.0 * hits / answered;
            double weighted = 0;
            double inhabitants = 0;
            for (var count : perDistrict) {
                long population1 = count.district() == null ? 0 : population.inhabitants(count.district());
                if (population1 > 0 && count.answered() > 0) {
                    weighted += population1 * (double) count.hits() / count.answered();
                    inhabitants += population1;
                }
            }
            if (inhabitants > 0) {
                percent = 100.0 * weighted / inhabitants;
            }
            city.add(new SurveyTrend.Point(answered, suppress && SmallCells.small(answered) ? null : percent));
        }
        return new SurveyTrend(comparableKey, List.copyOf(waves.values()), districts,
                new SurveyTrend.Series("", city), suppress);
    }
}
