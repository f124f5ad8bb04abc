package de.sipa.situation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.ReportLocations;
import de.sipa.shared.RuleViolationException;
import de.sipa.shared.UtmProjection;

/**
 * Near repeats: how often a report is followed by one of the same category close by within a few days, against
 * what chance would give ({@link KnoxTest}, 99 permutations with a fixed seed so that the page is reproducible).
 * For the coordination and the police (see {@link HotspotPermissions}).
 */
@Service
public class NearRepeatAnalysis {

    private static final double SECONDS_PER_DAY = 86_400.0;

    private final Categories categories;
    private final ReportLocations locations;

    NearRepeatAnalysis(Categories categories, ReportLocations locations) {
        this.categories = categories;
        this.locations = locations;
    }

    /** The categories one may choose (the form asks before any analysis, under the same permission). */
    @PreAuthorize(HotspotPermissions.ANALYSE)
    public List<Category> categories() {
        return categories.all();
    }

    @PreAuthorize(HotspotPermissions.ANALYSE)
    public NearRepeatTable analyse(NearRepeatQuery query) {
        check(query);
        Category category = categories.all().stream().filter(c -> c.code().equals(query.category())).findFirst()
                .orElseThrow(() -> new RuleViolationException("nearRepeats.category.unknown"));
        var events = new Events();
        locations.forEachTimed(query.from(), query.to(), List.of(category.id()), query.source().sources(),
                events::add);
        if (events.count > NearRepeatQuery.MAX_EVENTS) {
            throw new RuleViolationException("nearRepeats.tooMany", events.count, NearRepeatQuery.MAX_EVENTS);
        }
        return analyse(query, category.name(), events.latitude, events.longitude, events.days, events.count);
    }

    /** The analysis of events in WGS84 with their times in days, without the database (also for tests). */
    static NearRepeatTable analyse(NearRepeatQuery query, String categoryName, double[] latitude, double[] longitude,
            double[] days, int count) {
        var x = new double[count];
        var y = new double[count];
        if (count > 0) {
            double meanLongitude = 0;
            for (int i = 0; i < count; i++) {
                meanLongitude += longitude[i] / count;
            }
            var projection = UtmProjection.forLongitude(meanLongitude);
            var xy = new double[2];
            for (int i = 0; i < count; i++) {
                projection.forward(latitude[i], longitude[i], xy);
                x[i] = xy[0];
                y[i] = xy[1];
            }
        }
        var result = KnoxTest.run(x, y, days, count, query.distanceBand(), query.distanceBands(), query.dayBand(),
                query.dayBands(), NearRepeatQuery.PERMUTATIONS, NearRepeatQuery.SEED);
        var rows = new ArrayList<NearRepeatTable.Row>(query.distanceBands());
        for (int k = 0; k < query.distanceBands(); k++) {
            var cells = new ArrayList<NearRepeatTable.Cell>(query.dayBands());
            for (int l = 0; l < query.dayBands(); l++) {
                cells.add(new NearRepeatTable.Cell(l * query.dayBand(), (l + 1) * query.dayBand(),
                        result.observed()[k][l], result.expected()[k][l], result.ratio(k, l), result.p()[k][l]));
            }
            rows.add(new NearRepeatTable.Row(k * query.distanceBand(), (k + 1) * query.distanceBand(),
                    List.copyOf(cells)));
        }
        return new NearRepeatTable(query, categoryName, count, result.pairs(), List.copyOf(rows));
    }

    private static void check(NearRepeatQuery query) {
        if (query.from() == null || query.to() == null || query.to().isBefore(query.from())
                || query.from().plusDays(HotspotQuery.MAX_DAYS).isBefore(query.to())) {
            throw new RuleViolationException("hotspots.period.invalid", HotspotQuery.MAX_DAYS);
        }
        if (query.category() == null) {
            throw new RuleViolationException("nearRepeats.category.required");
        }
        if (query.distanceBand() < NearRepeatQuery.MIN_DISTANCE_BAND
                || query.distanceBand() > NearRepeatQuery.MAX_DISTANCE_BAND) {
            throw new RuleViolationException("nearRepeats.distanceBand.invalid",
                    String.valueOf(NearRepeatQuery.MIN_DISTANCE_BAND), String.valueOf(NearRepeatQuery.MAX_DISTANCE_BAND));
        }
        if (query.distanceBands() < 1 || query.distanceBands() > NearRepeatQuery.MAX_BANDS) {
            throw new RuleViolationException("nearRepeats.distanceBands.invalid", NearRepeatQuery.MAX_BANDS);
        }
        if (query.dayBand() < 1 || query.dayBand() > NearRepeatQuery.MAX_DAY_BAND) {
            throw new RuleViolationException("nearRepeats.dayBand.invalid", NearRepeatQuery.MAX_DAY_BAND);
        }
        if (query.dayBands() < 1 || query.dayBands() > NearRepeatQuery.MAX_BANDS) {
            throw new RuleViolationException("nearRepeats.dayBands.invalid", NearRepeatQuery.MAX_BANDS);
        }
    }

    /** Places and times in growing primitive arrays. */
    private static final class Events {

        double[] latitude = new double[1024];
        double[] longitude = new double[1024];
        double[] days = new double[1024];
        int count;

        /** Beyond the limit only counts, so that a far too long period costs no memory. */
        void add(double lat, double lon, long submitted) {
            if (count >= NearRepeatQuery.MAX_EVENTS) {
                count++;
                return;
            }
            if (count == latitude.length) {
                latitude = Arrays.copyOf(latitude, count * 2);
                longitude = Arrays.copyOf(longitude, count * 2);
                days = Arrays.copyOf(days, count * 2);
            }
            latitude[count] = lat;
            longitude[count] = lon;
            days[count] = submitted / SECONDS_PER_DAY;
            count++;
        }
    }
}
