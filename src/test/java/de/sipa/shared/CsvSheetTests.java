package de.sipa.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CsvSheetTests {

    @Test
    void cellsThatWouldStartAFormulaGetAQuoteInFront() {
        assertThat(CsvSheet.neutralise("=HYPERLINK(\"http://evil\",\"x\")")).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
        assertThat(CsvSheet.neutralise("+1+cmd|' /C calc'!A0")).isEqualTo("'+1+cmd|' /C calc'!A0");
        assertThat(CsvSheet.neutralise("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvSheet.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvSheet.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvSheet.neutralise("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void ordinaryCellsStayAsTheyAre() {
        assertThat(CsvSheet.neutralise("Müller")).isEqualTo("Müller");
        assertThat(CsvSheet.neutralise("a=b")).isEqualTo("a=b");
        assertThat(CsvSheet.neutralise("")).isEmpty();
        assertThat(CsvSheet.neutralise(null)).isEmpty();
        assertThat(CsvSheet.neutralise(42)).isEqualTo("42");
    }

    @Test
    void everyRowOfASheetIsNeutralisedAndAnImportRestoresTheValues() {
        var out = new StringWriter();
        var sheet = CsvSheet.on(out, "Name", "Funktion");
        sheet.row("=1+1", "@Leitung");
        sheet.row("Schmidt", "-");
        sheet.flush();
        assertThat(out.toString()).contains("'=1+1;'@Leitung").contains("Schmidt;'-");

        var table = CsvTable.read(out.toString().getBytes(StandardCharsets.UTF_8), 10_000, 10);
        assertThat(table.rows()).extracting(row -> row.get("Name")).containsExactly("=1+1", "Schmidt");
        assertThat(table.rows()).extracting(row -> row.get("Funktion")).containsExactly("@Leitung", "-");
    }
}
