package de.sipa.opendata;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import de.sipa.partners.District;
import de.sipa.partners.Partnerships;
import de.sipa.places.Places;
import de.sipa.places.SafetyConcepts;
import de.sipa.prevention.PreventionProjects;
import de.sipa.reports.ReportFigures;
import de.sipa.shared.CellSuppression;
import de.sipa.surveys.SenseOfSecurity;

/**
 * Builds the datasets of the current partnership from the modules' facades: counts only, with the names of
 * categories, districts and the codes of kinds, fields and statuses, never a report's text, an address or a person.
 */
@Component
class Datasets {

    /** How many complete months the reports dataset covers, up to the last complete month. */
    static final int MONTHS = 12;
    static final String TOTAL = "Insgesamt";
    static final String NO_DISTRICT = "ohne Bezirk";
    static final String CITY = "Stadt insgesamt";
    static final String NONE = "keine Angabe";

    private final ReportFigures reports;
    private final Partnerships partnerships;
    private final Places places;
    private final SafetyConcepts concepts;
    private final PreventionProjects projects;
    private final SenseOfSecurity sense;
    private final Clock clock;

    Datasets(ReportFigures reports, Partnerships partnerships, Places places, SafetyConcepts concepts,
            PreventionProjects projects, SenseOfSecurity sense, Clock clock) {
        this.reports = reports;
        this.partnerships = partnerships;
        this.places = places;
        this.concepts = concepts;
        this.projects = projects;
        this.sense = sense;
        this.clock = clock;
    }

    DatasetTable build(Dataset dataset) {
        return switch (dataset) {
            case REPORTS -> reports();
            case MEASURES -> measures();
            case PROJECTS -> projects();
            case SENSE_OF_SECURITY -> senseOfSecurity();
        };
    }

    /** The months the reports dataset covers: the last {@value #MONTHS} complete months. */
    List<YearMonth> months() {
        var last = YearMonth.now(clock).minusMonths(1);
        var months = new ArrayList<YearMonth>();
        for (int i = MONTHS - 1; i >= 0; i--) {
            months.add(last.minusMonths(i));
        }
        return months;
    }

    /**
     * Reports per month, category and district, each month a table of categories by districts with the category's
     * total over the districts and the district's total over the categories; small counts and their complements
     * suppressed, no grand total.
     */
    private DatasetTable reports() {
        var months = months();
        var cells = reports.receivedPerCategoryDistrictMonth(months.get(0).atDay(1),
                months.get(months.size() - 1).atEndOfMonth());
        var categories = new TreeSet<String>();
        boolean withoutDistrict = false;
        var counts = new HashMap<String, Long>();
        for (var cell : cells) {
            categories.add(cell.category());
            withoutDistrict |= cell.district() == null;
            counts.put(key(cell.month(), cell.category(), cell.district() == null ? NO_DISTRICT : cell.district()),
                    cell.count());
        }
        var districts = new ArrayList<String>(partnerships.districts().stream().map(District::name).toList());
        if (withoutDistrict) {
            districts.add(NO_DISTRICT);
        }
        var categoryList = List.copyOf(categories);
        var rows = new ArrayList<List<Object>>();
        if (categoryList.isEmpty()) {
            return new DatasetTable(Dataset.REPORTS.columns(), rows);
        }
        for (var month : months) {
            var matrix = new long[categoryList.size()][districts.size()];
            for (int r = 0; r < categoryList.size(); r++) {
                for (int c = 0; c < districts.size(); c++) {
                    matrix[r][c] = counts.getOrDefault(key(month, categoryList.get(r), districts.get(c)), 0L);
                }
            }
            var table = CellSuppression.table(matrix);
            for (int r = 0; r < categoryList.size(); r++) {
                for (int c = 0; c < districts.size(); c++) {
                    rows.add(Arrays.asList(month.toString(), categoryList.get(r), districts.get(c), table.cell(r, c)));
                }
                rows.add(Arrays.asList(month.toString(), categoryList.get(r), TOTAL, table.rowTotal(r)));
            }
            for (int c = 0; c < districts.size(); c++) {
                rows.add(Arrays.asList(month.toString(), TOTAL, districts.get(c), table.columnTotal(c)));
            }
        }
        return new DatasetTable(Dataset.REPORTS.columns(), rows);
    }

