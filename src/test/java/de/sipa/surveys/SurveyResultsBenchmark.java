package de.sipa.surveys;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.sipa.BenchDatabase;
import de.sipa.BenchRecord;
import de.sipa.SipaApplication;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.NewPartnership;
import de.sipa.partners.Partnerships;
import de.sipa.shared.FederalState;
import de.sipa.shared.PartnershipId;

/**
 * Benchmark (prints figures, asserts nothing): the results of one wave of a questionnaire with 12 scale questions,
 * two multiple choices (about 2 ticks each), a single choice, a number, a free text and the demographic items, for
 * 100,000 responses in six districts, on SiPa's own embedded PostgreSQL. Run with {@code bench/survey-results.sh}.
 */
public final class SurveyResultsBenchmark {

    private SurveyResultsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int responses = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        var context = SpringApplication.run(SipaApplication.class, "--spring.profiles.active=test",
                "--server.port=0", "--sipa.database.directory=target/bench-postgres", "--sipa.database.clean=true",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        try {
            var partnerships = context.getBean(Partnerships.class);
            var jdbc = context.getBean(JdbcClient.class);
            var surveys = context.getBean(Surveys.class);
            var results = context.getBean(SurveyResults.class);
            var trends = context.getBean(SenseOfSecurity.class);
            var partnership = CurrentUser.runAs(SipaUser.system(PartnershipId.random()),
                    () -> partnerships.create(new NewPartnership("Benchstadt", "benchstadt",
                            "Mitte\nNord\nOst\nSüd\nWest\nHafen", "Koordination", "bench-koord", "Bench", null,
                            "bench-password-1", FederalState.BW)));
            var account = SipaUser.system(partnership);
            var questions = new ArrayList<Question>();
            for (int i = 0; i < 12; i++) {
                questions.add(new Question(QuestionId.random(), QuestionKind.LIKERT, Wording.german("Skala " + i), null,
                        false, i == 0 ? SenseOfSecurity.INDICATOR : "scale_" + i, 1, 4, options("1", "2", "3", "4"),
                        null));
            }
            for (int i = 0; i < 2; i++) {
                questions.add(new Question(QuestionId.random(), QuestionKind.MULTIPLE_CHOICE,
                        Wording.german("Mehrfach " + i), null, false, "multiple_" + i, null, null,
                        options("A", "B", "C", "D", "E", "F", "G", "H"), null));
            }
            questions.add(new Question(QuestionId.random(), QuestionKind.SINGLE_CHOICE, Wording.german("Einfach"), null,
                    false, "single", null, null, options("YES", "NO", "DONT_KNOW"), null));
            questions.add(new Question(QuestionId.random(), QuestionKind.NUMBER, Wording.german("Zahl"), null, false,
                    null, 0, 20, List.of(), null));
            questions.add(new Question(QuestionId.random(), QuestionKind.FREE_TEXT, Wording.german("Wünsche"), null,
                    false, "wishes", null, null, List.of(), null));
            questions.add(new Question(QuestionId.random(), QuestionKind.DISTRICT, Wording.german("Bezirk"), null,
                    false, "district", null, null, List.of(), null));
            questions.add(new Question(QuestionId.random(), QuestionKind.AGE_BAND, Wording.german("Alter"), null,
                    false, "age_band", null, null, options(SurveyResults.AGE_BANDS.toArray(String[]::new)), null));
            questions.add(new Question(QuestionId.random(), QuestionKind.GENDER, Wording.german("Geschlecht"), null,
                    false, "gender", null, null, options(SurveyResults.GENDERS.toArray(String[]::new)), null));
            var questionnaire = new Questionnaire(QuestionnaireId.random(), "Bench", "",
                    List.of(new Section(UUID.randomUUID(), Wording.german("Alles"), questions)));
            var wave = new SurveyWave(SurveyWaveId.random(), questionnaire.id(), "Bench 2025", LocalDate.of(2025, 3, 1),
                    LocalDate.of(2025, 3, 31), WaveMode.EXTERNAL, false);
            CurrentUser.runAs(account, () -> {
                surveys.createQuestionnaire(questionnaire);
                surveys.createWave(wave);
                return null;
            });
            long start = System.nanoTime();
            jdbc.sql("""
                    INSERT INTO surveys_response (id, partnership_id, wave_id, submitted_on, source, district_id,
                        age_band, gender)
                    SELECT gen_random_uuid(), ?, ?, DATE '2025-03-10', 'IMPORT',
                        (SELECT id FROM partners_district WHERE partnership_id = ? ORDER BY name
                         OFFSET (n % 6) LIMIT 1),
                        (ARRAY['16_24','25_34','35_44','45_54','55_64','65_74','75_PLUS'])[1 + (n * 7 / 13) % 7],
                        (ARRAY['FEMALE','MALE','DIVERSE'])[1 + CASE WHEN n % 97 = 0 THEN 2 ELSE n % 2 END]
                    FROM generate_series(1, ?) AS n""")
                    .params(partnership.value(), wave.id().value(), partnership.value(), responses).update();
            for (var question : questions) {
                var id = question.id().value();
                switch (question.kind()) {
                    case LIKERT -> insert(jdbc, wave, id, "(1 + floor(random() * 4))::int::text", null, null, 1.0);
                    case SINGLE_CHOICE -> insert(jdbc, wave, id,
                            "(ARRAY['YES','NO','DONT_KNOW'])[1 + floor(random() * 3)::int]", null, null, 0.98);
                    case MULTIPLE_CHOICE -> {
                        for (var code : List.of("A", "B", "C", "D", "E", "F", "G", "H")) {
                            insert(jdbc, wave, id, "'" + code + "'", null, null, 0.25);
                        }
                    }
                    case NUMBER -> insert(jdbc, wave, id, null, "floor(random() * 21)::int", null, 0.9);
                    case FREE_TEXT -> insert(jdbc, wave, id, null, null, "'Mehr Licht im Park ' || r.id", 0.1);
                    case AGE_BAND -> insert(jdbc, wave, id, "r.age_band", null, null, 1.0);
                    case GENDER -> insert(jdbc, wave, id, "r.gender", null, null, 1.0);
                    default -> {
                    }
                }
            }
            BenchDatabase.vacuum(context, "surveys_response", "surveys_answer");
            long answers = jdbc.sql("SELECT count(*) FROM surveys_answer").query(Long.class).single();
            System.out.printf("Data: %,d responses, %,d answers (%.1f s to insert and analyse)%n", responses, answers,
                    (System.nanoTime() - start) / 1e9);
            // Inserted by SQL as an import would: the wave's answer counts are rebuilt once, as after an import.
            long rebuild = System.nanoTime();
            context.getBean(AnswerCounts.class).rebuild(wave.id());
            jdbc.sql("VACUUM ANALYZE surveys_answer_count").update();
            System.out.printf("Answer counts rebuilt from the answers: %,d rows in %.1f s%n",
                    jdbc.sql("SELECT count(*) FROM surveys_answer_count WHERE wave_id = ?").param(wave.id().value())
                            .query(Long.class).single(), (System.nanoTime() - rebuild) / 1e9);
            CurrentUser.runAs(account, () -> {
                results.enterPopulation(new Population(partnerships.districts().stream()
                        .collect(java.util.stream.Collectors.toMap(d -> d.id().value(), d -> 10_000L + d.position())),
                        Map.of(new Population.AgeGender("16_24", "FEMALE"), 5_000L,
                                new Population.AgeGender("65_74", "MALE"), 4_000L)));
                return null;
            });
            var night = questions.get(0).id();
            time("results, unweighted", 10, () -> CurrentUser.runAs(account,
                    () -> results.results(wave.id(), null, Weighting.NONE, Locale.GERMAN)));
            time("results, raked", 10, () -> CurrentUser.runAs(account,
                    () -> results.results(wave.id(), null, Weighting.RAKING, Locale.GERMAN)));
            time("cross table by age band", 10, () -> CurrentUser.runAs(account,
                    () -> results.crossTable(wave.id(), night, CrossTable.Breakdown.AGE_BAND, null, Locale.GERMAN)));
            time("sense-of-security trend", 10, () -> CurrentUser.runAs(account,
                    () -> trends.trend(SenseOfSecurity.INDICATOR)));
            time("free texts, search", 10, () -> CurrentUser.runAs(account,
                    () -> results.freeTexts(wave.id(), null, "park 1", 1, Locale.GERMAN)));
        } finally {
            context.close();
        }
    }

