package de.sipa.situation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Musterstadt's PKS export: five believable years in which Mitte leads street crime and drug offences rise. */
class CrimeFiguresDemoTests {

    static final int FIRST = 2021;
    static final int LAST = 2025;

    @Test
    void mitteWithTheHauptbahnhofHasTheMostStreetCrimeEveryYearAndLessOnceThePatrolWalks() {
        var rates = new HashMap<Integer, Map<String, Double>>();
        var cases = cases("899000");
        for (var district : CrimeFiguresDemo.DISTRICTS) {
            var name = (String) district[0];
            for (int year = FIRST; year <= LAST; year++) {
                double rate = cases.get(year).get(name) * 100_000.0 / CrimeFiguresDemo.population(district, year - FIRST);
                rates.computeIfAbsent(year, y -> new HashMap<>()).put(name, rate);
            }
        }
        for (int year = FIRST; year <= LAST; year++) {
            var ofYear = rates.get(year);
            var highest = ofYear.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            assertThat(highest).as("the most street crime in %d", year).isEqualTo("Mitte");
            assertThat(ofYear.get("Mitte")).isGreaterThan(2 * ofYear.get("Nord"));
        }
        assertThat(rates.get(LAST).get("Mitte")).isLessThan(rates.get(LAST - 1).get("Mitte"));
    }

    @Test
    void drugOffencesRiseEveryYearInTheCity() {
        var cases = cases("730000");
        long previous = 0;
        for (int year = FIRST; year <= LAST; year++) {
            long total = cases.get(year).values().stream().mapToLong(Integer::longValue).sum();
            assertThat(total).as("drug offences in %d", year).isGreaterThan(previous);
            previous = total;
        }
    }

    @Test
    void theExportHasEveryDistrictYearAndKeyOnceWithSolvedNotAboveCases() {
        var lines = CrimeFiguresDemo.csv(FIRST, LAST, LAST).lines().toList();
        assertThat(lines.get(0)).isEqualTo(CrimeFigureImport.sampleHeader());
        assertThat(lines).hasSize(1 + 5 * 6 * 8).doesNotHaveDuplicates();
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> {
            var cells = line.split(";");
            assertThat(Integer.parseInt(cells[5])).isLessThanOrEqualTo(Integer.parseInt(cells[4]));
        });
        assertThat(CrimeFiguresDemo.csv(FIRST, LAST, LAST)).isEqualTo(CrimeFiguresDemo.csv(FIRST, LAST, LAST));
    }

    /** Cases of a key per year and district, from the demo's CSV with the patrol walking in the last year. */
    private static Map<Integer, Map<String, Integer>> cases(String key) {
        var result = new HashMap<Integer, Map<String, Integer>>();
        CrimeFiguresDemo.csv(FIRST, LAST, LAST).lines().skip(1).map(l -> l.split(";"))
                .filter(cells -> cells[0].equals(key))
                .forEach(cells -> result.computeIfAbsent(Integer.parseInt(cells[3]), y -> new HashMap<>())
                        .put(cells[2].replace("Musterstadt-", ""), Integer.parseInt(cells[4])));
        return result;
    }
}