    private static String key(YearMonth month, String category, String district) {
        return month + "\u0000" + category + "\u0000" + district;
    }

    /** The measures at the partnership's places per district, kind and status. */
    private DatasetTable measures() {
        var names = districtNames();
        var counts = new TreeMap<List<String>, Long>((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        for (var place : places.places()) {
            var district = place.district() == null ? NO_DISTRICT : names.getOrDefault(place.district().value(), NO_DISTRICT);
            for (var measure : concepts.concept(place.id()).measures()) {
                counts.merge(List.of(district, measure.kind().name(), measure.status().name()), 1L, Long::sum);
            }
        }
        var rows = new ArrayList<List<Object>>();
        counts.forEach((k, n) -> rows.add(Arrays.asList(k.get(0), k.get(1), k.get(2), n)));
        return new DatasetTable(Dataset.MEASURES.columns(), rows);
    }

    /** The prevention projects per field, target group and status (a project with two target groups in both). */
    private DatasetTable projects() {
        var counts = new TreeMap<List<String>, Long>((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        for (var project : projects.projects()) {
            var field = project.field() == null ? NONE : project.field().name();
            var groups = project.targetGroups().isEmpty() ? List.of(NONE)
                    : project.targetGroups().stream().map(Enum::name).toList();
            for (var group : groups) {
                counts.merge(List.of(field, group, project.status().name()), 1L, Long::sum);
            }
        }
        var rows = new ArrayList<List<Object>>();
        counts.forEach((k, n) -> rows.add(Arrays.asList(k.get(0), k.get(1), k.get(2), n)));
        return new DatasetTable(Dataset.PROJECTS.columns(), rows);
    }

    /**
     * The share feeling unsafe alone at night per survey wave and district, and for the city: a district with fewer
     * than five answers shows neither count nor share, and where one district's count alone is hidden, the city's
     * total would give it back, so the next smallest district's count is hidden too.
     */
    private DatasetTable senseOfSecurity() {
        var trend = sense.trendToExport(SenseOfSecurity.INDICATOR);
        var rows = new ArrayList<List<Object>>();
        for (int w = 0; w < trend.waves().size(); w++) {
            var wave = trend.waves().get(w);
            var series = trend.districts();
            var answered = new long[series.size()];
            var hidden = new boolean[series.size()];
            for (int d = 0; d < series.size(); d++) {
                answered[d] = series.get(d).points().get(w).answered();
                hidden[d] = CellSuppression.small(answered[d]);
            }
            var city = trend.city().points().get(w);
            boolean cityHidden = CellSuppression.small(city.answered());
            var flags = Arrays.copyOf(hidden, hidden.length + 1);
            flags[hidden.length] = cityHidden;
            var counts = Arrays.copyOf(answered, answered.length + 1);
            counts[answered.length] = city.answered();
            flags = CellSuppression.complementary(counts, flags);
            for (int d = 0; d < series.size(); d++) {
                var point = series.get(d).points().get(w);
                rows.add(Arrays.asList(wave.title(), wave.opensOn().toString(), series.get(d).name(),
                        flags[d] ? null : answered[d], flags[d] || CellSuppression.small(answered[d]) ? null
                                : round(point.percent())));
            }
            rows.add(Arrays.asList(wave.title(), wave.opensOn().toString(), CITY,
                    flags[series.size()] ? null : city.answered(), cityHidden ? null : round(city.percent())));
        }
        return new DatasetTable(Dataset.SENSE_OF_SECURITY.columns(), rows);
    }

    private Map<java.util.UUID, String> districtNames() {
        var names = new HashMap<java.util.UUID, String>();
        partnerships.districts().forEach(d -> names.put(d.id().value(), d.name()));
        return names;
    }

    private static Double round(Double percent) {
        return percent == null ? null : Math.round(percent * 10) / 10.0;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
