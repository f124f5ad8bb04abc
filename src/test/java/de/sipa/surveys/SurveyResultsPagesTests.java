package de.sipa.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.PdfFiles;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;
import de.sipa.identity.SipaUser;

/** The results pages as the coordination and as a partner see them, and their downloads. */
@SipaIntegrationTest
class SurveyResultsPagesTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Surveys surveys;

    @Autowired
    DemoResponses demo;

    @Autowired
    ResponseBatch batch;

    @Autowired
    SurveyResults results;

    @Autowired
    MockMvc mvc;

    @Test
    void theResultsPagesShowSharesTrendsAndDownloadsWithSmallCellsHiddenOutsideTheCoordination() throws Exception {
        var city = fixtures.city();
        var waves = new ArrayList<SurveyWave>();
        SurveyResultsTests.Items last = null;
        for (int year : new int[] {2019, 2025}) {
            var items = SurveyResultsTests.items("Umfrage " + year, "safety_night_area");
            var wave = new SurveyWave(SurveyWaveId.random(), items.questionnaire().id(), "Welle " + year,
                    java.time.LocalDate.of(year, 3, 1), java.time.LocalDate.of(year, 3, 31), WaveMode.EXTERNAL, false);
            as(city.coordinator(), () -> {
                surveys.createQuestionnaire(items.questionnaire());
                surveys.createWave(wave);
                return null;
            });
            waves.add(wave);
            last = items;
        }
        CurrentUser.runAs(SipaUser.system(city.id()), () -> demo.load(city.id()));
        // three answers of an age band nobody else is in: a small cell
        var night = last.night().id().value();
        var few = new ArrayList<ResponseBatch.Response>();
        for (int i = 0; i < 3; i++) {
            few.add(new ResponseBatch.Response(java.time.LocalDate.of(2025, 3, 5), "IMPORT", city.districts().get(0).value(),
                    "99_PLUS", "MALE", List.of(new ResponseBatch.Answer(night, "4", null, null))));
        }
        batch.insert(city.id(), waves.get(1).id(), few);
        var url = "/umfragen/wellen/" + waves.get(1).id().value() + "/ergebnisse";

        var coordination = Jsoup.parse(mvc.perform(get(url).param("gewichtung", "RAKING")
                .param("frage", night.toString()).param("nach", "AGE_BAND")
                .with(user(fixtures.user(city.coordinator())))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(coordination.select("#suppression-note")).isEmpty();
        assertThat(coordination.select("#cross th").eachText()).contains("99_PLUS");
        assertThat(coordination.select("#cross td").eachText()).contains("3 (100 %)");
        assertThat(coordination.select(".survey-shares").first().text()).contains("gewichtet");

        var partner = Jsoup.parse(mvc.perform(get(url).param("frage", night.toString()).param("nach", "AGE_BAND")
                .with(user(fixtures.user(city.policeUser())))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(partner.select("#suppression-note")).hasSize(1);
        assertThat(partner.select("#cross td").eachText()).contains("< 5").doesNotContain("3 (100 %)");

        var csv = mvc.perform(get(url.replace("/ergebnisse", "/ergebnisse.csv"))
                .with(user(fixtures.user(city.coordinator())))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("Wie sicher fühlen Sie sich nachts ohne Begleitung in Ihrer Wohngegend?;sehr unsicher;4;");
        assertThat(csv.lines().filter(l -> l.startsWith("Ihr Alter;99_PLUS")).findFirst().orElseThrow())
                .startsWith("Ihr Alter;99_PLUS;99_PLUS;< 5;");
        var pdf = mvc.perform(get(url.replace("/ergebnisse", "/ergebnisse.pdf"))
                .with(user(fixtures.user(city.policeUser())))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(PdfFiles.text(pdf)).contains("Ergebnisbericht Welle 2025").contains("< 5");

        var texts = Jsoup.parse(mvc.perform(get(url + "/freitext").param("suche", "Licht")
                .with(user(fixtures.user(city.policeUser())))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(texts.select(".free-texts blockquote").eachText()).isNotEmpty()
                .allSatisfy(t -> assertThat(t.toLowerCase()).contains("licht"));

        var trends = Jsoup.parse(mvc.perform(get("/umfragen/trends").with(user(fixtures.user(city.steeringUser()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(trends.select("#survey-trend-chart svg")).hasSize(1);
        assertThat(trends.select("#trend-table th").eachText()).contains("Mitte", "Welle 2019", "Welle 2025");
        assertThat(trends.select("h2").eachText()).as("a standard item by its wording, not its key")
                .anySatisfy(h -> assertThat(h).contains("Wie sicher fühlen Sie sich nachts ohne Begleitung"));
        var svg = mvc.perform(get("/umfragen/trends.svg").with(user(fixtures.user(city.policeUser()))))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(svg.getContentType()).startsWith("image/svg+xml");
        var drawn = Jsoup.parse(svg.getContentAsString(StandardCharsets.UTF_8), "", org.jsoup.parser.Parser.xmlParser());
        assertThat(drawn.select("g.trend-line text.line-label").eachText()).contains("Mitte", "Gesamtstadt");
        // The same chart as PNG: rendered from that SVG at twice its size, with its coloured lines on white.
        var png = mvc.perform(get("/umfragen/trends.png").with(user(fixtures.user(city.policeUser()))))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(png.getContentType()).isEqualTo("image/png");
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.getContentAsByteArray()));
        assertThat(image.getWidth()).isEqualTo(1440);
        assertThat(image.getHeight()).isEqualTo(640);
        assertThat(image.getRGB(2, 2) & 0xffffff).as("white background").isEqualTo(0xffffff);
        var colours = new java.util.HashSet<Integer>();
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        assertThat(colours).as("the lines in the chart's colours").contains(0x0b4f8a, 0xb34700);

        // A question's answers as a bar chart, linked from the results page: SVG, and PNG drawn from that SVG
        var links = coordination.select("#question-" + night + " a.chart-png");
        assertThat(links.attr("href")).startsWith(url + "/fragen/" + night + ".png").contains("gewichtung=RAKING");
        var bars = mvc.perform(get(url + "/fragen/" + night + ".svg").with(user(fixtures.user(city.policeUser()))))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(bars.getContentType()).startsWith("image/svg+xml");
        var barChart = Jsoup.parse(bars.getContentAsString(StandardCharsets.UTF_8), "",
                org.jsoup.parser.Parser.xmlParser());
        assertThat(barChart.select("rect.bar")).hasSize(4);
        assertThat(barChart.select("text").eachText()).contains("sehr sicher", "sehr unsicher")
                .anySatisfy(t -> assertThat(t).startsWith("Welle 2025 · Gesamtstadt · n = "));
        assertThat(barChart.selectFirst("svg").attr("height")).isEqualTo("200");
        var barPng = mvc.perform(get(url + "/fragen/" + night + ".png").with(user(fixtures.user(city.policeUser()))))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(barPng.getContentType()).isEqualTo("image/png");
        var barImage = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(barPng.getContentAsByteArray()));
        assertThat(barImage.getWidth()).isEqualTo(1440);
        assertThat(barImage.getHeight()).isEqualTo(400);
        assertThat(barImage.getRGB(2, 2) & 0xffffff).as("white background").isEqualTo(0xffffff);
        long barPixels = 0;
        for (int x = 0; x < barImage.getWidth(); x++) {
            for (int y = 0; y < barImage.getHeight(); y++) {
                barPixels += (barImage.getRGB(x, y) & 0xffffff) == 0x0b4f8a ? 1 : 0;
            }
        }
        assertThat(barPixels).as("the bars, together 100 % of 720 px long and 40 px high").isGreaterThan(20_000);
        mvc.perform(get(url + "/fragen/" + java.util.UUID.randomUUID() + ".png")
                .with(user(fixtures.user(city.policeUser())))).andExpect(status().isNotFound());

        var profile = Jsoup.parse(mvc.perform(get("/lagebild/stadtteile/" + city.districts().get(0).value())
                .with(user(fixtures.user(city.coordinator())))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(profile.select("#sense-of-security tbody tr")).hasSize(2);
    }

    @Test
    void theCoordinationEntersThePopulationStructureAndPartnersMayNot() throws Exception {
        var city = fixtures.city();
        var mitte = city.districts().get(0).value();
        mvc.perform(post("/umfragen/bevoelkerung").param("district." + mitte, "38.400")
                .param("cell.16_24.FEMALE", "2100").with(csrf()).with(user(fixtures.user(city.coordinator()))))
                .andExpect(status().is3xxRedirection());
        var population = as(city.coordinator(), () -> results.population());
        assertThat(population.inhabitants(mitte)).isEqualTo(38_400);
        assertThat(population.inhabitants("16_24", "FEMALE")).isEqualTo(2_100);
        mvc.perform(post("/umfragen/bevoelkerung").param("district." + mitte, "1").with(csrf())
                .with(user(fixtures.user(city.policeUser())))).andExpect(status().isForbidden());
        mvc.perform(post("/umfragen/bevoelkerung").param("district." + mitte, "viele").with(csrf())
                .with(user(fixtures.user(city.coordinator())))).andExpect(status().is4xxClientError());
        var page = Jsoup.parse(mvc.perform(get("/umfragen/bevoelkerung").with(user(fixtures.user(city.coordinator()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#district-" + mitte).val()).isEqualTo("38400");
    }

    private <T> T as(String username, Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(username);
        return CurrentUser.runAs(principal.sipaUser(), work);
    }
}
