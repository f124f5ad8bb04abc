package de.sipa.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;
import de.sipa.identity.SipaUser;
import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.CategoryId;
import de.sipa.reports.NewReport;
import de.sipa.reports.ReportSource;
import de.sipa.reports.Reports;

@SipaIntegrationTest
class PlacePagesTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Places places;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Categories categories;

    @Autowired
    Reports reports;

    Fixtures.City city;

    @BeforeEach
    void aCity() {
        city = fixtures.city();
    }

    @Test
    void withoutPlacesTheListSaysHowToStartAndEveryoneFindsItInTheMenu() throws Exception {
        var page = page("/orte", city.steeringUser());

        assertThat(page.select(".empty").text()).contains("Noch keine Orte.");
        assertThat(page.select("#main-nav a[href=/orte]").text()).isEqualTo("Orte");
        assertThat(page.select("#new-place")).as("the steering group reads only").isEmpty();
        assertThat(page.select("#places-map")).isEmpty();
    }

    @Test
    void theListShowsEveryPlaceSortedAndSearchedAndTheMapGetsTheViewportsPlaces() throws Exception {
        var garden = as(city.coordinator(), () -> places.create(draft("Palastgarten", PlacesTests.GARDEN, null)));
        as(city.coordinator(), () -> places.create(draft("Bahnhofsunterführung",
                "{\"type\":\"LineString\",\"coordinates\":[[9.20,48.79],[9.201,48.791]]}", 8)));
        as(city.coordinator(), () -> {
            places.changeStatus(garden, PlaceStatus.MEASURES_RUNNING);
            return null;
        });

        var page = page("/orte", city.policeUser());
        assertThat(page.select("#places tbody tr td:first-child").eachText())
                .containsExactly("Bahnhofsunterführung", "Palastgarten");
        assertThat(page.select("#places tbody tr").get(1).text()).contains("Maßnahmen laufen", "Grünflächenamt",
                "Objektiv und subjektiv");
        assertThat(page.select("#place-legend li").eachText()).contains("Beobachtet", "Abgeschlossen");
        assertThat(page("/orte?sort=name&desc=true", city.policeUser()).select("#places tbody tr td:first-child")
                .eachText()).containsExactly("Palastgarten", "Bahnhofsunterführung");
        assertThat(page("/orte?sort=status", city.policeUser()).select("#places tbody tr td:first-child")
                .eachText()).containsExactly("Bahnhofsunterführung", "Palastgarten");
        assertThat(page("/orte?q=unterf", city.policeUser()).select("#places tbody tr td:first-child").eachText())
                .containsExactly("Bahnhofsunterführung");

        var json = mvc.perform(get("/orte.geojson").param("bbox", "9.18,48.78,9.19,48.79").with(as(city.policeUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var features = JsonMapper.builder().build().readTree(json).get("features");
        assertThat(features).hasSize(1);
        assertThat(features.get(0).get("id").asString()).isEqualTo(garden.toString());
        assertThat(features.get(0).at("/properties/status").asString()).isEqualTo("MEASURES_RUNNING");
        assertThat(features.get(0).at("/properties/statusLabel").asString()).isEqualTo("Maßnahmen laufen");
        assertThat(features.get(0).at("/geometry/type").asString()).isEqualTo("Polygon");
        mvc.perform(get("/orte.geojson").param("bbox", "9.18,48.78").with(as(city.policeUser())))
                .andExpect(status().isBadRequest());
    }

    @Test
    void everyMistakeIsShownNextToItsFieldAndNothingTypedIsLost() throws Exception {
        var selfIntersecting = "{\"type\":\"Polygon\",\"coordinates\":[[[9.18,48.78],[9.19,48.79],[9.19,48.78],"
                + "[9.18,48.79],[9.18,48.78]]]}";
        var answer = mvc.perform(post("/orte/neu").with(as(city.coordinator())).with(csrf())
                        .param("name", "").param("description", "Dunkle Ecke am Pavillon").param("ownerName", "DB")
                        .param("geometry", selfIntersecting).param("radiusMetres", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var page = Jsoup.parse(answer);

        assertThat(page.select("#name-error").text()).isEqualTo("Bitte einen Namen mit höchstens 200 Zeichen angeben.");
        assertThat(page.select("#deficit-error").text()).startsWith("Bitte angeben, ob der Ort objektiv");
        assertThat(page.select("#geometry-error").text()).startsWith("Die Fläche schneidet sich selbst");
        assertThat(page.select("#description").text()).isEqualTo("Dunkle Ecke am Pavillon");
        assertThat(page.select("#ownerName").val()).isEqualTo("DB");
        assertThat(page.select("#geometry").text()).isEqualTo(selfIntersecting);

        var point = mvc.perform(post("/orte/neu").with(as(city.coordinator())).with(csrf()).param("name", "Brunnen")
                        .param("deficit", "SUBJECTIVE").param("geometry", "{\"type\":\"Point\",\"coordinates\":[9.18,48.78]}")
                        .param("radiusMetres", "zwanzig"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(point).select("#radiusMetres-error").text())
                .isEqualTo("Ein Punkt oder eine Linie braucht einen Radius zwischen 5 und 1.000 Metern.");
        assertThat(Jsoup.parse(point).select("#radiusMetres").val()).isEqualTo("zwanzig");
    }

    @Test
    void aPlaceDrawnAsAPointIsSavedShownChangedAndGetsItsStatus() throws Exception {
        var created = mvc.perform(post("/orte/neu").with(as(city.publicOrderUser())).with(csrf())
                        .param("name", "Brunnen am Markt").param("deficit", "SUBJECTIVE").param("origin", "MANUAL")
                        .param("geometry", "{\"type\":\"Point\",\"coordinates\":[9.18,48.78]}")
                        .param("radiusMetres", "30").param("ownerOrganisationId", city.publicOrder().value().toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        var id = created.substring("/orte/".length());

        var overview = page(created, city.policeUser());
        assertThat(overview.select("h1").text()).isEqualTo("Brunnen am Markt");
        assertThat(overview.select("nav.tabs a.current").text()).isEqualTo("Überblick");
        assertThat(overview.select("#place-facts").text()).contains("Subjektiv (Angstraum)", "Beobachtet",
                "Ordnungsamt", "(Radius 30 m)");
        assertThat(overview.select("#map").attr("data-geojson")).startsWith("{\"type\":\"Polygon\"");

        var edit = page(created + "/bearbeiten", city.coordinator());
        assertThat(edit.select("#radiusMetres").val()).isEqualTo("30");
        mvc.perform(post(created + "/bearbeiten").with(as(city.coordinator())).with(csrf())
                        .param("name", "Marktbrunnen").param("deficit", "BOTH")
                        .param("geometry", "{\"type\":\"Point\",\"coordinates\":[9.18,48.78]}").param("radiusMetres", "40"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(created + "/status").with(as(city.coordinator())).with(csrf()).param("status", "CONCEPT_IN_WORK"))
                .andExpect(status().is3xxRedirection());

        var place = as(city.coordinator(), () -> places.place(new PlaceId(java.util.UUID.fromString(id))));
        assertThat(place.name()).isEqualTo("Marktbrunnen");
        assertThat(place.shape().radiusMetres()).isEqualTo(40);
        assertThat(place.status()).isEqualTo(PlaceStatus.CONCEPT_IN_WORK);
        assertThat(place.ownerOrganisation()).as("the owner is no longer chosen").isNull();
    }

    @Test
    void photosAreUploadedShownAndDeletedWithoutTheirMetadata() throws Exception {
        var id = as(city.coordinator(), () -> places.create(draft("Stadtpark", PlacesTests.GARDEN, null)));
        var image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        var png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);

        mvc.perform(multipart("/orte/" + id + "/fotos").file(new MockMultipartFile("photo", "a.png", "image/png",
                png.toByteArray())).with(as(city.policeUser())).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(multipart("/orte/" + id + "/fotos").file(new MockMultipartFile("photo", "a.txt", "text/plain",
                "kein Bild".getBytes())).with(as(city.policeUser())).with(csrf()))
                .andExpect(status().is3xxRedirection());

        var page = page("/orte/" + id, city.steeringUser());
        var photos = page.select("#place-photos img");
        assertThat(photos).hasSize(1);
        assertThat(page.select("#photo-form")).as("the steering group does not upload").isEmpty();
        var src = photos.attr("src");
        var bytes = mvc.perform(get(src).with(as(city.steeringUser()))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(bytes)).getWidth()).isEqualTo(40);
        var other = fixtures.city();
        mvc.perform(get(src).with(as(other.coordinator()))).andExpect(status().isNotFound());

        mvc.perform(post(src + "/delete").with(as(city.coordinator())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/orte/" + id, city.steeringUser()).select("#place-photos img")).isEmpty();
    }

    @Test
    void reportsGiveAnOutlineAroundThemWithAMargin() throws Exception {
        var numbers = new java.util.ArrayList<String>();
        CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            var noise = categories.create(new Category(CategoryId.random(), "laerm", "Lärm", null, null, 3, false, null,
                    true, java.util.List.of()));
            for (double[] p : new double[][] {{48.7800, 9.1800}, {48.7810, 9.1800}, {48.7805, 9.1815}}) {
                numbers.add(reports.submit(new NewReport(city.id(), noise, "Hinweis", p[0], p[1], null, null,
                        java.util.Map.of(), null, ReportSource.CITIZEN)).publicId());
            }
        });

        var form = page("/orte/neu?fromReports=" + String.join(",", numbers) + ",2000-999999", city.coordinator());

        assertThat(form.select("#origin").val()).isEqualTo("REPORTS");
        assertThat(form.select(".flash.error").text()).contains("2000-999999");
        var shape = PlaceShape.of(form.select("#geometry").text(), null);
        assertThat(shape.area().contains(48.7800, 9.1800)).isTrue();
        assertThat(shape.area().contains(48.7805, 9.1815 + 0.0002)).as("15 m beyond a report").isTrue();
        assertThat(shape.area().contains(48.7805, 9.1815 + 0.0005)).as("37 m beyond a report").isFalse();
    }

    /**
     * The coordinator picks a cluster of three reports on the queue's map by a rectangle (here: the reports of the
     * map's data inside the box, as the page's script does) and starts a place from them; a report outside stays out.
     * Only those who may draw places get the selection.
     */
    @Test
    void reportsChosenOnTheQueueMapOpenThePlaceFormWithAnOutlineAroundThem() throws Exception {
        CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            var noise = categories.create(new Category(CategoryId.random(), "laerm", "Lärm", null, null, 3, false, null,
                    true, java.util.List.of()));
            for (double[] p : new double[][] {{48.7800, 9.1800}, {48.7810, 9.1800}, {48.7805, 9.1815},
                    {48.7900, 9.2000}}) {
                reports.submit(new NewReport(city.id(), noise, "Lärm nachts", p[0], p[1], null, null,
                        java.util.Map.of(), null, ReportSource.CITIZEN));
            }
        });

        var queue = page("/reports?view=map&queue=all", city.coordinator());
        var selection = queue.selectFirst("form#place-from-selection");
        assertThat(selection).isNotNull();
        assertThat(selection.attr("action")).isEqualTo("/orte/neu");
        assertThat(selection.select("input#selected-reports").attr("name")).isEqualTo("fromReports");
        assertThat(selection.select("#place-from-selection-submit").hasAttr("disabled")).isTrue();
        assertThat(page("/reports?view=map", city.steeringUser()).select("#place-from-selection")).isEmpty();

        var points = JsonMapper.builder().build().readTree(mvc.perform(get("/reports/map.json").param("queue", "all")
                .with(as(city.coordinator()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        var chosen = new java.util.ArrayList<String>();
        for (var point : points) {
            double latitude = point.get("latitude").asDouble();
            double longitude = point.get("longitude").asDouble();
            assertThat(point.get("number").asString()).isNotBlank();
            if (latitude > 48.7795 && latitude < 48.7815 && longitude > 9.1795 && longitude < 9.1820) {
                chosen.add(point.get("number").asString());
            }
        }
        assertThat(chosen).hasSize(3);

        var form = page("/orte/neu?fromReports=" + String.join(",", chosen), city.coordinator());
        assertThat(form.select("#origin").val()).isEqualTo("REPORTS");
        assertThat(form.select(".flash.error")).isEmpty();
        var shape = PlaceShape.of(form.select("#geometry").text(), null);
        assertThat(shape.area().contains(48.7800, 9.1800)).isTrue();
        assertThat(shape.area().contains(48.7810, 9.1800)).isTrue();
        assertThat(shape.area().contains(48.7805, 9.1815)).isTrue();
        assertThat(shape.area().contains(48.7805, 9.1808)).as("inside the hull").isTrue();
        assertThat(shape.area().contains(48.7900, 9.2000)).as("the report outside the rectangle").isFalse();
    }

    private Document page(String url, String username) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private RequestPostProcessor as(String username) {
        return user(fixtures.user(username));
    }

    static PlaceDraft draft(String name, String geometry, Integer radius) {
        return new PlaceDraft(name, null, Deficit.BOTH, "Dunkle Wege", null, "Grünflächenamt", PlaceOrigin.MANUAL,
                geometry, radius);
    }

    private <T> T as(String username, Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(username);
        return CurrentUser.runAs(principal.sipaUser(), work);
    }
}
