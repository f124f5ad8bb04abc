package de.sipa.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import de.sipa.shared.OrganisationId;

class VCardTests {

    @Test
    void aPersonBecomesAVCard3WithEscapedValues() {
        var card = VCard.of(entry("Präventionsberater; Einbruchschutz, Süd", "Kriminalinspektion 1"));

        assertThat(card).startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\n").endsWith("END:VCARD\r\n");
        assertThat(card).contains("N:Jung;Markus;;Herr;\r\n", "FN:Markus Jung\r\n",
                "TITLE:Präventionsberater\\; Einbruchschutz\\, Süd\r\n", "TEL;TYPE=WORK,VOICE:0123 899-1800\r\n",
                "EMAIL;TYPE=INTERNET,WORK:markus.jung@polizei.example\r\n",
                "NOTE:Gremien: Koordinierungskreis Sicherheit\r\n");
        assertThat(card).doesNotContain("TEL;TYPE=CELL");
    }

    @Test
    void longLinesAreFoldedAtSeventyFiveOctetsWithoutSplittingCharacters() {
        var organisation = "Stadt Musterstadt – Amt für öffentliche Ordnung, Abteilung Sicherheit und Ordnung im öffentlichen Raum";
        var card = VCard.of(entry("Sachbearbeitung", organisation));

        var lines = card.split("\r\n");
        assertThat(lines).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        var unfolded = card.replace("\r\n ", "");
        assertThat(unfolded).contains("ORG:" + organisation.replace(",", "\\,") + "\r\n");
    }

    private static DirectoryEntry entry(String function, String organisation) {
        return new DirectoryEntry(new PersonId(UUID.randomUUID()), "Herr", "Markus", "Jung", function,
                new OrganisationId(UUID.randomUUID()), organisation, "0123 899-1800", null,
                "markus.jung@polizei.example", null, List.of("Koordinierungskreis Sicherheit"), List.of("Süd"), List.of());
    }
}
