package de.sipa.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;

@SipaIntegrationTest
class PlaceExchangeTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Places places;

    @Autowired
    MockMvc mvc;

    Fixtures.City city;

    @BeforeEach
    void aCity() {
        city = fixtures.city();
    }

    @Test
    void placesExportedFromOneCityAreImportedByAnotherAsTheyWere() throws Exception {
        var garden = as(city.coordinator(), () -> places.create(new PlaceDraft("Palastgarten", null, Deficit.BOTH,
                "Dunkle Wege", city.publicOrder(), null, PlaceOrigin.MANUAL, PlacesTests.GARDEN, null)));
        as(city.coordinator(), () -> {
            places.changeStatus(garden, PlaceStatus.MEASURES_RUNNING);
            return places.create(new PlaceDraft("Unterführung", null, Deficit.SUBJECTIVE, "", null, "Deutsche Bahn",
                    PlaceOrigin.MANUAL, "{\"type\":\"LineString\",\"coordinates\":[[9.20,48.79],[9.201,48.791]]}", 8));
        });
        var export = mvc.perform(get("/orte.geojson").param("all", "").with(user(fixtures.user(city.policeUser()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        var other = fixtures.city();
        var preview = upload(other.coordinator(), export);
        assertThat(preview.select("#preview tbody tr.ok")).hasSize(2);
        assertThat(as(other.coordinator(), () -> places.places())).as("nothing stored before confirming").isEmpty();
        mvc.perform(post("/orte/import/confirm").with(user(fixtures.user(other.coordinator()))).with(csrf())
                        .param("content", preview.select("#confirm-form input[name=content]").val()))
                .andExpect(status().is3xxRedirection());

        var imported = as(other.coordinator(), () -> places.places());
        var original = as(city.coordinator(), () -> places.places());
        assertThat(imported).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(imported.get(i).name()).isEqualTo(original.get(i).name());
            assertThat(imported.get(i).shape()).isEqualTo(original.get(i).shape());
            assertThat(imported.get(i).deficit()).isEqualTo(original.get(i).deficit());
            assertThat(imported.get(i).status()).isEqualTo(original.get(i).status());
            assertThat(imported.get(i).origin()).isEqualTo(PlaceOrigin.IMPORT);
        }
        assertThat(imported.get(0).description()).isEqualTo("Dunkle Wege");
        assertThat(imported.get(0).ownerName()).as("the other city's Ordnungsamt is no partner here")
                .startsWith("Ordnungsamt");
        assertThat(imported.get(1).ownerName()).isEqualTo("Deutsche Bahn");
    }

    @Test
    void everyFeatureShowsItsOwnErrorAndTheGoodOnesAloneAreImported() throws Exception {
        var file = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"name":"Gut","deficit":"OBJECTIVE"},
                  "geometry":{"type":"Point","coordinates":[9.18,48.78]},"properties":{"name":"Gut","deficit":"OBJECTIVE","radius_metres":20}},
                 {"type":"Feature","properties":{"name":"Schleife","deficit":"BOTH"},
                  "geometry":{"type":"Polygon","coordinates":[[[9.18,48.78],[9.19,48.79],[9.19,48.78],[9.18,48.79],[9.18,48.78]]]}},
                 {"type":"Feature","properties":{"name":"Offen","deficit":"BOTH"},
                  "geometry":{"type":"Polygon","coordinates":[[[9.18,48.78],[9.19,48.79],[9.19,48.78],[9.185,48.785]]]}},
                 {"type":"Feature","properties":{"name":"Gauß-Krüger","deficit":"BOTH"},
                  "geometry":{"type":"Point","coordinates":[3513000,5404000]},"properties":{"name":"Gauß-Krüger","deficit":"BOTH","radius_metres":20}},
                 {"type":"Feature","properties":{"deficit":"gefühlt"},"geometry":{"type":"Point","coordinates":[9.18,48.78]}}
                ]}""";
        var preview = upload(city.coordinator(), file.getBytes(StandardCharsets.UTF_8));

        var rows = preview.select("#preview tbody tr");
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0).hasClass("ok")).isTrue();
        assertThat(rows.get(1).text()).contains("Die Fläche schneidet sich selbst");
        assertThat(rows.get(2).text()).contains("Eine Fläche ist nicht geschlossen");
        assertThat(rows.get(3).text()).contains("keine Längen- und Breitengrade (WGS84)");
        assertThat(rows.get(4).text()).contains("Bitte einen Namen", "Bitte angeben, ob der Ort objektiv",
                "Ein Punkt oder eine Linie braucht einen Radius");
        mvc.perform(post("/orte/import/confirm").with(user(fixtures.user(city.coordinator()))).with(csrf())
                        .param("content", preview.select("#confirm-form input[name=content]").val()))
                .andExpect(status().is3xxRedirection());
        assertThat(as(city.coordinator(), () -> places.places())).extracting(Place::name).containsExactly("Gut");
    }

    @Test
    void aFileInAnotherCrsOrNotGeoJsonOrTooLargeIsRefusedAsAWhole() throws Exception {
        var utm = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:25832\"}},"
                + "\"features\":[]}";
        assertThat(upload(city.coordinator(), utm.getBytes(StandardCharsets.UTF_8)).select(".flash.error").text())
                .contains("Das Koordinatensystem „EPSG:25832“ wird nicht angenommen");
        assertThat(upload(city.coordinator(), "Name;Ort".getBytes(StandardCharsets.UTF_8)).select(".flash.error").text())
                .isEqualTo("Die Datei ist kein JSON.");
        var large = new byte[PlaceExchange.MAX_BYTES + 1];
        java.util.Arrays.fill(large, (byte) ' ');
        assertThat(upload(city.coordinator(), large).select(".flash.error").text())
                .isEqualTo("Die Datei ist größer als 2 MB.");
        assertThat(upload(city.coordinator(), "{}".getBytes(StandardCharsets.UTF_8)).select("#confirm-form")).isEmpty();
    }

    private Document upload(String username, byte[] content) throws Exception {
        return Jsoup.parse(mvc.perform(multipart("/orte/import/preview")
                        .file(new MockMultipartFile("file", "orte.geojson", "application/geo+json", content))
                        .with(user(fixtures.user(username))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private <T> T as(String username, Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(username);
        return CurrentUser.runAs(principal.sipaUser(), work);
    }
}
