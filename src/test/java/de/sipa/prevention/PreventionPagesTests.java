package de.sipa.prevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.ZipInputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.sipa.Fixtures;
import de.sipa.PdfFiles;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;

@SipaIntegrationTest
class PreventionPagesTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    PreventionProjects projects;

    @Autowired
    Indicators indicators;

    @Autowired
    MockMvc mvc;

    Fixtures.City city;

    @BeforeEach
    void aCity() {
        city = fixtures.city();
    }

    @Test
    void theListFiltersByTextFieldTargetGroupDistrictStatusEvaluationAndEvidence() throws Exception {
        as(city.coordinator(), () -> {
            projects.create(new ProjectDraft("Schulwegsicherheit", null, List.of(), PreventionField.TRAFFIC,
                    Set.of(TargetGroup.CHILDREN), "Lotsen am Morgen", List.of(city.districts().get(0)), List.of(),
                    LocalDate.of(2026, 9, 1), null, List.of(), "", Evidence.none()));
            projects.create(new ProjectDraft("Seniorensicherheit an der Haustür", null, List.of(),
                    PreventionField.SENIORS, Set.of(TargetGroup.SENIORS), "Enkeltrick", List.of(), List.of(),
                    LocalDate.of(2026, 3, 1), null, List.of(), "",
                    new Evidence("Programm X", "https://example.org/x", "Grüne Liste Prävention", EvidenceLevel.PROVEN)));
            var evaluated = projects.create(new ProjectDraft("Jugendtreff", null, List.of(), PreventionField.YOUTH,
                    Set.of(TargetGroup.YOUTH, TargetGroup.SENIORS), "", List.of(city.districts().get(1)), List.of(),
                    null, null, List.of(), "", Evidence.none()));
            projects.writeStep(evaluated, BeccariaStep.EVALUATION, Map.of("implementationCheck", "ja",
                    "goalAttainment", "teilweise"));
            projects.changeStatus(evaluated, ProjectStatus.RUNNING);
            return null;
        });

        assertThat(titles("/praevention")).containsExactly("Jugendtreff", "Schulwegsicherheit",
                "Seniorensicherheit an der Haustür");
        assertThat(titles("/praevention?q=enkeltrick")).containsExactly("Seniorensicherheit an der Haustür");
        assertThat(titles("/praevention?field=TRAFFIC")).containsExactly("Schulwegsicherheit");
        assertThat(titles("/praevention?group=SENIORS")).containsExactly("Jugendtreff", "Seniorensicherheit an der Haustür");
        assertThat(titles("/praevention?district=" + city.districts().get(1).value())).containsExactly("Jugendtreff");
        assertThat(titles("/praevention?status=RUNNING")).containsExactly("Jugendtreff");
        assertThat(titles("/praevention?evaluated=yes")).containsExactly("Jugendtreff");
        assertThat(titles("/praevention?evaluated=no")).containsExactly("Schulwegsicherheit",
                "Seniorensicherheit an der Haustür");
        assertThat(titles("/praevention?evidence=PROVEN")).containsExactly("Seniorensicherheit an der Haustür");
        assertThat(titles("/praevention?sort=start&desc=true")).containsExactly("Schulwegsicherheit",
                "Seniorensicherheit an der Haustür", "Jugendtreff");
        assertThat(titles("/praevention?field=ADDICTION")).isEmpty();
    }

    @Test
    void theListIsPaged() throws Exception {
        as(city.coordinator(), () -> {
            for (int i = 1; i <= ProjectController.PAGE_SIZE + 3; i++) {
                projects.create(PreventionProjectsTests.draft(String.format("Projekt %02d", i)));
            }
            return null;
        });

        assertThat(titles("/praevention")).hasSize(ProjectController.PAGE_SIZE).first().isEqualTo("Projekt 01");
        assertThat(titles("/praevention?page=1")).containsExactly("Projekt 21", "Projekt 22", "Projekt 23");
    }

    @Test
    void theFormSaysInGermanWhatIsWrongAndKeepsWhatWasTyped() throws Exception {
        var page = Jsoup.parse(mvc.perform(post("/praevention/neu").with(as(city.publicOrderUser())).with(csrf())
                .param("title", " ").param("summary", "Eltern fahren bis vor das Tor.")
                .param("startsOn", "2026-09-01").param("endsOn", "2026-08-01")
                .param("fundingSource", "Stadt").param("fundingAmount", "viel"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(page.text()).contains("Bitte einen Titel mit höchstens 200 Zeichen angeben.",
                "Bitte das Handlungsfeld wählen.", "Das Ende darf nicht vor dem Beginn liegen.",
                "Der Betrag für „Stadt“ ist keine gültige Zahl von 0 oder mehr Euro.");
        assertThat(page.select("#summary").text()).isEqualTo("Eltern fahren bis vor das Tor.");
        assertThat(page.select("#fundingAmount-0").val()).isEqualTo("viel");
        assertThat(as(city.coordinator(), () -> projects.projects())).isEmpty();
    }

    @Test
    void markingAProjectEvaluatedWithoutStepSixIsRefusedAndTheFormKeepsItsInput() throws Exception {
        var id = as(city.coordinator(), () -> projects.create(PreventionProjectsTests.draft("Klar bleiben")));

        var page = Jsoup.parse(mvc.perform(post("/praevention/{id}/bearbeiten", id.value()).with(as(city.coordinator()))
                .with(csrf()).param("title", "Klar bleiben am Wochenende").param("field", "ADDICTION")
                .param("status", "EVALUATED").param("contactPerson", "Frau Yilmaz"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(page.select("#status-error").text()).isEqualTo("Als „evaluiert“ kann das Projekt erst gelten, "
                + "wenn Schritt 6 (Überprüfung von Umsetzung und Zielerreichung) ausgefüllt ist und mindestens ein "
                + "Indikator einen gemessenen Wert hat.");
        assertThat(page.select("#title").val()).isEqualTo("Klar bleiben am Wochenende");
        assertThat(page.select("#contactPerson").val()).isEqualTo("Frau Yilmaz");
        assertThat(page.select("#field option[selected]").val()).isEqualTo("ADDICTION");
        var unchanged = as(city.coordinator(), () -> projects.project(id));
        assertThat(unchanged.title()).isEqualTo("Klar bleiben");
        assertThat(unchanged.status()).isEqualTo(ProjectStatus.IDEA);
    }

    @Test
    void aStepPageAsksItsQuestionsAndSavesItsFields() throws Exception {
        var id = as(city.coordinator(), () -> projects.create(PreventionProjectsTests.draft("Graffitiwand")));

        var page = page("/praevention/" + id + "/schritte/2", city.policeUser());
        assertThat(page.select("h1").text()).isEqualTo("Schritt 2: Ursachenanalyse");
        assertThat(page.select("#guiding-questions li").first().text())
                .isEqualTo("Welche Ursachen und Bedingungen stehen hinter dem Problem?");
        assertThat(page.select("#step-completeness").text()).isEqualTo("0 von 1 Pflichtfeldern ausgefüllt");
        assertThat(page.select("#quality-form")).isEmpty();

        mvc.perform(post("/praevention/{id}/schritte/2", id.value()).with(as(city.policeUser())).with(csrf())
                .param("causes", "Keine legalen Flächen").param("next", "1"))
                .andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).endsWith("/schritte/3"));
        assertThat(page("/praevention/" + id + "/schritte/2", city.coordinator()).select("#step-completeness").text())
                .isEqualTo("1 von 1 Pflichtfeldern ausgefüllt");
        mvc.perform(post("/praevention/{id}/schritte/2/qualitaet", id.value()).with(as(city.policeUser())).with(csrf())
                .param("note", "gut")).andExpect(status().isForbidden());
        mvc.perform(get("/praevention/{id}/schritte/9", id.value()).with(as(city.policeUser())))
                .andExpect(status().isNotFound());
    }

    @Test
    void theProjectSheetReadsBackAsPdfAndWordDocument() throws Exception {
        var id = as(city.coordinator(), () -> {
            var project = projects.create(new ProjectDraft("Seniorensicherheit an der Haustür", city.police(),
                    List.of(city.publicOrder()), PreventionField.SENIORS, Set.of(TargetGroup.SENIORS),
                    "Vorträge über den Enkeltrick", List.of(city.districts().get(0)), List.of(),
                    LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31),
                    List.of(new Funding("Stadt", new BigDecimal("3000")), new Funding("Stiftung", new BigDecimal("1500.50"))),
                    "Herr Becker", new Evidence("Programm X", "https://example.org/x", "Grüne Liste Prävention",
                            EvidenceLevel.PROBABLE)));
            projects.writeStep(project, BeccariaStep.PROBLEM, Map.of("problem", "Betrug an der Haustür",
                    "sources", "Anzeigen und Hinweise des Seniorenrats"));
            var indicator = indicators.define(project, new IndicatorDraft("Vorträge", "Anzahl", BigDecimal.ZERO,
                    new BigDecimal("12"), IndicatorSource.TYPED, null, null, null));
            indicators.measure(project, indicator, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 30), new BigDecimal("5"));
            return project;
        });

        var pdf = mvc.perform(get("/praevention/{id}/steckbrief.pdf", id.value()).with(as(city.steeringUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        var text = PdfFiles.text(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains("Projektsteckbrief: Seniorensicherheit an der Haustür", "Senioren",
                "Seniorinnen und Senioren", "4.500,50 €", "Stiftung: 1.500,50 €", "Programm X",
                "Effektivität wahrscheinlich", "1. Problembeschreibung", "Problem: Betrug an der Haustür",
                "Vorträge (Anzahl): Ausgangswert 0, Ziel 12, zuletzt 5");
        assertThat(new com.lowagie.text.pdf.PdfReader(pdf).getNumberOfPages()).isBetween(1, 2);

        var docx = mvc.perform(get("/praevention/{id}/steckbrief.docx", id.value()).with(as(city.steeringUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String document = null;
        try (var zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("word/document.xml")) {
                    document = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(document).isNotNull();
        assertThat(Jsoup.parse(document, "", org.jsoup.parser.Parser.xmlParser()).text())
                .contains("Projektsteckbrief: Seniorensicherheit an der Haustür", "Problem: Betrug an der Haustür");
    }

    @Test
    void theProjectPageDrawsAChartPerIndicator() throws Exception {
        var id = as(city.coordinator(), () -> {
            var project = projects.create(PreventionProjectsTests.draft("Sichere Haltestellen"));
            var indicator = indicators.define(project, new IndicatorDraft("Fahrgäste, die sich sicher fühlen", "%",
                    new BigDecimal("55"), new BigDecimal("70"), IndicatorSource.TYPED, null, null, null));
            indicators.measure(project, indicator, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), new BigDecimal("61.5"));
            return project;
        });

        var page = page("/praevention/" + id, city.steeringUser());
        assertThat(page.select(".indicator figure .chart-value").eachText()).containsExactly("55", "61,5", "70");
        assertThat(page.select(".indicator figure .chart-label").eachText()).containsExactly("Ausgangswert",
                "bis 30.06.26", "Ziel");
        assertThat(page.select("#indicator-form")).isEmpty(); // the steering group reads only
    }

    private List<String> titles(String url) throws Exception {
        return page(url, city.steeringUser()).select("#projects tbody tr td:first-child a").eachText();
    }

    private Document page(String url, String username) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private RequestPostProcessor as(String username) {
        return user(fixtures.user(username));
    }

    private <T> T as(String username, Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(username);
        return CurrentUser.runAs(principal.sipaUser(), work);
    }
}
