package de.sipa.website;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The home page takes the coordinator's contact from the Impressum: its address and its contact paragraph. */
class ContactTests {

    @Test
    void theAddressAndTheContactParagraphOfTheImprintAreTheContact() {
        var imprint = List.of(List.of("Angaben gemäß § 5 DDG"), List.of("Stadt Musterstadt", "Marktplatz 1"),
                List.of("Vertreten durch die Oberbürgermeisterin."), List.of("Kontakt", "Telefon: 01234 216-1250"),
                List.of("Aufsichtsbehörde: Regierungspräsidium"));
        assertThat(PublicWebsiteController.contact(imprint)).containsExactly(imprint.get(1), imprint.get(3));
        var plain = List.of(List.of("Koordination"));
        assertThat(PublicWebsiteController.contact(plain)).isEqualTo(plain);
    }
}
