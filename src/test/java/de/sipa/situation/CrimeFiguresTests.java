package de.sipa.situation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;
import de.sipa.partners.DistrictId;
import de.sipa.shared.ImportRow;
import de.sipa.shared.RuleViolationException;

@SipaIntegrationTest
class CrimeFiguresTests {

    static final String HEADER = "Schlüssel;Straftat;Gemeinde/Bezirk;Jahr;erfasste Fälle;aufgeklärte Fälle;Tatverdächtige\n";

    @Autowired
    Fixtures fixtures;

    @Autowired
    CrimeFigures crimeFigures;

    @Autowired
    CrimeFigureImport crimeFigureImport;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    Fixtures.City city;
    DistrictId mitte;
    DistrictId nord;

    @BeforeEach
    void aCityWithTwoDistricts() {
        city = fixtures.city();
        mitte = city.districts().get(0);
        nord = city.districts().get(1);
        LocaleContextHolder.setLocale(Locale.GERMAN);
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void everyBadRowIsExplainedInGermanAndNothingIsStored() {
        var csv = HEADER
                + "899000;Straßenkriminalität;Mitte;2024;300;60;50\n"
                + "899000;Straßenkriminalität;Atlantis;2024;10;1;1\n"
                + "892000;Gewaltkriminalität;Mitte;2024;-3;0;0\n"
                + "674000;Sachbeschädigung;Nord;2024;40;viele;5\n"
                + "730000;Rauschgiftdelikte;Nord;2024;20;25;20\n"
                + "899000;Straßenkriminalität;Mitte;2024;310;61;50\n"
                + "12;Straftat;Nord;24;1.234;10;10\n";

        var preview = asCoordinator(() -> crimeFigureImport.preview(bytes(csv), PksMapping.guess()));

        assertThat(preview.fileErrors()).isEmpty();
        assertThat(preview.importable()).isFalse();
        assertThat(preview.validCount()).isEqualTo(1);
        assertThat(preview.rows()).extracting(ImportRow::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(preview.rows().get(0).errors()).isEmpty();
        assertThat(preview.rows().get(1).errors()).containsExactly(
                "Unbekannter Stadtbezirk „Atlantis“: Bitte in der Zuordnung einem Stadtbezirk zuordnen.");
        assertThat(preview.rows().get(2).errors()).containsExactly(
                "erfasste Fälle: „-3“ ist negativ; Fallzahlen können nicht unter 0 liegen.");
        assertThat(preview.rows().get(3).errors()).containsExactly("aufgeklärte Fälle: „viele“ ist keine ganze Zahl.");
        assertThat(preview.rows().get(4).errors()).containsExactly(
                "Mehr aufgeklärte Fälle (25) als erfasste Fälle (20).");
        assertThat(preview.rows().get(5).errors()).containsExactly(
                "Schlüssel 899000 für Mitte im Jahr 2024 steht doppelt in der Datei, zuerst in Zeile 2.");
        assertThat(preview.rows().get(6).errors()).containsExactly(
                "„12“ ist kein Straftatenschlüssel der PKS (sechs Ziffern).",
                "„24“ ist kein Jahr zwischen 1990 und " + java.time.Year.now(clock).getValue() + ".");
        assertThat(preview.districtValues()).extracting(PksPreview.DistrictChoice::value)
                .containsExactly("Mitte", "Atlantis", "Nord");

        assertThatThrownBy(() -> asCoordinator(() -> crimeFigureImport.confirm(bytes(csv), PksMapping.guess())))
                .isInstanceOf(RuleViolationException.class);
        assertThat(storedRows()).isZero();
    }

    @Test
    void aFileWithoutTheExpectedColumnsIsRefusedAsAWhole() {
        var preview = asCoordinator(() -> crimeFigureImport.preview(bytes("Code;Bezirk;Anzahl\n899000;Mitte;3\n"),
                PksMapping.guess()));

        assertThat(preview.importable()).isFalse();
        assertThat(preview.fileErrors()).singleElement().asString().startsWith(
                "Diesen Angaben ist keine Spalte der Datei zugeordnet: „Schlüssel“, „Straftat“, „Jahr“, "
                        + "„erfasste Fälle“, „aufgeklärte Fälle“, „Tatverdächtige“.")
                .contains("Schlüssel;Straftat;Gemeinde/Bezirk;Jahr;erfasste Fälle;aufgeklärte Fälle;Tatverdächtige");
        assertThat(storedRows()).isZero();
    }

    @Test
    void theMappingAssignsOtherColumnsAndDistrictKeys() {
        var csv = "Code;Delikt;Gemeindeschluessel;Berichtsjahr;Faelle;Aufgeklaert;TV\n"
                + "899000;Straßenkriminalität;08111001;2024;300;60;50\n"
                + "899000;Straßenkriminalität;08111002;2024;150;30;25\n";
        var mapping = new PksMapping(Map.of(PksColumn.KEY, "code", PksColumn.NAME, "delikt", PksColumn.DISTRICT,
                "gemeindeschluessel", PksColumn.YEAR, "berichtsjahr", PksColumn.CASES, "faelle", PksColumn.SOLVED,
                "aufgeklaert", PksColumn.SUSPECTS, "tv"), Map.of("08111001", mitte, "08111002", nord));

        var years = asCoordinator(() -> crimeFigureImport.confirm(bytes(csv), mapping));

        assertThat(years).containsExactly(2024);
        var trends = asCoordinator(() -> crimeFigures.districtTrends(group("Straßenkriminalität")));
        assertThat(trends.get(0).in(2024).cases()).isEqualTo(300);
        assertThat(trends.get(1).in(2024).cases()).isEqualTo(150);
    }

    @Test
    void aReimportOfAYearReplacesItAndIsAudited() {
        asCoordinator(() -> crimeFigureImport.confirm(bytes(HEADER
                + "899000;Straßenkriminalität;Mitte;2023;300;60;50\n"
                + "674000;Sachbeschädigung;Mitte;2023;80;20;15\n"
                + "899000;Straßenkriminalität;Nord;2023;150;30;25\n"
                + "899000;Straßenkriminalität;Mitte;2022;280;50;45\n"), PksMapping.guess()));
        var preview = asCoordinator(() -> crimeFigureImport.preview(bytes(HEADER
                + "899000;Straßenkriminalität;Mitte;2023;320;64;55\n"
                + "899000;Straßenkriminalität;Nord;2023;140;28;20\n"), PksMapping.guess()));
        assertThat(preview.replacedYears()).containsExactly(2023);

        asPolice(() -> crimeFigureImport.confirm(bytes(HEADER
                + "899000;Straßenkriminalität;Mitte;2023;320;64;55\n"
                + "899000;Straßenkriminalität;Nord;2023;140;28;20\n"), PksMapping.guess()));

        assertThat(storedRows()).isEqualTo(3);
        var street = asCoordinator(() -> crimeFigures.districtTrends(group("Straßenkriminalität")));
        assertThat(street.get(0).in(2023).cases()).isEqualTo(320);
        assertThat(street.get(0).in(2022).cases()).isEqualTo(280);
        var damage = asCoordinator(() -> crimeFigures.districtTrends(group("Sachbeschädigung")));
        assertThat(damage.get(0).in(2023).cases()).isZero();
        var audit = jdbc.sql("""
                SELECT actor || ': ' || summary FROM identity_audit_entry
                WHERE partnership_id = ? AND subject_type = 'CrimeFigures' ORDER BY id""")
                .param(city.id().value()).query(String.class).list();
        assertThat(audit).containsExactly(
                city.coordinator() + ": PKS 2022: 1 Zeilen aus CSV importiert",
                city.coordinator() + ": PKS 2023: 3 Zeilen aus CSV importiert",
                city.policeUser() + ": PKS 2023 ersetzt: 2 Zeilen aus CSV statt bisher 3");
    }

    @Test
    void frequencyAndClearanceRatesAreComputedFromTheYearsPopulation() {
        // Häufigkeitszahl = cases × 100,000 / population; Aufklärungsquote = solved / cases × 100.
        var figures = new Figures(true, 1234, 456, 400, 56_789);
        assertThat(figures.frequencyRate()).isCloseTo(2172.956, within(0.001)); // 123,400,000 / 56,789
        assertThat(figures.clearanceRate()).isCloseTo(36.953, within(0.001)); // 45,600 / 1,234
        assertThat(new Figures(true, 10, 0, 0, null).frequencyRate()).isNull();
        assertThat(new Figures(true, 0, 0, 0, 1000).clearanceRate()).isNull();

        asCoordinator(() -> {
            crimeFigures.enterPopulations(2024, Map.of(mitte, 25_000, nord, 50_000));
            crimeFigures.enterPopulations(2023, Map.of(mitte, 24_000));
            return crimeFigureImport.confirm(bytes(HEADER
                    + "300000;Diebstahl ohne erschwerende Umstände;Mitte;2024;100;40;30\n"
                    + "400000;Diebstahl unter erschwerenden Umständen;Mitte;2024;200;80;60\n"
                    + "435000;Wohnungseinbruchdiebstahl;Mitte;2024;50;10;8\n"
                    + "300000;Diebstahl ohne erschwerende Umstände;Nord;2024;90;36;30\n"
                    + "435000;Wohnungseinbruchdiebstahl;Nord;2024;60;54;40\n"
                    + "300000;Diebstahl ohne erschwerende Umstände;Mitte;2023;120;30;20\n"), PksMapping.guess());
        });

        var theft = group("Diebstahl insgesamt");
        var districts = asCoordinator(() -> crimeFigures.districtTrends(theft));
        // Mitte 2024: 300000 + 400000 (435000 is part of 400000) = 300 cases, 120 solved, 25,000 inhabitants
        var mitte2024 = districts.get(0).in(2024);
        assertThat(mitte2024.cases()).isEqualTo(300);
        assertThat(mitte2024.solved()).isEqualTo(120);
        assertThat(mitte2024.frequencyRate()).isEqualTo(1200.0); // 300 × 100,000 / 25,000
        assertThat(mitte2024.clearanceRate()).isEqualTo(40.0); // 120 / 300
        // Nord 2024: without a 400000 row, its 435000 counts: 150 cases, 90 solved, 50,000 inhabitants
        var nord2024 = districts.get(1).in(2024);
        assertThat(nord2024.cases()).isEqualTo(150);
        assertThat(nord2024.frequencyRate()).isEqualTo(300.0);
        assertThat(nord2024.clearanceRate()).isEqualTo(60.0);
        // The city: 450 cases, 210 solved, 75,000 inhabitants
        var city2024 = asCoordinator(() -> crimeFigures.cityTrend(theft)).get(1);
        assertThat(city2024.year()).isEqualTo(2024);
        assertThat(city2024.figures().frequencyRate()).isEqualTo(600.0);
        assertThat(city2024.figures().clearanceRate()).isCloseTo(46.667, within(0.001));
        // 2023: Mitte 120 / 24,000 → 500; Nord has no population that year, so neither has the city
        assertThat(districts.get(0).in(2023).frequencyRate()).isEqualTo(500.0);
        assertThat(districts.get(1).in(2023).reported()).isFalse();
        assertThat(asCoordinator(() -> crimeFigures.cityTrend(theft)).get(0).figures().frequencyRate()).isNull();
        // Wohnungseinbruchdiebstahl counts its own rows: 50 + 60
        var burglary = asCoordinator(() -> crimeFigures.cityTrend(group("Wohnungseinbruchdiebstahl"))).get(1);
        assertThat(burglary.figures().cases()).isEqualTo(110);

        var page = asHtml("/lagebild/kriminalitaet?year=2024&group=" + theft.id(), city.coordinator());
        assertThat(page.select("#year-table tbody tr").get(0).text()).isEqualTo("Mitte 25.000 300 1200 120 40,0 % 90 +150,0 %");
        assertThat(page.select("#year-table tfoot tr").text()).isEqualTo("Gesamtstadt 75.000 450 600 210 46,7 % 160 +275,0 %");
    }

    @Test
    void theSteeringGroupSeesTheCityAggregateOnlyAndOtherPartnersNothing() throws Exception {
        asCoordinator(() -> crimeFigureImport.confirm(bytes(HEADER
                + "899000;Straßenkriminalität;Mitte;2024;300;60;50\n"
                + "899000;Straßenkriminalität;Nord;2024;150;30;25\n"), PksMapping.guess()));

        var street = group("Straßenkriminalität").id();
        var steering = asHtml("/lagebild/kriminalitaet?measure=CASES&group=" + street, city.steeringUser());
        assertThat(steering.select("#year-table tbody tr")).isEmpty();
        assertThat(steering.select("#year-table tfoot tr").text()).startsWith("Gesamtstadt – 450");
        assertThat(steering.select("#trend-table")).isEmpty();
        assertThat(steering.select("#city-only").text()).contains("Gesamtstadt");
        assertThat(steering.select("#trend-chart text.line-label")).extracting(e -> e.text())
                .containsExactly("Gesamtstadt");
        assertThat(steering.text()).doesNotContain("Mitte");
        assertThat(steering.select("a[href=/lagebild/kriminalitaet]")).isNotEmpty();
        assertThat(steering.select("a[href=/lagebild/hotspots]")).isEmpty();
        var principal = (SipaPrincipal) fixtures.user(city.steeringUser());
        assertThatThrownBy(() -> CurrentUser.runAs(principal.sipaUser(),
                () -> crimeFigures.districtTrends(group("Straßenkriminalität"))))
                .isInstanceOf(AccessDeniedException.class);
        mvc.perform(get("/lagebild/kriminalitaet/import").with(user(fixtures.user(city.steeringUser()))))
                .andExpect(status().isForbidden());

        var police = asHtml("/lagebild/kriminalitaet?measure=CASES&group=" + street, city.policeUser());
        assertThat(police.select("#year-table tbody tr")).hasSize(2);
        assertThat(police.select("#trend-chart text.line-label")).extracting(e -> e.text())
                .containsExactly("Mitte", "Nord", "Gesamtstadt");

        for (var path : List.of("/lagebild/kriminalitaet", "/lagebild/kriminalitaet/import",
                "/lagebild/kriminalitaet/einwohner", "/lagebild/kriminalitaet/gruppen")) {
            mvc.perform(get(path).with(user(fixtures.user(city.publicOrderUser()))))
                    .andExpect(status().isForbidden());
        }
        var start = mvc.perform(get("/").with(user(fixtures.user(city.publicOrderUser()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(start).doesNotContain("/lagebild/kriminalitaet");
    }

    @Test
    void withoutFiguresThePageSaysSoAndLinksTheImport() {
        var page = asHtml("/lagebild/kriminalitaet", city.coordinator());
        assertThat(page.select("#no-figures").text())
                .isEqualTo("Es sind noch keine Zahlen der Polizeilichen Kriminalstatistik importiert.");
        assertThat(page.select("a[href=/lagebild/kriminalitaet/import]")).isNotEmpty();
    }

    @Test
    void theImportPagesMapPreviewAndConfirm() throws Exception {
        var file = new MockMultipartFile("file", "pks.csv", "text/csv", bytes(HEADER
                + "899000;Straßenkriminalität;Musterstadt-Mitte;2024;300;60;50\n"
                + "899000;Straßenkriminalität;Innenstadt;2024;150;30;25\n"));
        var coordinator = user(fixtures.user(city.coordinator()));
        var preview = Jsoup.parse(mvc.perform(multipart("/lagebild/kriminalitaet/import/preview").file(file)
                .with(coordinator).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(preview.select("#preview-rows tr.rejected").text()).contains("Unbekannter Stadtbezirk „Innenstadt“");
        assertThat(preview.select("#district-mapping select").get(0).select("option[selected]").text()).isEqualTo("Mitte");
        assertThat(preview.select("#mapping button.primary")).isEmpty();
        var content = preview.select("input[name=content]").val();

        var mapped = Jsoup.parse(mvc.perform(post("/lagebild/kriminalitaet/import/check").with(coordinator).with(csrf())
                .param("content", content).param("districtValue", "Musterstadt-Mitte", "Innenstadt")
                .param("districtTarget", mitte.value().toString(), nord.value().toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(mapped.select("#preview-rows tr.rejected")).as(mapped.select("#preview").text()).isEmpty();
        assertThat(mapped.select("#mapping button.primary").text()).as(mapped.select("#preview").text()).isEqualTo("2 Zeile(n) importieren");
        assertThat(storedRows()).isZero();

        mvc.perform(post("/lagebild/kriminalitaet/import/confirm").with(coordinator).with(csrf())
                .param("content", content).param("districtValue", "Musterstadt-Mitte", "Innenstadt")
                .param("districtTarget", mitte.value().toString(), nord.value().toString()))
                .andExpect(redirectedUrl("/lagebild/kriminalitaet?year=2024"));
        assertThat(storedRows()).isEqualTo(2);
    }

    @Test
    void theCoordinationEntersPopulationsAndChangesTheOffenceGroups() throws Exception {
        var coordinator = user(fixtures.user(city.coordinator()));
        mvc.perform(post("/lagebild/kriminalitaet/einwohner").with(coordinator).with(csrf()).param("year", "2024")
                .param("population." + mitte.value(), "25.000").param("population." + nord.value(), ""))
                .andExpect(redirectedUrl("/lagebild/kriminalitaet/einwohner?year=2024"));
        assertThat(asCoordinator(() -> crimeFigures.populations()).get(mitte.value())).isEqualTo(Map.of(2024, 25_000));
        mvc.perform(post("/lagebild/kriminalitaet/einwohner").with(user(fixtures.user(city.policeUser())))
                .with(csrf()).param("year", "2024").param("population." + mitte.value(), "1"))
                .andExpect(status().isForbidden());

        mvc.perform(post("/lagebild/kriminalitaet/gruppen").with(coordinator).with(csrf())
                .param("name", "Fahrraddiebstahl").param("prefixes", "3*50, 4*50"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/lagebild/kriminalitaet/gruppen").with(coordinator).with(csrf())
                .param("name", "Taschendiebstahl").param("prefixes", "390, 490"))
                .andExpect(redirectedUrl("/lagebild/kriminalitaet/gruppen"));
        var groups = asCoordinator(() -> crimeFigures.groups());
        assertThat(groups).extracting(OffenceGroup::name).contains("Straßenkriminalität", "Taschendiebstahl")
                .hasSize(OffenceGroup.DEFAULTS.size() + 1);
        assertThat(groups.get(groups.size() - 1).prefixes()).containsExactly("390", "490");
    }

    @Test
    void twoPartnershipsChangeTheirDefaultGroupsEachForItself() throws Exception {
        // The default groups have the same ids everywhere; each partnership stores them on its first change.
        var other = fixtures.city();
        var rauschgift = group("Rauschgiftdelikte").id();
        for (var coordinator : List.of(city.coordinator(), other.coordinator())) {
            mvc.perform(post("/lagebild/kriminalitaet/gruppen/" + rauschgift + "/delete")
                    .with(user(fixtures.user(coordinator))).with(csrf()))
                    .andExpect(redirectedUrl("/lagebild/kriminalitaet/gruppen"));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM situation_offence_group WHERE partnership_id IN (?, ?)")
                .params(city.id().value(), other.id().value()).query(Integer.class).single())
                .isEqualTo(2 * (OffenceGroup.DEFAULTS.size() - 1));
    }

    private OffenceGroup group(String name) {
        return asCoordinator(() -> crimeFigures.groups()).stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private int storedRows() {
        return jdbc.sql("SELECT count(*) FROM situation_crime_figure WHERE partnership_id = ?")
                .param(city.id().value()).query(Integer.class).single();
    }

    private org.jsoup.nodes.Document asHtml(String url, String username) {
        try {
            var html = mvc.perform(get(url).with(user(fixtures.user(username)))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            return Jsoup.parse(html, "http://localhost");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
