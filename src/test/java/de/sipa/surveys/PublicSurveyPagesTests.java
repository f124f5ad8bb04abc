package de.sipa.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;

/**
 * The public pages of a web wave as a browser without script uses them: the forms are sent with what they hold
 * (hidden fields, checked choices, typed values), so back and next must carry every answer.
 */
@SipaIntegrationTest
class PublicSurveyPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Surveys surveys;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    AnsweringFixture f;
    /** Every test answers from an address of its own, so the per-address limit of one does not touch another. */
    String address;

    @BeforeEach
    void aQuestionnaire() {
        f = new AnsweringFixture(fixtures, surveys);
        address = "10.20." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }

    @Test
    void theIntroExplainsPurposeAndPrivacyWithoutASessionAndOnlyTheTownsWebWavesAreFound() throws Exception {
        var wave = f.wave(surveys, clock, WaveMode.OPEN);
        var result = mvc.perform(get(url(wave))).andExpect(status().isOk()).andReturn();
        var intro = Jsoup.parse(result.getResponse().getContentAsString());

        assertThat(result.getRequest().getSession(false)).isNull();
        assertThat(result.getResponse().getHeaders("Set-Cookie")).noneMatch(c -> c.contains("SESSION"));
        assertThat(intro.select("h1").text()).isEqualTo("Bürgerumfrage Sicherheit");
        assertThat(intro.text()).contains("möchte wissen, wie sicher Sie sich", "Ihre Meinung zählt.", "3 Seiten");
        assertThat(intro.select("#survey-privacy").text()).contains("ohne IP-Adresse", "ohne Konto", "nur den Tag");
        assertThat(intro.select("a#survey-start").attr("href")).isEqualTo(url(wave) + "/fragen");
        assertThat(intro.select(".legal-links a").eachText()).contains("Datenschutzerklärung");

        mvc.perform(get("/buerger/stadt-" + fixtures.city().key() + "/umfragen/" + wave.id()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/buerger/" + f.slug + "/umfragen/" + UUID.randomUUID())).andExpect(status().isNotFound());
        var external = f.wave(surveys, clock, WaveMode.EXTERNAL);
        mvc.perform(get(url(external))).andExpect(status().isNotFound());
    }

    @Test
    void aCitizenAnswersPageByPageGoesBackWithoutLosingAnythingAndOneDeviceAnswersOnce() throws Exception {
        var wave = f.wave(surveys, clock, WaveMode.OPEN);
        var page = page(mvc.perform(get(url(wave) + "/fragen")).andExpect(status().isOk()));
        assertThat(page.select("#survey-progress").text()).isEqualTo("Seite 1 von 3");
        assertThat(page.select("#survey-progress-bar").attr("value")).isEqualTo("1");
        assertThat(page.select("#survey-progress-bar").attr("max")).isEqualTo("3");
        var night = page.getElementById("q-" + f.night.id());
        assertThat(night.tagName()).isEqualTo("fieldset");
        assertThat(night.select("legend").text()).startsWith(f.night.text().german());
        assertThat(night.select("input[type=radio]")).hasSize(4);
        assertThat(night.select("label").eachText()).containsExactly("sehr sicher", "eher sicher", "eher unsicher",
                "sehr unsicher");
        assertThat(page.select("#q-" + f.avoided.id() + " input[type=checkbox]")).hasSize(2);
        // Without script the question about why shows with its condition; the script hides it.
        var why = page.getElementById("q-" + f.why.id());
        assertThat(why.select(".hint").text()).contains("„eher unsicher / sehr unsicher“");
        assertThat(why.attr("data-condition-name")).isEqualTo("a." + f.night.id());
        assertThat(why.attr("data-condition-codes")).isEqualTo("3,4");
        assertThat(page.select("#survey-back")).isEmpty();

        // Next without the required answer: the error on top, linked to the field and described on it.
        var refused = page(send(page, Map.of(), "weiter").andExpect(status().isBadRequest()));
        assertThat(refused.select("#survey-progress").text()).isEqualTo("Seite 1 von 3");
        var link = refused.select("#error-summary a").first();
        assertThat(link.text()).contains("Bitte beantworten Sie diese Frage.");
        assertThat(link.attr("href")).isEqualTo("#q-" + f.night.id() + "-0");
        assertThat(refused.getElementById("q-" + f.night.id() + "-0")).isNotNull();
        assertThat(refused.getElementById("q-" + f.night.id()).attr("aria-describedby"))
                .isEqualTo("q-" + f.night.id() + "-error");

        var second = page(send(page, Map.of(f.night, List.of("4"), f.why, List.of("Dunkle Wege"),
                f.avoided, List.of("PARK")), "weiter").andExpect(status().isOk()));
        assertThat(second.select("#survey-progress").text()).isEqualTo("Seite 2 von 3");
        assertThat(second.select("h1").text()).isEqualTo("Ihre Wohngegend");
        assertThat(second.select("#q-" + f.district.id() + " input[type=radio]").eachAttr("value"))
                .containsAll(f.city.districts().stream().map(d -> d.value().toString()).toList());
        assertThat(second.select("input[type=number]").attr("min")).isEqualTo("0");
        assertThat(second.select("input[type=number]").attr("max")).isEqualTo("100");

        var outOfRange = page(send(second, Map.of(f.district, List.of(f.city.districts().get(0).value().toString()),
                f.years, List.of("150")), "weiter").andExpect(status().isBadRequest()));
        assertThat(outOfRange.select("#error-summary").text()).contains("Bitte geben Sie eine Zahl von 0 bis 100 ein.");
        assertThat(outOfRange.select("#q-" + f.years.id() + "-0").attr("aria-describedby"))
                .isEqualTo("q-" + f.years.id() + "-error");

        // Back keeps what was typed on this page and shows the first page as it was answered.
        var back = page(send(outOfRange, Map.of(f.years, List.of("9")), "zurueck").andExpect(status().isOk()));
        assertThat(back.select("#survey-progress").text()).isEqualTo("Seite 1 von 3");
        assertThat(back.select("#q-" + f.night.id() + " input[checked]").attr("value")).isEqualTo("4");
        assertThat(back.select("#q-" + f.why.id() + " textarea").text()).isEqualTo("Dunkle Wege");
        assertThat(back.select("input[type=hidden][name=a." + f.years.id() + "]").attr("value")).isEqualTo("9");

        var again = page(send(back, Map.of(), "weiter").andExpect(status().isOk()));
        assertThat(again.select("input[type=number]").attr("value")).isEqualTo("9");
        var last = page(send(again, Map.of(), "weiter").andExpect(status().isOk()));
        assertThat(last.select("#survey-progress").text()).isEqualTo("Seite 3 von 3");
        assertThat(last.select("#q-" + f.paths.id())).hasSize(1); // the park was chosen on page 1
        assertThat(last.select("#survey-next").text()).isEqualTo("Absenden");
        assertThat(last.select("#survey-next").attr("value")).isEqualTo("absenden");

        var sent = send(last, Map.of(f.age, List.of("40_PLUS"), f.paths, List.of("Uferweg")), "absenden")
                .andExpect(redirectedUrl(url(wave) + "/danke")).andReturn().getResponse();
        var device = deviceCookie(sent);
        assertThat(device.getValue()).hasSize(48);
        assertThat(responses(wave)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT age_band FROM surveys_response WHERE wave_id = ?").param(wave.id().value())
                .query(String.class).single()).isEqualTo("40_PLUS");
        assertThat(jdbc.sql("SELECT text_value FROM surveys_answer WHERE question_id = ?").param(f.paths.id().value())
                .query(String.class).single()).isEqualTo("Uferweg");
        assertThat(page(mvc.perform(get(url(wave) + "/danke"))).select("#survey-thanks").text()).isEqualTo("Vielen Dank!");

        // The same device: told it took part, and a second response is refused.
        assertThat(page(mvc.perform(get(url(wave)).cookie(device))).select("#survey-answered").text())
                .contains("schon teilgenommen");
        mvc.perform(get(url(wave) + "/fragen").cookie(device)).andExpect(redirectedUrl(url(wave)));
        var twice = page(mvc.perform(post(url(wave) + "/fragen").with(csrf()).with(from(address)).cookie(device)
                .params(form(last, Map.of(f.age, List.of("40_PLUS")), "absenden"))).andExpect(status().isConflict()));
        assertThat(twice.select("#survey-answered").text()).contains("schon teilgenommen");
        assertThat(responses(wave)).isEqualTo(1);
        // Another device may answer.
        send(last, Map.of(), "absenden").andExpect(redirectedUrl(url(wave) + "/danke"));
        assertThat(responses(wave)).isEqualTo(2);
    }

    @Test
    void goingBackAndChangingAnAnswerDropsTheAnswersThatNoLongerApply() throws Exception {
        var wave = f.wave(surveys, clock, WaveMode.OPEN);
        var first = page(mvc.perform(get(url(wave) + "/fragen")));
        var second = page(send(first, Map.of(f.night, List.of("2"), f.avoided, List.of("PARK")), "weiter"));
        var third = page(send(second, Map.of(f.district, List.of(f.city.districts().get(0).value().toString())),
                "weiter"));
        var backToSecond = page(send(third, Map.of(f.paths, List.of("Uferweg")), "zurueck"));
        var backToFirst = page(send(backToSecond, Map.of(), "zurueck"));
        assertThat(backToFirst.select("input[type=hidden][name=a." + f.paths.id() + "]").attr("value"))
                .isEqualTo("Uferweg");

        var changed = page(send(backToFirst, Map.of(f.avoided, List.of()), "weiter"));
        assertThat(changed.select("[name=a." + f.paths.id() + "]")).isEmpty();
        var last = page(send(changed, Map.of(), "weiter"));
        assertThat(last.select("#q-" + f.paths.id())).isEmpty();
        send(last, Map.of(), "absenden").andExpect(redirectedUrl(url(wave) + "/danke"));
        assertThat(jdbc.sql("SELECT count(*) FROM surveys_answer WHERE question_id = ?").param(f.paths.id().value())
                .query(Long.class).single()).isZero();

        // A crafted answer to a question of the page that does not apply is refused, not dropped.
        var crafted = new LinkedMultiValueMap<>(form(last, Map.of(), "absenden"));
        crafted.add("a." + f.why.id(), "nicht gefragt");
        crafted.add("seite", "1");
        crafted.set("seite", "1");
        var refused = page(mvc.perform(post(url(wave) + "/fragen").with(csrf()).with(from(address)).params(crafted))
                .andExpect(status().isBadRequest()));
        assertThat(refused.select("#error-summary").text()).contains("gilt nach Ihrer vorherigen Antwort nicht");
        assertThat(responses(wave)).isEqualTo(1);
    }

    @Test
    void aWaveWithCodesAsksForTheCodeFirstAndTakesOneResponsePerCode() throws Exception {
        var wave = f.wave(surveys, clock, WaveMode.INVITATION_CODES);
        AnsweringFixture.codes(jdbc, wave, "KX7P-M2QA");
        var intro = page(mvc.perform(get(url(wave))));
        assertThat(intro.select("#code-form label[for=code]").text()).isEqualTo("Ihr Zugangscode");
        assertThat(intro.select("#survey-privacy").text()).contains("ohne IP-Adresse");
        assertThat(intro.text()).contains("nicht mit Ihren Antworten verbunden");
        mvc.perform(get(url(wave) + "/fragen")).andExpect(redirectedUrl(url(wave)));

        var unknown = page(code(wave, "KX7P-0000").andExpect(status().isBadRequest()));
        assertThat(unknown.select("#code-error").text()).isEqualTo("Diesen Zugangscode kennen wir nicht. Bitte prüfen Sie ihn noch einmal.");
        assertThat(unknown.select("#code").attr("aria-describedby")).contains("code-error");
        assertThat(unknown.select("#error-summary a").attr("href")).isEqualTo("#code");

        var first = page(code(wave, "kx7p m2qa").andExpect(status().isOk()));
        assertThat(first.select("input[type=hidden][name=code]").attr("value")).isEqualTo("kx7p m2qa");
        var second = page(send(first, Map.of(f.night, List.of("1")), "weiter"));
        var third = page(send(second, Map.of(f.district, List.of(f.city.districts().get(1).value().toString())),
                "weiter"));
        send(third, Map.of(), "absenden").andExpect(redirectedUrl(url(wave) + "/danke"));
        assertThat(responses(wave)).isEqualTo(1);

        var again = page(send(third, Map.of(), "absenden").andExpect(status().isConflict()));
        assertThat(again.select("#code-error").text()).contains("Mit diesem Zugangscode wurde schon geantwortet.");
        assertThat(page(code(wave, "KX7P-M2QA").andExpect(status().isBadRequest())).select("#code-error").text())
                .contains("schon geantwortet");
        assertThat(responses(wave)).isEqualTo(1);
    }

    @Test
    void oneAddressMayTryOnlySoManyCodesOrResponsesInTenMinutes() throws Exception {
        var wave = f.wave(surveys, clock, WaveMode.INVITATION_CODES);
        for (int i = 0; i < 30; i++) {
            code(wave, "GUESS-" + i).andExpect(status().isBadRequest());
        }
        var refused = page(code(wave, "GUESS-31").andExpect(status().isTooManyRequests()));
        assertThat(refused.select("#code-error").text()).contains("in einigen Minuten noch einmal");
        assertThat(jdbc.sql("SELECT count(*) FROM reports_intake_count WHERE channel = 'SURVEY'").query(Long.class)
                .single()).isPositive();
    }

    @Test
    void closingTheWaveWhileSomeoneAnswersRefusesTheirResponseAndStoresNothing() throws Exception {
        var wave = f.wave(surveys, clock, WaveMode.OPEN);
        var first = page(mvc.perform(get(url(wave) + "/fragen")));
        var second = page(send(first, Map.of(f.night, List.of("1")), "weiter"));
        var third = page(send(second, Map.of(f.district, List.of(f.city.districts().get(1).value().toString())),
                "weiter"));
        AnsweringFixture.as(fixtures, f.city.coordinator(), () -> {
            surveys.close(wave.id());
            return null;
        });
        send(third, Map.of(), "absenden").andExpect(redirectedUrl(url(wave)));
        assertThat(page(mvc.perform(get(url(wave)))).select("#survey-state").text()).contains("beendet");
        assertThat(responses(wave)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM surveys_device WHERE wave_id = ?").param(wave.id().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theQuestionsAppearInEnglishForAnEnglishReader() throws Exception {
        var wave = f.wave(surveys, clock, WaveMode.OPEN);
        var page = page(mvc.perform(get(url(wave) + "/fragen").param("lang", "en")));
        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("#survey-progress").text()).isEqualTo("Page 1 of 3");
        assertThat(page.select("h1").text()).isEqualTo("Feeling safe");
        assertThat(page.select("#q-" + f.night.id() + " legend").text())
                .startsWith("How safe do you feel walking alone in your area after dark?");
        assertThat(page.select("#q-" + f.night.id() + " label").eachText()).contains("very safe", "very unsafe");
        // without an English wording, the German one
        assertThat(page.select("#q-" + f.why.id() + " legend").text()).startsWith("Was macht Sie unsicher?");
        assertThat(page.select("#survey-next").text()).isEqualTo("Next");
    }

    private String url(SurveyWave wave) {
        return "/buerger/" + f.slug + "/umfragen/" + wave.id();
    }

    private long responses(SurveyWave wave) {
        return jdbc.sql("SELECT count(*) FROM surveys_response WHERE wave_id = ?").param(wave.id().value())
                .query(Long.class).single();
    }

    private org.springframework.test.web.servlet.ResultActions code(SurveyWave wave, String code) throws Exception {
        return mvc.perform(post(url(wave) + "/code").with(csrf()).with(from(address)).param("code", code));
    }

    private org.springframework.test.web.servlet.ResultActions send(Document page, Map<Question, List<String>> changes,
            String action) throws Exception {
        MockHttpServletRequestBuilder request = post(page.select("#survey-form").attr("action")).with(csrf())
                .with(from(address)).params(form(page, changes, action));
        return mvc.perform(request);
    }

    /** What a browser sends: hidden fields, checked choices and typed values, with the changes made. */
    private static MultiValueMap<String, String> form(Document page, Map<Question, List<String>> changes,
            String action) {
        var params = new LinkedMultiValueMap<String, String>();
        for (var input : page.select("#survey-form input, #survey-form textarea")) {
            var type = input.attr("type");
            if ((type.equals("radio") || type.equals("checkbox")) && !input.hasAttr("checked")) {
                continue;
            }
            params.add(input.attr("name"), input.tagName().equals("textarea") ? input.text() : input.attr("value"));
        }
        changes.forEach((question, values) -> {
            params.remove(SurveyPage.parameter(question.id()));
            values.forEach(v -> params.add(SurveyPage.parameter(question.id()), v));
        });
        params.set("aktion", action);
        return params;
    }

    private static Document page(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
    }

    private static Cookie deviceCookie(MockHttpServletResponse response) {
        var cookie = response.getCookie(PublicSurveyController.DEVICE_COOKIE);
        if (cookie != null) {
            return cookie;
        }
        var header = response.getHeaders("Set-Cookie").stream()
                .filter(h -> h.startsWith(PublicSurveyController.DEVICE_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(header).contains("HttpOnly", "Path=/buerger/");
        return new Cookie(PublicSurveyController.DEVICE_COOKIE, header.substring(header.indexOf('=') + 1,
                header.indexOf(';')));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
