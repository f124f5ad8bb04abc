package de.sipa.partners;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangesTests {

    @Test
    void namesEachChangedFieldWithOldAndNewValue() {
        var before = new BodyDetails("Koordinierungskreis", "KK", BodyKind.COORDINATION_CIRCLE, "");
        var after = new BodyDetails("Koordinierungskreis Sicherheit", "KK", BodyKind.COORDINATION_CIRCLE, "Fachebene");

        assertThat(Changes.describe(before, after))
                .isEqualTo(": name Koordinierungskreis → Koordinierungskreis Sicherheit; description – → Fachebene");
    }

    @Test
    void blankAndMissingValuesCountAsTheSame() {
        var before = new BodyDetails("AG", "AG", BodyKind.WORKING_GROUP, null);
        var after = new BodyDetails("AG ", "AG", BodyKind.WORKING_GROUP, " ");

        assertThat(Changes.describe(before, after)).isEmpty();
    }
}
