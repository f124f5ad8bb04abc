package de.sipa.responsibilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.shared.ImportRow;

@SipaIntegrationTest
class MatrixDocumentsTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Responsibilities responsibilities;

    City city;
    String topic;

    @BeforeEach
    void matrix() {
        LocaleContextHolder.setLocale(Locale.GERMAN);
        city = fixtures.city();
        topic = "Jugendschutz " + city.key();
        as(() -> {
            var id = responsibilities.createTopic(new TopicDetails(topic, null, null, true));
            responsibilities.assign(new EntryDetails(id.value(), null, null, city.publicOrder().value(),
                    Responsibility.LEAD, "8 h/Woche; 2 Personen", "mit Jugendamt", "Start"));
            responsibilities.assign(new EntryDetails(id.value(), city.districts().get(0).value(), null,
                    city.police().value(), Responsibility.SUPPORT, "", null, "Start"));
            return id;
        });
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void theCsvExportListsEveryEntryInTheImportFormat() {
        var out = new StringWriter();
        as(() -> {
            responsibilities.exportCsv(out);
            return null;
        });
        assertThat(out.toString().lines()).containsExactly(
                "Aufgabe;Organisation;Zuständigkeit;Stadtbezirk;Zeitfenster;Ressourcen;Anmerkung",
                topic + ";Ordnungsamt " + city.key() + ";federführend;;;8 h/Woche; 2 Personen;mit Jugendamt"
                        .replace("8 h/Woche; 2 Personen", "\"8 h/Woche; 2 Personen\""),
                topic + ";Polizeirevier " + city.key() + ";unterstützend;Mitte;;;");
    }

    @Test
    void importPreviewRejectsBadRowsWithLineAndReasonAndConfirmAddsTheRestInOneChange() {
        var csv = String.join("\n",
                "Aufgabe;Organisation;Zuständigkeit;Stadtbezirk;Zeitfenster;Ressourcen",
                topic + ";Polizeirevier " + city.key() + ";federführend;Nord;;2 Streifen",
                "Unbekannt;Polizeirevier " + city.key() + ";F;;;",
                topic + ";Feuerwehr;informiert;;;",
                topic + ";Ordnungsamt " + city.key() + ";zuständig;;;",
                topic + ";Ordnungsamt " + city.key() + ";informiert;Atlantis;;viel",
                topic + ";Ordnungsamt " + city.key() + ";federführend;;;",
                topic + ";Ordnungsamt " + city.key() + ";U;stadtweit;ganztags;1 Person",
                topic + ";ordnungsamt " + city.key() + ";unterstützend;;;") + "\n";
        var bytes = csv.getBytes(StandardCharsets.UTF_8);
        var changesBefore = as(() -> responsibilities.history(PageRequest.of(0, 1)).getTotalElements());

        var preview = as(() -> responsibilities.previewImport(bytes));
        assertThat(preview.rows()).extracting(ImportRow::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(preview.rows()).extracting(ImportRow::valid)
                .containsExactly(true, false, false, false, false, false, true, false);
        assertThat(preview.rows().get(1).errors()).containsExactly("Unbekannte Aufgabe „Unbekannt“");
        assertThat(preview.rows().get(2).errors()).containsExactly("Unbekannte Organisation „Feuerwehr“");
        assertThat(preview.rows().get(3).errors().get(0)).startsWith("Unbekannte Zuständigkeit „zuständig“");
        assertThat(preview.rows().get(4).errors()).containsExactly("Unbekannter Stadtbezirk „Atlantis“",
                "„viel“ ist keine Ressource (erwartet: Zahl und Einheit, z. B. 8 h/Woche).");
        assertThat(preview.rows().get(5).errors()).containsExactly("Diesen Eintrag gibt es bereits");
        assertThat(preview.rows().get(7).errors()).containsExactly("Diesen Eintrag gibt es bereits");
        assertThat(as(() -> responsibilities.matrix()).entries()).hasSize(2);

        assertThatThrownBy(() -> as(() -> responsibilities.confirmImport(bytes, " ")))
                .hasMessage("matrix.reason.required");
        int added = as(() -> responsibilities.confirmImport(bytes, "Ergebnis Workshop"));
        assertThat(added).isEqualTo(2);
        assertThat(as(() -> responsibilities.matrix()).entries()).hasSize(4);
        assertThat(as(() -> responsibilities.history(PageRequest.of(0, 1)).getTotalElements()))
                .isEqualTo(changesBefore + 1);
    }

    @Test
    void thePdfIsAnA3LandscapeGridWithTopicsAndOrganisations() throws Exception {
        var out = new ByteArrayOutputStream();
        as(() -> {
            responsibilities.exportPdf(out);
            return null;
        });
        var reader = new PdfReader(out.toByteArray());
        var page = reader.getPageSizeWithRotation(1);
        assertThat(page.getWidth()).isGreaterThan(page.getHeight());
        assertThat(Math.round(page.getWidth())).isEqualTo(1191);
        var text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains("Zuständigkeitsmatrix", topic, "F", "U Mitte");
    }

    private <T> T as(Supplier<T> work) {
        return CurrentUser.runAs(SipaUser.system(city.id()), work);
    }
}
