package de.sipa.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.partners.Partnerships;

/**
 * The results read the answer counts kept as responses arrive: they must be what counting the answer rows gives, for
 * a generated wave of web responses with every kind of answer, unweighted, cell-weighted and raked.
 */
@SipaIntegrationTest
class AnswerCountsTests {

    private static final Comparator<Double> CLOSE = (a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b);

    @Autowired
    Fixtures fixtures;

    @Autowired
    Surveys surveys;

    @Autowired
    SurveyAnswering answering;

    @Autowired
    SurveyResults results;

    @Autowired
    SenseOfSecurity trends;

    @Autowired
    AnswerCounts counts;

    @Autowired
    Partnerships partnerships;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    AnsweringFixture f;

    @BeforeEach
    void aQuestionnaire() {
        f = new AnsweringFixture(fixtures, surveys);
    }

    @Test
    void resultsFromTheCountsKeptOnArrivalEqualTheResultsCountedFromTheAnswers() {
        var wave = f.wave(surveys, clock, WaveMode.OPEN);
        var survey = answering.survey(partnerships.bySlug(f.slug).orElseThrow(), wave.id()).orElseThrow();
        var random = new Random(14);
        for (int i = 0; i < 150; i++) {
            answering.submit(survey, generated(random), Admission.byDevice("device-" + i));
        }
        var districts = f.city.districts();
        as(() -> {
            results.enterPopulation(new Population(
                    Map.of(districts.get(0).value(), 12_000L, districts.get(1).value(), 3_000L),
                    Map.of(new Population.AgeGender("18_39", "F"), 4_000L, new Population.AgeGender("18_39", "M"),
                            5_000L, new Population.AgeGender("40_PLUS", "F"), 7_000L,
                            new Population.AgeGender("40_PLUS", "M"), 6_000L)));
            return null;
        });

        // Unweighted counts and n, as counted from the answer rows.
        var unweighted = as(() -> results.results(wave.id(), null, Weighting.NONE, Locale.GERMAN));
        assertThat(unweighted.responses()).isEqualTo(150);
        var fromAnswers = jdbc.sql("""
                SELECT a.question_id || ':' || coalesce(a.option_code, a.number_value::text) AS key, count(*) AS n
                FROM surveys_answer a JOIN surveys_response r ON r.id = a.response_id
                WHERE r.wave_id = ? AND a.text_value IS NULL GROUP BY 1""")
                .param(wave.id().value()).query((rs, n) -> Map.entry(rs.getString("key"), rs.getLong("n"))).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        var fromResults = new HashMap<String, Long>();
        for (var question : unweighted.questions()) {
            if (question.question().kind().demographic()) {
                continue;
            }
            question.options().stream().filter(o -> o.count() > 0)
                    .forEach(o -> fromResults.put(question.question().id().value() + ":" + o.code(), o.count()));
            long answered = jdbc.sql("""
                    SELECT count(DISTINCT a.response_id) FROM surveys_answer a
                    JOIN surveys_response r ON r.id = a.response_id WHERE r.wave_id = ? AND a.question_id = ?""")
                    .params(wave.id().value(), question.question().id().value()).query(Long.class).single();
            assertThat(question.n()).as(question.text()).isEqualTo(answered);
        }
        assertThat(fromResults).isEqualTo(fromAnswers).hasSizeGreaterThan(10);

        // Every weighting, the cross tables and the trend: the same after the counts are rebuilt from the answers.
        var before = everything(wave);
        var kept = rows(wave);
        counts.rebuild(wave.id());
        assertThat(rows(wave)).isEqualTo(kept);
        assertThat(everything(wave)).usingRecursiveComparison().withComparatorForType(CLOSE, Double.class)
                .isEqualTo(before);
        assertThat(before.get(2)).as("raking changes the shares").usingRecursiveComparison()
                .withComparatorForType(CLOSE, Double.class).isNotEqualTo(before.get(0));
    }

    private List<Object> everything(SurveyWave wave) {
        return as(() -> {
            var all = new ArrayList<Object>();
            for (var weighting : Weighting.values()) {
                all.add(results.results(wave.id(), null, weighting, Locale.GERMAN));
            }
            all.add(results.results(wave.id(), f.city.districts().get(1).value(), Weighting.RAKING, Locale.GERMAN));
            for (var by : CrossTable.Breakdown.values()) {
                all.add(results.crossTable(wave.id(), f.problems.id(), by, null, Locale.GERMAN));
                all.add(results.crossTable(wave.id(), f.night.id(), by, null, Locale.GERMAN));
            }
            all.add(trends.trend("safety_night"));
            return all;
        });
    }

    private List<String> rows(SurveyWave wave) {
        return jdbc.sql("""
                SELECT concat_ws('|', question_id, code, district_id, age_band, gender, n) FROM surveys_answer_count
                WHERE wave_id = ? AND n > 0 ORDER BY 1""")
                .param(wave.id().value()).query(String.class).list();
    }

    /** A response with a random scale point, places, district, problems, years, age band and gender, some left out. */
    private Map<QuestionId, List<String>> generated(Random random) {
        var answers = new HashMap<QuestionId, List<String>>();
        int night = 1 + random.nextInt(4);
        answers.put(f.night.id(), List.of(String.valueOf(night)));
        answers.put(f.avoided.id(), some(random, "PARK", "STATION"));
        if (night >= 3 && random.nextBoolean()) {
            answers.put(f.why.id(), List.of("Zu dunkel " + random.nextInt(3)));
        }
        answers.put(f.district.id(), List.of(f.city.districts().get(random.nextInt(2)).value().toString()));
        answers.put(f.problems.id(), some(random, "LITTER", "GRAFFITI"));
        if (random.nextInt(5) > 0) {
            answers.put(f.years.id(), List.of(String.valueOf(random.nextInt(8))));
        }
        if (random.nextInt(6) > 0) {
            answers.put(f.age.id(), List.of(random.nextBoolean() ? "18_39" : "40_PLUS"));
        }
        if (random.nextInt(6) > 0) {
            answers.put(f.gender.id(), List.of(List.of("F", "M", "D").get(random.nextInt(3))));
        }
        return answers;
    }

    private static List<String> some(Random random, String... codes) {
        var chosen = new ArrayList<String>();
        for (var code : codes) {
            if (random.nextBoolean()) {
                chosen.add(code);
            }
        }
        return chosen;
    }

    private <T> T as(java.util.function.Supplier<T> work) {
        return AnsweringFixture.as(fixtures, f.city.coordinator(), work);
    }

}
