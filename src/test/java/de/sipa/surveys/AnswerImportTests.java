package de.sipa.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.shared.ImportRow;
import de.sipa.shared.RuleViolationException;

/** An external wave's answers come from a CSV file: columns assigned to questions, every row checked, all or nothing. */
@SipaIntegrationTest
class AnswerImportTests {

    static final String CLEAN = """
            safety_night;Bezirk;Orte;problems;Jahre;Warum
            eher sicher;Mitte;den Stadtpark|den Bahnhof;LITTER;12;
            4;nord;;Graffiti,Müll;3;Zu dunkel
            """;
    static final String WITH_ERRORS = CLEAN + """
            vielleicht;Mitte;;;12;
            2;;;;200;
            1;Nord;;;;Zu dunkel
            """;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Surveys surveys;

    @Autowired
    AnswerImport imports;

    @Autowired
    SurveyResults results;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    AnsweringFixture f;

    @BeforeEach
    void aQuestionnaire() {
        f = new AnsweringFixture(fixtures, surveys);
    }

    @Test
    void aFileWithBadRowsShowsEachRowsErrorsInGermanAndStoresNothing() {
        var wave = f.wave(surveys, clock, WaveMode.EXTERNAL);
        var preview = as(() -> imports.preview(wave.id(), bytes(WITH_ERRORS), mapping(), Locale.GERMAN));

        assertThat(preview.fileErrors()).isEmpty();
        assertThat(preview.columns()).filteredOn(c -> c.key().equals(key(f.night))).singleElement()
                .extracting(AnswerImportPreview.Column::header).isEqualTo("safety_night");
        assertThat(preview.rows()).extracting(ImportRow::line).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(preview.rows().subList(0, 2)).allMatch(ImportRow::valid);
        assertThat(preview.rows().get(2).errors()).containsExactly(
                "„Wie sicher fühlen Sie sich nachts ohne Begleitung in Ihrer Wohngegend?“: „vielleicht“ ist keine der "
                        + "Antworten dieser Frage.");
        assertThat(preview.rows().get(3).errors()).containsExactlyInAnyOrder(
                "„In welchem Stadtbezirk wohnen Sie?“ ist nicht beantwortet, die Frage ist aber Pflicht.",
                "„Seit wie vielen Jahren wohnen Sie hier?“: 200 liegt nicht zwischen 0 und 100.");
        assertThat(preview.rows().get(4).errors()).singleElement().asString().contains("gilt nach den vorherigen");
        assertThat(preview.importable()).isFalse();

        assertThatThrownBy(() -> as(() -> imports.confirm(wave.id(), bytes(WITH_ERRORS), mapping(), Locale.GERMAN)))
                .isInstanceOf(RuleViolationException.class).hasMessage("survey.import.notClean");
        assertThat(stored(wave)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM surveys_answer_count WHERE wave_id = ?").param(wave.id().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aCleanFileIsImportedWithLabelsAndNamesTranslatedToCodesAndCountedInTheResults() {
        var wave = f.wave(surveys, clock, WaveMode.EXTERNAL);

        assertThat(as(() -> imports.confirm(wave.id(), bytes(CLEAN), mapping(), Locale.GERMAN))).isEqualTo(2);

        assertThat(stored(wave)).isEqualTo(2);
        var result = as(() -> results.results(wave.id(), null, Weighting.NONE, Locale.GERMAN));
        assertThat(result.responses()).isEqualTo(2);
        assertThat(counts(result, f.night)).containsEntry("2", 1L).containsEntry("4", 1L).containsEntry("1", 0L);
        assertThat(counts(result, f.avoided)).containsEntry("PARK", 1L).containsEntry("STATION", 1L);
        assertThat(counts(result, f.problems)).containsEntry("LITTER", 2L).containsEntry("GRAFFITI", 1L);
        assertThat(counts(result, f.district)).containsEntry(f.city.districts().get(0).value().toString(), 1L)
                .containsEntry(f.city.districts().get(1).value().toString(), 1L);
        assertThat(jdbc.sql("SELECT text_value FROM surveys_answer WHERE question_id = ?").param(f.why.id().value())
                .query(String.class).list()).containsExactly("Zu dunkel");
        assertThat(jdbc.sql("SELECT DISTINCT source FROM surveys_response WHERE wave_id = ?").param(wave.id().value())
                .query(String.class).list()).containsExactly("IMPORT");
    }

    @Test
    void aWebWaveTakesNoImport() {
        var wave = f.wave(surveys, clock, WaveMode.OPEN);
        assertThatThrownBy(() -> as(() -> imports.preview(wave.id(), bytes(CLEAN), mapping(), Locale.GERMAN)))
                .isInstanceOf(RuleViolationException.class).hasMessage("survey.import.notExternal");
    }

    @Test
    void theCoordinationUploadsChecksTheMappingAndImportsOnThePages() throws Exception {
        var wave = f.wave(surveys, clock, WaveMode.EXTERNAL);
        var base = "/umfragen/wellen/" + wave.id().value() + "/import";
        var coordinator = user(fixtures.user(f.city.coordinator()));

        var upload = Jsoup.parse(mvc.perform(multipart(base + "/preview")
                .file(new MockMultipartFile("file", "institut.csv", "text/csv", bytes(WITH_ERRORS)))
                .with(coordinator).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(upload.select("#preview-rows .rejected")).isNotEmpty();
        assertThat(upload.select("#preview-rows").text()).contains("„vielleicht“ ist keine der Antworten");
        assertThat(upload.select("#confirm-import")).isEmpty();
        assertThat(upload.select("#cancel-import").attr("href")).isEqualTo("/umfragen/wellen/" + wave.id().value());

        var confirm = post(base + "/confirm").param("content", Base64.getEncoder().encodeToString(bytes(CLEAN)))
                .param("fileName", "institut.csv").with(coordinator).with(csrf());
        chosen().forEach((key, header) -> confirm.param("column." + key, header));
        mvc.perform(confirm).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/umfragen/wellen/" + wave.id().value()));
        assertThat(stored(wave)).isEqualTo(2);
    }

    @Test
    void aPaperSurveysOwnCodesAreImportedOnceTheCoordinatorMapsThemAndUnmappedOnesAreRowErrors() {
        var wave = f.wave(surveys, clock, WaveMode.EXTERNAL);
        var file = bytes(PAPER);

        var automatic = as(() -> imports.preview(wave.id(), file, mapping(), Locale.GERMAN));
        var night = values(automatic, f.night);
        assertThat(night.values()).extracting(AnswerImportPreview.Value::value, AnswerImportPreview.Value::count,
                AnswerImportPreview.Value::target).containsExactly(
                        tuple("+", 1L, AnswerImportMapping.UNMAPPED), tuple("++", 2L, AnswerImportMapping.UNMAPPED),
                        tuple("--", 1L, AnswerImportMapping.UNMAPPED), tuple("eher sicher", 1L, "2"));
        assertThat(night.choices()).extracting(AnswerImportPreview.Choice::code).containsExactly("1", "2", "3", "4");
        assertThat(values(automatic, f.problems).values()).extracting(AnswerImportPreview.Value::value,
                AnswerImportPreview.Value::count, AnswerImportPreview.Value::target).containsExactly(
                        tuple("k.A.", 1L, AnswerImportMapping.UNMAPPED), tuple("Müll", 3L, "LITTER"),
                        tuple("Schmierereien", 1L, AnswerImportMapping.UNMAPPED));
        assertThat(automatic.rows().get(0).errors()).containsExactly(
                "„Wie sicher fühlen Sie sich nachts ohne Begleitung in Ihrer Wohngegend?“: „++“ ist keine der "
                        + "Antworten dieser Frage.");
        assertThat(automatic.invalidCount()).isEqualTo(4);

        var halfMapped = mapping(Map.of("++", "1", "+", "2", "--", AnswerImportMapping.UNMAPPED),
                Map.of("Schmierereien", "GRAFFITI", "k.A.", AnswerImportMapping.NO_ANSWER));
        var preview = as(() -> imports.preview(wave.id(), file, halfMapped, Locale.GERMAN));
        assertThat(preview.rows()).filteredOn(r -> !r.valid()).extracting(ImportRow::line).containsExactly(5L);
        assertThatThrownBy(() -> as(() -> imports.confirm(wave.id(), file, halfMapped, Locale.GERMAN)))
                .isInstanceOf(RuleViolationException.class).hasMessage("survey.import.notClean");
        assertThat(stored(wave)).isZero();

        var mapped = mapping(Map.of("++", "1", "+", "2", "--", "4"),
                Map.of("Schmierereien", "GRAFFITI", "k.A.", AnswerImportMapping.NO_ANSWER));
        assertThat(as(() -> imports.confirm(wave.id(), file, mapped, Locale.GERMAN))).isEqualTo(5);
        var result = as(() -> results.results(wave.id(), null, Weighting.NONE, Locale.GERMAN));
        assertThat(counts(result, f.night)).containsEntry("1", 2L).containsEntry("2", 2L).containsEntry("3", 0L)
                .containsEntry("4", 1L);
        assertThat(counts(result, f.problems)).containsEntry("LITTER", 3L).containsEntry("GRAFFITI", 1L);
        assertThat(jdbc.sql("SELECT count(*) FROM surveys_answer WHERE question_id = ?").param(f.problems.id().value())
                .query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void theValueMappingSurvivesTheStepsAndARefusedImport() throws Exception {
        var wave = f.wave(surveys, clock, WaveMode.EXTERNAL);
        var base = "/umfragen/wellen/" + wave.id().value() + "/import";
        var coordinator = user(fixtures.user(f.city.coordinator()));
        var night = key(f.night);

        var upload = page(mvc.perform(multipart(base + "/preview")
                .file(new MockMultipartFile("file", "papier.csv", "text/csv", bytes(PAPER)))
                .with(coordinator).with(csrf())));
        var fields = upload.select("#values-" + night + " .field");
        assertThat(fields).extracting(e -> e.selectFirst("label").text())
                .containsExactly("„+“ (1-mal)", "„++“ (2-mal)", "„--“ (1-mal)", "„eher sicher“ (1-mal)");
        assertThat(fields.get(1).select("select option[selected]").text())
                .isEqualTo("– nicht zuordnen → Zeile fehlerhaft –");
        assertThat(fields.get(3).select("select option[selected]").val()).isEqualTo("2");
        assertThat(upload.select("#values-" + night + " select option").eachText()).contains("als keine Angabe",
                "1 – sehr sicher", "4 – sehr unsicher");
        assertThat(upload.select("#confirm-import")).isEmpty();

        // "--" left unmapped: the import is refused, the page shows the mapping as chosen and nothing is stored
        var confirm = post(base + "/confirm").param("content", Base64.getEncoder().encodeToString(bytes(PAPER)))
                .param("fileName", "papier.csv").with(coordinator).with(csrf());
        chosen().forEach((key, header) -> confirm.param("column." + key, header));
        mapValues(confirm, night, Map.of("--", "", "+", "2", "++", "1", "eher sicher", "2"));
        mapValues(confirm, key(f.problems), Map.of("k.A.", AnswerImportMapping.NO_ANSWER, "Müll", "LITTER",
                "Schmierereien", "GRAFFITI"));
        var refused = page(mvc.perform(confirm));
        assertThat(refused.select(".flash.error, [role=alert]").text()).contains("fehlerhafte Zeilen");
        assertThat(refused.select("#values-" + night + " select option[selected]").eachAttr("value"))
                .containsExactly("2", "1", "", "2");
        assertThat(refused.select("#values-" + key(f.problems) + " select option[selected]").eachAttr("value"))
                .containsExactly(AnswerImportMapping.NO_ANSWER, "LITTER", "GRAFFITI");
        assertThat(refused.select("#import-summary").text()).contains("4 Zeile(n) fehlerfrei, 1 Zeile(n) mit Fehlern");
        assertThat(stored(wave)).isZero();

        var check = post(base + "/check").param("content", Base64.getEncoder().encodeToString(bytes(PAPER)))
                .param("fileName", "papier.csv").with(coordinator).with(csrf());
        chosen().forEach((key, header) -> check.param("column." + key, header));
        mapValues(check, night, Map.of("--", "4", "+", "2", "++", "1", "eher sicher", "2"));
        mapValues(check, key(f.problems), Map.of("k.A.", AnswerImportMapping.NO_ANSWER, "Schmierereien", "GRAFFITI"));
        var checked = page(mvc.perform(check));
        assertThat(checked.select("#confirm-import")).isNotEmpty();
        assertThat(stored(wave)).isZero();
    }

    /** A paper survey's file: the scale coded "++" … "--", "Schmierereien" for graffiti and "k.A." for no answer. */
    static final String PAPER = """
            safety_night;Bezirk;problems
            ++;Mitte;Müll
            +;Nord;Müll|Schmierereien
            ++;Mitte;k.A.
            --;Nord;Müll
            eher sicher;Nord;
            """;

    private static org.jsoup.nodes.Document page(org.springframework.test.web.servlet.ResultActions result)
            throws Exception {
        return Jsoup.parse(result.andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static void mapValues(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String question, Map<String, String> targets) {
        targets.forEach((value, target) -> request.param("value." + question, value)
                .param("target." + question, target));
    }

    private AnswerImportMapping mapping(Map<String, String> night, Map<String, String> problems) {
        return new AnswerImportMapping(chosen(), Map.of(key(f.night), night, key(f.problems), problems));
    }

    private static AnswerImportPreview.Values values(AnswerImportPreview preview, Question question) {
        return preview.values().stream().filter(v -> v.key().equals(key(question))).findFirst().orElseThrow();
    }

    private AnswerImportMapping mapping() {
        return AnswerImportMapping.columns(chosen());
    }

    /** The columns the user assigns: the rest is found by header (safety_night, problems). */
    private Map<String, String> chosen() {
        return Map.of(key(f.district), "bezirk", key(f.avoided), "orte", key(f.years), "jahre", key(f.why), "warum");
    }

    private static String key(Question question) {
        return question.id().value().toString();
    }

    private static Map<String, Long> counts(WaveResults result, Question question) {
        return result.questions().stream().filter(q -> q.question().id().equals(question.id())).findFirst()
                .orElseThrow().options().stream()
                .collect(java.util.stream.Collectors.toMap(WaveResults.OptionResult::code,
                        WaveResults.OptionResult::count));
    }

    private long stored(SurveyWave wave) {
        return jdbc.sql("SELECT count(*) FROM surveys_response WHERE wave_id = ?").param(wave.id().value())
                .query(Long.class).single();
    }

    private static byte[] bytes(String csv) {
        return csv.getBytes(StandardCharsets.UTF_8);
    }

    private <T> T as(java.util.function.Supplier<T> work) {
        return AnsweringFixture.as(fixtures, f.city.coordinator(), work);
    }
}
