package de.sipa.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
        var preview = as(() -> imports.preview(wave.id(), bytes(WITH_ERRORS), chosen(), Locale.GERMAN));

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

        assertThatThrownBy(() -> as(() -> imports.confirm(wave.id(), bytes(WITH_ERRORS), chosen(), Locale.GERMAN)))
                .isInstanceOf(RuleViolationException.class).hasMessage("survey.import.notClean");
        assertThat(stored(wave)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM surveys_answer_count WHERE wave_id = ?").param(wave.id().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aCleanFileIsImportedWithLabelsAndNamesTranslatedToCodesAndCountedInTheResults() {
        var wave = f.wave(surveys, clock, WaveMode.EXTERNAL);

        assertThat(as(() -> imports.confirm(wave.id(), bytes(CLEAN), chosen(), Locale.GERMAN))).isEqualTo(2);

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
        assertThatThrownBy(() -> as(() -> imports.preview(wave.id(), bytes(CLEAN), chosen(), Locale.GERMAN)))
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
