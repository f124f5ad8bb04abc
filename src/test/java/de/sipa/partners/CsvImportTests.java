package de.sipa.partners;

import de.sipa.shared.ImportRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;

@SipaIntegrationTest
class CsvImportTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    PartnerImport partnerImport;

    @Autowired
    Organisations organisations;

    @Autowired
    People people;

    @Autowired
    MockMvc mvc;

    City city;

    @BeforeEach
    void city() {
        city = fixtures.city();
        LocaleContextHolder.setLocale(Locale.GERMAN);
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void previewReportsBadRowsWithLineAndReasonAndStoresNothing() {
        var csv = """
                Name;Art;Straße;PLZ;Ort;Telefon;E-Mail
                Seniorenrat;Verein / Zivilgesellschaft;Gutenbergstraße 1;12345;Teststadt;0123 45;info@senioren.example
                ;Schule;;;;;
                Schulamt;Schule / Schulverwaltung;;1234;;;
                Branddirektion;FIRE_BRIGADE;;;;;keine-mail
                Tierheim;Zoo;;;;;

                Stadtwerke;Sonstige;;;;;
                """;
        var preview = as(() -> partnerImport.preview(ImportKind.ORGANISATIONS, csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(preview.fileErrors()).isEmpty();
        assertThat(preview.validCount()).isEqualTo(2);
        assertThat(preview.invalidCount()).isEqualTo(4);
        assertThat(preview.rows()).extracting(ImportRow::line).containsExactly(2L, 3L, 4L, 5L, 6L, 8L);
        assertThat(preview.rows().get(1).errors()).containsExactly("Name: darf nicht leer sein");
        assertThat(preview.rows().get(2).errors()).containsExactly("PLZ: muss aus fünf Ziffern bestehen");
        assertThat(preview.rows().get(3).errors()).singleElement().asString().startsWith("E-Mail:");
        assertThat(preview.rows().get(4).errors()).containsExactly("Unbekannte Art „Zoo“");
        assertThat(organisationNames()).doesNotContain("Seniorenrat", "Stadtwerke");
    }

    @Test
    void confirmImportsOnlyTheGoodRows() {
        var csv = """
                Name;Art;PLZ
                Seniorenrat;Verein / Zivilgesellschaft;12345
                Schulamt;Schule / Schulverwaltung;1234
                Stadtwerke;OTHER;
                """;
        int written = as(() -> partnerImport.confirm(ImportKind.ORGANISATIONS, csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(written).isEqualTo(2);
        assertThat(organisationNames()).contains("Seniorenrat", "Stadtwerke").doesNotContain("Schulamt");
    }

    @Test
    void existingAndRepeatedOrganisationsAreRejected() {
        var existing = "Polizeirevier " + city.key();
        var csv = "Name;Art\n" + existing + ";POLICE_INSPECTION\nJugendhaus;Verein / Zivilgesellschaft\njugendhaus;OTHER\n";
        var preview = as(() -> partnerImport.preview(ImportKind.ORGANISATIONS, csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(preview.rows()).extracting(ImportRow::valid).containsExactly(false, true, false);
        assertThat(preview.rows().get(0).errors()).containsExactly("Organisation „" + existing + "“ gibt es bereits");
    }

    @Test
    void peopleAreMatchedToOrganisationsAndDistrictsByName() {
        var csv = """
                Nachname,Vorname,Funktion,Organisation,Telefon,Stadtbezirke
                Klein,Karla,Bezirksdienst,Polizeirevier %1$s,0123 4,"Mitte, Nord"
                Groß,Gerd,,Unbekanntes Amt,,
                Weiß,Wilma,,Ordnungsamt %1$s,,Atlantis
                Schwarz,,,Ordnungsamt %1$s,,
                """.formatted(city.key());
        int written = as(() -> partnerImport.confirm(ImportKind.PEOPLE, csv.getBytes(StandardCharsets.UTF_8)));
        var preview = as(() -> partnerImport.preview(ImportKind.PEOPLE, csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(written).isEqualTo(1);
        var karla = as(() -> people.ofOrganisation(city.police()).stream()
                .filter(p -> p.lastName().equals("Klein")).findFirst().orElseThrow());
        assertThat(karla.districts()).containsExactlyInAnyOrderElementsOf(city.districts());
        assertThat(preview.rows().get(0).errors()).singleElement().asString().contains("bereits erfasst");
        assertThat(preview.rows().get(1).errors()).containsExactly("Unbekannte Organisation „Unbekanntes Amt“");
        assertThat(preview.rows().get(2).errors()).containsExactly("Unbekannter Stadtbezirk „Atlantis“");
        assertThat(preview.rows().get(3).errors()).containsExactly("Vorname: darf nicht leer sein");
    }

    @Test
    void windowsEncodedFilesFromExcelAreRead() {
        var csv = "Name;Art\nStraßenbahn Süd;Sonstige\n";
        var preview = as(() -> partnerImport.preview(ImportKind.ORGANISATIONS, csv.getBytes(Charset.forName("windows-1252"))));

        assertThat(preview.rows()).singleElement().satisfies(row -> {
            assertThat(row.valid()).isTrue();
            assertThat(row.summary()).isEqualTo("Straßenbahn Süd");
        });
    }

    @Test
    void filesThatAreNotUsableAreRefusedAsAWhole() {
        var missingColumns = as(() -> partnerImport.preview(ImportKind.PEOPLE, "Name;Telefon\nA;1\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(missingColumns.fileErrors()).singleElement().asString().startsWith("Es fehlen Spalten: nachname, vorname, organisation");

        var tooLarge = new byte[PartnerImport.MAX_BYTES + 1];
        assertThat(as(() -> partnerImport.preview(ImportKind.ORGANISATIONS, tooLarge)).fileErrors())
                .containsExactly("Die Datei ist zu groß (höchstens 1.024 KB).");

        var unbalancedQuote = "Name;Art\n\"Offen;OTHER\n";
        assertThat(as(() -> partnerImport.preview(ImportKind.ORGANISATIONS, unbalancedQuote.getBytes(StandardCharsets.UTF_8))).fileErrors())
                .singleElement().asString().startsWith("Die Datei ist keine lesbare CSV-Datei");

        assertThat(as(() -> partnerImport.confirm(ImportKind.ORGANISATIONS, tooLarge))).isZero();
        assertThat(as(() -> partnerImport.confirm(ImportKind.ORGANISATIONS, new byte[0]))).isZero();
    }

    @Test
    void theImportPageShowsThePreviewAndTheConfirmationImportsTheGoodRows() throws Exception {
        var coordinator = user(fixtures.user(city.coordinator()));
        var csv = "Name;Art;PLZ\nBürgerverein Süd;Verein;12345\nSchulamt;Schule;1\n";
        var page = mvc.perform(multipart("/import/preview").file(new MockMultipartFile("file", "orgs.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).param("kind", "ORGANISATIONS").with(coordinator).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("PLZ: muss aus fünf Ziffern bestehen", "1 Zeile(n) importieren");
        assertThat(organisationNames()).doesNotContain("Bürgerverein Süd");

        // The confirmation sends back what the preview page carries in its hidden field.
        var carried = java.util.regex.Pattern.compile("name=\"content\" value=\"([^\"]*)\"").matcher(page);
        assertThat(carried.find()).isTrue();
        assertThat(carried.group(1)).isEqualTo(java.util.Base64.getEncoder().encodeToString(csv.getBytes(StandardCharsets.UTF_8)));
        mvc.perform(post("/import/confirm").with(coordinator).with(csrf()).param("kind", "ORGANISATIONS")
                        .param("content", carried.group(1)))
                .andExpect(status().is3xxRedirection());
        assertThat(organisationNames()).contains("Bürgerverein Süd").doesNotContain("Schulamt");
    }

    private java.util.List<String> organisationNames() {
        return as(() -> organisations.all().stream().map(Organisation::name).toList());
    }

    private <T> T as(java.util.function.Supplier<T> work) {
        return CurrentUser.runAs(SipaUser.system(city.id()), work);
    }
}