    private static void insert(JdbcClient jdbc, SurveyWave wave, UUID question, String option, String number,
            String text, double share) {
        jdbc.sql("INSERT INTO surveys_answer (response_id, question_id, option_code, number_value, text_value) "
                + "SELECT r.id, ?, " + (option == null ? "NULL" : option) + ", " + (number == null ? "NULL" : number)
                + ", " + (text == null ? "NULL" : text) + " FROM surveys_response r WHERE r.wave_id = ?"
                + (share < 1 ? " AND random() < " + share : ""))
                .params(question, wave.id().value()).update();
    }

    private static List<AnswerOption> options(String... codes) {
        return java.util.Arrays.stream(codes).map(c -> new AnswerOption(c, Wording.german(c))).toList();
    }

    private static void time(String name, int rounds, Supplier<?> work) {
        var times = new ArrayList<Double>();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            work.get();
            times.add((System.nanoTime() - start) / 1e6);
        }
        var warm = new ArrayList<>(times.subList(Math.min(3, rounds - 1), rounds));
        warm.sort(null);
        System.out.printf("%-26s first %8.1f ms   p50 %8.1f ms   max %8.1f ms (rounds 4-%d)%n", name, times.get(0),
                warm.get(warm.size() / 2), warm.get(warm.size() - 1), rounds);
        BenchRecord.record("survey results, " + name, "p50", warm.get(warm.size() / 2), "ms");
    }
}
