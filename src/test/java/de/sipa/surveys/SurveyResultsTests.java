package de.sipa.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import de.sipa.Fixtures;
import de.sipa.PdfFiles;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;
import de.sipa.partners.Partnerships;

@SipaIntegrationTest
class SurveyResultsTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Surveys surveys;

    @Autowired
    SurveyResults results;

    @Autowired
    SenseOfSecurity senseOfSecurity;

    @Autowired
    ResponseBatch batch;

    @Autowired
    Partnerships partnerships;

    @Autowired
    MessageSource messages;

    Fixtures.City city;
    UUID mitte;
    UUID nord;

    @BeforeEach
    void aCity() {
        city = fixtures.city();
        mitte = city.districts().get(0).value();
        nord = city.districts().get(1).value();
    }

    /** A short questionnaire of standard items: the night question can be given a comparable key or none. */
    record Items(Questionnaire questionnaire, Question night, Question problems, Question wishes, Question age) {
    }

    static Items items(String title, String nightKey) {
        var night = new Question(QuestionId.random(), QuestionKind.LIKERT,
                Wording.german("Wie sicher fühlen Sie sich nachts ohne Begleitung in Ihrer Wohngegend?"), null, true,
                nightKey, 1, 4, List.of(new AnswerOption("1", Wording.german("sehr sicher")),
                        new AnswerOption("2", Wording.german("eher sicher")),
                        new AnswerOption("3", Wording.german("eher unsicher")),
                        new AnswerOption("4", Wording.german("sehr unsicher"))), null);
        var problems = new Question(QuestionId.random(), QuestionKind.MULTIPLE_CHOICE,
                Wording.german("Was stört Sie in Ihrer Wohngegend?"), null, false, "problems_area", null, null,
                List.of(new AnswerOption("LITTER", Wording.german("Müll")),
                        new AnswerOption("GRAFFITI", Wording.german("Graffiti")),
                        new AnswerOption("LIGHTING", Wording.german("schlechte Beleuchtung"))), null);
        var wishes = new Question(QuestionId.random(), QuestionKind.FREE_TEXT,
                Wording.german("Was wünschen Sie sich?"), null, false, "wishes", null, null, List.of(), null);
        var district = new Question(QuestionId.random(), QuestionKind.DISTRICT, Wording.german("Ihr Stadtbezirk"), null,
                false, "district", null, null, List.of(), null);
        var age = new Question(QuestionId.random(), QuestionKind.AGE_BAND, Wording.german("Ihr Alter"), null, false,
                "age_band", null, null, List.of(new AnswerOption("16_24", Wording.german("16 bis 24")),
                        new AnswerOption("65_74", Wording.german("65 bis 74"))), null);
        var questionnaire = new Questionnaire(QuestionnaireId.random(), title, "",
                List.of(new Section(UUID.randomUUID(), Wording.german("Sicherheit"), List.of(night, problems, wishes)),
                        new Section(UUID.randomUUID(), Wording.german("Zur Person"), List.of(district, age))));
        return new Items(questionnaire, night, problems, wishes, age);
    }

    private SurveyWave wave(Items items, String title, int year) {
        var wave = new SurveyWave(SurveyWaveId.random(), items.questionnaire().id(), title, LocalDate.of(year, 3, 1),
                LocalDate.of(year, 3, 31), WaveMode.EXTERNAL, false);
        as(city.coordinator(), () -> {
            surveys.createQuestionnaire(items.questionnaire());
            surveys.createWave(wave);
            return null;
        });
        return wave;
    }

    /** {@code count} responses of a district and age band answering the night question with the code. */
    private static List<ResponseBatch.Response> responses(Items items, int count, UUID district, String age,
            String night, List<String> problems, String wish) {
        var list = new ArrayList<ResponseBatch.Response>();
        for (int i = 0; i < count; i++) {
            var answers = new ArrayList<ResponseBatch.Answer>();
            answers.add(new ResponseBatch.Answer(items.night().id().value(), night, null, null));
            problems.forEach(p -> answers.add(new ResponseBatch.Answer(items.problems().id().value(), p, null, null)));
            if (wish != null) {
                answers.add(new ResponseBatch.Answer(items.wishes().id().value(), null, null, wish + " " + i));
            }
            answers.add(new ResponseBatch.Answer(items.age().id().value(), age, null, null));
            list.add(new ResponseBatch.Response(LocalDate.of(2025, 3, 10), "IMPORT", district, age, "FEMALE",
                    answers));
        }
        return list;
    }

    private void store(SurveyWave wave, List<ResponseBatch.Response> responses) {
        batch.insert(city.id(), wave.id(), responses);
    }

    /**
     * Mitte: 50 responses, 10 of them "sehr unsicher"; Nord: 50, 30 "sehr unsicher". Mitte has 8,000 inhabitants and
     * Nord 2,000. Unweighted 40 % feel very unsafe; weighted by district 0.8 × 20 % + 0.2 × 60 % = 28 %, with weights
     * 1.6 and 0.4 and Kish's effective n = 100² / (50 × 1.6² + 50 × 0.4²) = 10,000 / 136 = 73.53.
     */
    private SurveyWave constructedSample(Items items) {
        var wave = wave(items, "Welle 2025", 2025);
        var all = new ArrayList<ResponseBatch.Response>();
        all.addAll(responses(items, 10, mitte, "16_24", "4", List.of("LITTER", "LIGHTING"), "Mehr Licht am Bahnhof"));
        all.addAll(responses(items, 40, mitte, "65_74", "1", List.of("LITTER"), null));
        all.addAll(responses(items, 30, nord, "16_24", "4", List.of(), "Mehr Polizei"));
        all.addAll(responses(items, 17, nord, "65_74", "2", List.of("GRAFFITI"), null));
        all.addAll(responses(items, 3, nord, "65_74", "3", List.of("GRAFFITI"), null));
        store(wave, all);
        as(city.coordinator(), () -> {
            results.enterPopulation(new Population(Map.of(mitte, 8000L, nord, 2000L), Map.of()));
            return null;
        });
        return wave;
    }

    @Test
    void countsSharesAndNumberOfAnswersAreAggregatedPerQuestion() {
        var items = items("Bürgerumfrage", "safety_night_area");
        var wave = constructedSample(items);

        var shown = as(city.coordinator(), () -> results.results(wave.id(), null, Weighting.NONE, Locale.GERMAN));

        assertThat(shown.responses()).isEqualTo(100);
        assertThat(shown.suppressed()).isFalse();
        var night = question(shown, items.night());
        assertThat(night.n()).isEqualTo(100);
        assertThat(night.options()).extracting(WaveResults.OptionResult::code).containsExactly("1", "2", "3", "4");
        assertThat(night.options()).extracting(WaveResults.OptionResult::count).containsExactly(40L, 17L, 3L, 40L);
        assertThat(night.options().get(3).share()).isCloseTo(0.40, within(1e-12));
        assertThat(night.options().get(3).label()).isEqualTo("sehr unsicher");
        // a multiple choice counts those who ticked anything: 10 + 40 + 17 + 3, not the 80 ticks
        var problems = question(shown, items.problems());
        assertThat(problems.n()).isEqualTo(70);
        assertThat(problems.options()).extracting(WaveResults.OptionResult::count).containsExactly(50L, 20L, 10L);
        // free text is not counted but listed; the demographic questions come from the responses themselves
        assertThat(shown.questions()).noneMatch(q -> q.question().kind() == QuestionKind.FREE_TEXT);
        var district = shown.questions().stream().filter(q -> q.question().kind() == QuestionKind.DISTRICT)
                .findFirst().orElseThrow();
        assertThat(district.options()).extracting(WaveResults.OptionResult::count).containsExactly(50L, 50L);

        var inMitte = as(city.coordinator(), () -> results.results(wave.id(), mitte, Weighting.NONE, Locale.GERMAN));
        assertThat(inMitte.responses()).isEqualTo(50);
        assertThat(question(inMitte, items.night()).options()).extracting(WaveResults.OptionResult::count)
                .containsExactly(40L, 0L, 0L, 10L);
    }

    @Test
    void weightedAndUnweightedSharesStandSideBySideWithTheEffectiveSampleSize() {
        var items = items("Bürgerumfrage", "safety_night_area");
        var wave = constructedSample(items);

        var weighted = as(city.coordinator(),
                () -> results.results(wave.id(), null, Weighting.DISTRICT, Locale.GERMAN));

        var veryUnsafe = question(weighted, items.night()).options().get(3);
        assertThat(veryUnsafe.share()).isCloseTo(0.40, within(1e-12));
        assertThat(veryUnsafe.weightedShare()).isCloseTo(0.28, within(1e-12));
        assertThat(question(weighted, items.night()).effectiveN()).isCloseTo(10_000.0 / 136, within(1e-9));
        var interval = SurveyStatistics.wilson(0.28, 10_000.0 / 136);
        assertThat(veryUnsafe.lower()).isCloseTo(interval[0], within(1e-12));
        assertThat(veryUnsafe.upper()).isCloseTo(interval[1], within(1e-12));
        assertThat(veryUnsafe.lower()).isBetween(0.18, 0.20);
        // raking without an age and gender structure falls back to the district margin
        var raked = as(city.coordinator(), () -> results.results(wave.id(), null, Weighting.RAKING, Locale.GERMAN));
        assertThat(question(raked, items.night()).options().get(3).weightedShare()).isCloseTo(0.28, within(1e-9));
        // unweighted: the interval uses n itself (Newcombe's 40/100)
        var plain = as(city.coordinator(), () -> results.results(wave.id(), null, Weighting.NONE, Locale.GERMAN));
        assertThat(question(plain, items.night()).options().get(3).lower())
                .isCloseTo(SurveyStatistics.wilson(0.4, 100)[0], within(1e-12));
    }

    @Test
    void countsBelowFiveAreSuppressedForEveryoneButTheCoordinationAndInEveryExport() throws Exception {
        var items = items("Bürgerumfrage", "safety_night_area");
        var wave = constructedSample(items);

        var coordination = as(city.coordinator(), () -> results.results(wave.id(), null, Weighting.NONE, Locale.GERMAN));
        assertThat(question(coordination, items.night()).options().get(2).count()).isEqualTo(3);
        assertThat(question(coordination, items.night()).options()).noneMatch(WaveResults.OptionResult::suppressed);

        var police = as(city.policeUser(), () -> results.results(wave.id(), null, Weighting.NONE, Locale.GERMAN));
        assertThat(police.suppressed()).isTrue();
        var night = question(police, items.night()).options();
        assertThat(night.get(2).suppressed()).isTrue();
        // the one hidden 3 could be worked out from n = 100 and the other counts: the next smallest (17) goes too
        assertThat(night.get(1).suppressed()).isTrue();
        assertThat(night.get(0).suppressed()).isFalse();
        var crossTable = as(city.policeUser(), () -> results.crossTable(wave.id(), items.night().id(),
                CrossTable.Breakdown.AGE_BAND, null, Locale.GERMAN));
        assertThat(crossTable.rows().get(2).cells()).allMatch(CrossTable.Cell::suppressed);
        var inNord = as(city.policeUser(), () -> results.results(wave.id(), nord, Weighting.NONE, Locale.GERMAN));
        assertThat(question(inNord, items.night()).options().get(0).suppressed()).isTrue(); // 0 in Nord

        var export = as(city.coordinator(),
                () -> results.resultsToExport(wave.id(), null, Weighting.NONE, Locale.GERMAN));
        var csv = new StringWriter();
        ResultsDocuments.csv(export, messages, Locale.GERMAN, csv);
        assertThat(csv.toString()).contains("eher unsicher;3;< 5;;").doesNotContain("eher unsicher;3;3;")
                .contains("sehr unsicher;4;40;40,0;");
        var pdf = new ByteArrayOutputStream();
        var letterhead = as(city.coordinator(), () -> partnerships.letterhead());
        ResultsDocuments.pdf(export, null, letterhead, messages, Locale.GERMAN, pdf);
        var text = PdfFiles.text(pdf.toByteArray());
        assertThat(text).contains("Ergebnisbericht Welle 2025").contains("Wie sicher fühlen Sie sich nachts")
                .contains("< 5").contains("40,0 %");
    }

    @Test
    void aCrossTableBreaksAQuestionDownByAgeBand() {
        var items = items("Bürgerumfrage", "safety_night_area");
        var wave = constructedSample(items);

        var table = as(city.coordinator(), () -> results.crossTable(wave.id(), items.night().id(),
                CrossTable.Breakdown.AGE_BAND, null, Locale.GERMAN));

        assertThat(table.columns()).containsExactly("16 bis 24", "65 bis 74");
        assertThat(table.columnTotals()).containsExactly(40L, 60L);
        assertThat(table.rows().get(3).cells()).extracting(CrossTable.Cell::count).containsExactly(40L, 0L);
        assertThat(table.rows().get(0).cells().get(1).share()).isCloseTo(40.0 / 60, within(1e-12));
    }

    @Test
    void freeTextsAreListedWithASearchAndInPages() {
        var items = items("Bürgerumfrage", "safety_night_area");
        var wave = constructedSample(items);

        var all = as(city.policeUser(), () -> results.freeTexts(wave.id(), null, null, 1, Locale.GERMAN));
        assertThat(all.total()).isEqualTo(40);
        assertThat(all.pages()).isEqualTo(2);
        assertThat(all.answers()).hasSize(SurveyResults.TEXTS_PER_PAGE);
        var second = as(city.policeUser(), () -> results.freeTexts(wave.id(), null, null, 2, Locale.GERMAN));
        assertThat(second.answers()).hasSize(15);
        var light = as(city.policeUser(), () -> results.freeTexts(wave.id(), null, "licht", 1, Locale.GERMAN));
        assertThat(light.total()).isEqualTo(10);
        assertThat(light.answers()).allSatisfy(a -> {
            assertThat(a.text()).startsWith("Mehr Licht am Bahnhof");
            assertThat(a.question()).isEqualTo("Was wünschen Sie sich?");
        });
        var percent = as(city.policeUser(), () -> results.freeTexts(wave.id(), null, "%", 1, Locale.GERMAN));
        assertThat(percent.total()).isZero();
    }

    @Test
    void trendsCompareOnlyQuestionsWithTheSameComparableKey() {
        var first = items("Umfrage 2019", "safety_night_area");
        var sameTextNoKey = items("Umfrage 2020", null);
        var otherKey = items("Umfrage 2021", "safety_night_centre");
        var last = items("Umfrage 2022", "safety_night_area");
        var w2019 = wave(first, "Welle 2019", 2019);
        var w2020 = wave(sameTextNoKey, "Welle 2020", 2020);
        var w2021 = wave(otherKey, "Welle 2021", 2021);
        var w2022 = wave(last, "Welle 2022", 2022);
        store(w2019, responses(first, 20, mitte, "16_24", "4", List.of(), null));
        store(w2019, responses(first, 20, mitte, "16_24", "1", List.of(), null));
        store(w2020, responses(sameTextNoKey, 30, mitte, "16_24", "4", List.of(), null));
        store(w2021, responses(otherKey, 30, mitte, "16_24", "4", List.of(), null));
        store(w2022, responses(last, 10, mitte, "16_24", "3", List.of(), null));
        store(w2022, responses(last, 30, mitte, "16_24", "2", List.of(), null));
        store(w2022, responses(last, 3, nord, "16_24", "4", List.of(), null));

        var trend = as(city.coordinator(), () -> senseOfSecurity.trend(SenseOfSecurity.INDICATOR));

        assertThat(trend.waves()).extracting(SurveyTrend.Wave::title).containsExactly("Welle 2019", "Welle 2022");
        var mitteSeries = trend.districts().stream().filter(s -> s.name().equals("Mitte")).findFirst().orElseThrow();
        assertThat(mitteSeries.points()).extracting(SurveyTrend.Point::percent).containsExactly(50.0, 25.0);
        assertThat(trend.city().points()).extracting(SurveyTrend.Point::answered).containsExactly(40L, 43L);
        assertThat(as(city.coordinator(), () -> senseOfSecurity.comparableKeys()))
                .containsExactly("safety_night_area", "safety_night_centre");
        assertThat(as(city.coordinator(), () -> senseOfSecurity.trend("safety_night_centre")).waves())
                .extracting(SurveyTrend.Wave::title).containsExactly("Welle 2021");

        // the district profile's API: per wave the district's share, three answers in Nord are too few to show
        var nordTrend = as(city.policeUser(), () -> senseOfSecurity.trend(city.districts().get(1)));
        assertThat(nordTrend).extracting(SenseOfSecurity.TrendPoint::answered).containsExactly(0L, 3L);
        assertThat(nordTrend).extracting(SenseOfSecurity.TrendPoint::percent).containsOnlyNulls();
        assertThat(as(city.coordinator(), () -> senseOfSecurity.trend(SenseOfSecurity.INDICATOR)).districts())
                .filteredOn(s -> s.name().equals("Nord")).singleElement()
                .satisfies(s -> assertThat(s.points().get(1).percent()).isEqualTo(100.0));
        assertThat(trend.chart("Gesamtstadt").lines()).extracting(l -> l.name()).contains("Mitte", "Gesamtstadt");
    }

    private static WaveResults.QuestionResult question(WaveResults results, Question question) {
        return results.questions().stream().filter(q -> q.question().id().equals(question.id())).findFirst()
                .orElseThrow();
    }

    private <T> T as(String username, Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(username);
        return CurrentUser.runAs(principal.sipaUser(), work);
    }
}
