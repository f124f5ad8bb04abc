package de.sipa.situation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;
import de.sipa.identity.SipaUser;
import de.sipa.shared.ImportRow;
import de.sipa.partners.Partnerships;
import de.sipa.shared.RuleViolationException;

/** The police's incidents with places: import with mapping and preview, re-import of a period, hotspots from them. */
@SipaIntegrationTest
class PoliceIncidentsTests {

    static final String HEADER = "Tatzeit Datum;Tatzeit Uhrzeit;Deliktsgruppe;Breitengrad;Längengrad\n";

    @Autowired
    Fixtures fixtures;

    @Autowired
    Partnerships partnerships;

    @Autowired
    PoliceIncidents incidents;

    @Autowired
    HotspotAnalysis analysis;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    Fixtures.City city;
    LocalDate today;

    @BeforeEach
    void aDistrictWithABoundary() {
        city = fixtures.city();
        today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        CurrentUser.runAs(SipaUser.system(city.id()),
                () -> partnerships.drawBoundary(city.districts().get(0), HotspotPagesTests.DISTRICT));
        LocaleContextHolder.setLocale(Locale.GERMAN);
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void everyBadRowIsExplainedAndNothingIsStored() {
        var csv = HEADER
                + today.minusDays(3) + ";22:15;Straßenkriminalität;48,7751;9,1668\n"
                + "31.02.2025;22:15;Straßenkriminalität;48.7751;9.1668\n"
                + today.plusDays(2) + ";;Straßenkriminalität;48.7751;9.1668\n"
                + today.minusDays(3) + ";25:00;Straßenkriminalität;48.7751;9.1668\n"
                + today.minusDays(3) + ";10:00;;48.7751;9.1668\n"
                + today.minusDays(3) + ";10:00;Gewaltkriminalität;Hafen;9.1668\n"
                + today.minusDays(3) + ";10:00;Gewaltkriminalität;52.52;13.40\n";
        var preview = asCoordinator(() -> incidents.preview(bytes(csv), IncidentMapping.guess()));

        assertThat(preview.fileErrors()).isEmpty();
        assertThat(preview.rows()).extracting(ImportRow::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(preview.rows().get(0).valid()).isTrue();
        assertThat(preview.rows().get(1).errors()).containsExactly(
                "„31.02.2025“ ist kein Datum (erwartet: 2025-03-14 oder 14.03.2025).");
        assertThat(preview.rows().get(2).errors().get(0)).contains("in der Zukunft");
        assertThat(preview.rows().get(3).errors()).containsExactly("„25:00“ ist keine Uhrzeit (erwartet: 22:15).");
        assertThat(preview.rows().get(4).errors()).containsExactly("Die Spalte „Deliktsgruppe“ ist leer.");
        assertThat(preview.rows().get(5).errors()).containsExactly("Breitengrad „Hafen“ ist keine gültige Koordinate in WGS84.");
        assertThat(preview.rows().get(6).errors()).containsExactly("Der Ort 52.52, 13.40 liegt außerhalb der Stadtbezirke.");
        assertThat(preview.importable()).isFalse();
        assertThatThrownBy(() -> asCoordinator(() -> incidents.confirm(bytes(csv), IncidentMapping.guess())))
                .isInstanceOf(RuleViolationException.class);
        assertThat(stored()).isZero();

        var wrongColumns = asCoordinator(() -> incidents.preview(bytes("Datum;Ort\n2025-01-01;Mitte\n"),
                IncidentMapping.guess()));
        assertThat(wrongColumns.fileErrors()).singleElement().asString()
                .contains("„Uhrzeit“", "„Deliktsgruppe“", "„Breitengrad“", "„Längengrad“")
                .contains(PoliceIncidents.sampleHeader());
    }

    @Test
    void aReimportOfAPeriodReplacesItWithAnAuditEntryAndTheHotspotsCountTheChosenGroup() throws Exception {
        var first = new StringBuilder(HEADER);
        for (int k = 0; k < 30; k++) { // the Feuersee, at night
            first.append(today.minusDays(k % 10)).append(";23:").append(10 + k).append(";Straßenkriminalität;")
                    .append(48.7751 + (k % 5) * 0.00005).append(';').append(9.1668 + (k / 5) * 0.00005).append('\n');
        }
        for (int k = 0; k < 10; k++) {
            first.append(today.minusDays(k)).append(";;Wohnungseinbruchdiebstahl;")
                    .append(48.771 + k * 0.0008).append(';').append(9.162 + k * 0.001).append('\n');
        }
        assertThat(asCoordinator(() -> incidents.confirm(bytes(first.toString()), IncidentMapping.guess())))
                .isEqualTo(40);
        assertThat(stored()).isEqualTo(40);

        var street = asPolice(() -> analysis.analyse(new HotspotQuery(today.minusDays(30), today, List.of(),
                HotspotSource.INCIDENTS, 100, null, "Straßenkriminalität")));
        assertThat(street.points()).isEqualTo(30);
        assertThat(street.hotCells()).isNotEmpty();
        var all = asPolice(() -> analysis.analyse(new HotspotQuery(today.minusDays(30), today, List.of("laerm"),
                HotspotSource.INCIDENTS, 100, null, null)));
        assertThat(all.points()).as("categories do not apply to incidents").isEqualTo(40);
        assertThat(asPolice(() -> incidents.groups())).containsExactly("Straßenkriminalität",
                "Wohnungseinbruchdiebstahl");

        var geojson = mvc.perform(get("/lagebild/hotspots.geojson").param("from", today.minusDays(30).toString())
                .param("to", today.toString()).param("source", "INCIDENTS").param("offence", "Wohnungseinbruchdiebstahl")
                .with(user(fixtures.user(city.policeUser())))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        var counted = 0;
        for (var feature : JsonMapper.builder().build().readTree(geojson).get("features")) {
            counted += feature.get("properties").get("count").asInt();
        }
        assertThat(counted).isEqualTo(10);
        var page = Jsoup.parse(mvc.perform(get("/lagebild/hotspots").param("source", "INCIDENTS")
                .param("offence", "Straßenkriminalität").param("from", today.minusDays(30).toString())
                .param("to", today.toString()).with(user(fixtures.user(city.coordinator()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#source option[selected]").text()).isEqualTo("Polizeiliche Vorfälle");
        assertThat(page.select("#offence option[selected]").text()).isEqualTo("Straßenkriminalität");
        assertThat(page.select("#hotspot-summary").text()).startsWith("30 polizeiliche Vorfälle");
        assertThat(page.select("#hotspot-download").attr("href")).contains("source=INCIDENTS",
                "offence=Stra%C3%9Fenkriminalit%C3%A4t");

        // the police send the last five days again: those days are replaced, the days before stay
        var again = HEADER + today.minusDays(1) + ";02:00;Sachbeschädigung;48.775;9.165\n"
                + today.minusDays(5) + ";03:00;Sachbeschädigung;48.776;9.166\n";
        var preview = asCoordinator(() -> incidents.preview(bytes(again), IncidentMapping.guess()));
        assertThat(preview.from()).isEqualTo(today.minusDays(5));
        assertThat(preview.replaced()).isEqualTo(15 + 5);
        asCoordinator(() -> incidents.confirm(bytes(again), IncidentMapping.guess()));
        assertThat(stored()).isEqualTo(40 - 20 + 2);
        assertThat(jdbc.sql("""
                SELECT summary FROM identity_audit_entry WHERE partnership_id = ? AND subject_type = 'PoliceIncidents'
                ORDER BY id""").param(city.id().value()).query(String.class).list())
                .containsExactly("Polizeiliche Vorfälle " + today.minusDays(9) + " – " + today + ": 40 aus CSV importiert",
                        "Polizeiliche Vorfälle " + today.minusDays(5) + " – " + today.minusDays(1)
                                + " ersetzt: 2 aus CSV statt bisher 20");
    }

    @Test
    void theImportPagesMapPreviewAndConfirmAndOthersMayNotImport() throws Exception {
        var csv = "Datum;Zeit;Delikt;Lat;Lon;Bemerkung\n" + today.minusDays(1) + ";21:00;Raub;48.775;9.165;x\n";
        var coordinator = user(fixtures.user(city.coordinator()));
        var preview = Jsoup.parse(mvc.perform(multipart("/lagebild/vorfaelle/import/preview")
                .file(new MockMultipartFile("file", "vorfaelle.csv", "text/csv", bytes(csv)))
                .with(coordinator).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(preview.select("#column-LATITUDE option[selected]").text()).isEqualTo("lat");
        assertThat(preview.select("#preview-rows tr.ok")).hasSize(1);
        var content = preview.select("input[name=content]").val();

        var swapped = Jsoup.parse(mvc.perform(post("/lagebild/vorfaelle/import/check").with(coordinator).with(csrf())
                .param("content", content).param("column.LATITUDE", "bemerkung"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(swapped.select("#preview-rows tr.rejected").text()).contains("Breitengrad „x“");
        assertThat(swapped.select("#mapping button.primary")).isEmpty();
        assertThat(stored()).isZero();

        mvc.perform(post("/lagebild/vorfaelle/import/confirm").with(coordinator).with(csrf()).param("content", content))
                .andExpect(status().is3xxRedirection());
        assertThat(stored()).isEqualTo(1);

        for (var who : List.of(city.steeringUser(), city.publicOrderUser())) {
            mvc.perform(get("/lagebild/vorfaelle/import").with(user(fixtures.user(who))))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/lagebild/vorfaelle/import/confirm").with(user(fixtures.user(who))).with(csrf())
                    .param("content", content)).andExpect(status().isForbidden());
        }
        assertThat(stored()).isEqualTo(1);
    }

    private int stored() {
        return jdbc.sql("SELECT count(*) FROM situation_incident WHERE partnership_id = ?")
                .param(city.id().value()).query(Integer.class).single();
    }

    private <T> T asCoordinator(Supplier<T> work) {
        return as(city.coordinator(), work);
    }

    private <T> T asPolice(Supplier<T> work) {
        return as(city.policeUser(), work);
    }

    private <T> T as(String username, Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(username);
        return CurrentUser.runAs(principal.sipaUser(), work);
    }

    private static byte[] bytes(String csv) {
        return csv.getBytes(StandardCharsets.UTF_8);
    }
}
