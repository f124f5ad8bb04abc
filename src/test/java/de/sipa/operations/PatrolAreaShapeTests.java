package de.sipa.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import de.sipa.shared.RuleViolationException;

class PatrolAreaShapeTests {

    @Test
    void polygonsAndRoutesAreTakenAndAFeatureIsUnwrapped() {
        assertThat(PatrolAreaShape.validated(PatrolsTests.BAHNHOF_ROUTE)).startsWith("{\"type\":\"LineString\"");
        assertThat(PatrolAreaShape.validated(PatrolsTests.PALASTGARTEN)).startsWith("{\"type\":\"Polygon\"");
        assertThat(PatrolAreaShape.validated("{\"type\":\"Feature\",\"properties\":{},\"geometry\":"
                + PatrolsTests.BAHNHOF_ROUTE + "}")).isEqualTo(PatrolAreaShape.validated(PatrolsTests.BAHNHOF_ROUTE));
        assertThat(PatrolAreaShape.validated(
                "{\"type\":\"MultiLineString\",\"coordinates\":[[[9.18,48.78],[9.19,48.78]],[[9.2,48.7],[9.21,48.7]]]}"))
                .startsWith("{\"type\":\"MultiLineString\"");
    }

    @Test
    void pointsBrokenJsonAndPositionsOutsideTheEarthAreRefused() {
        for (var bad : new String[] {"{\"type\":\"Point\",\"coordinates\":[9.18,48.78]}", "{\"type\":\"LineString\"",
                "{\"type\":\"LineString\",\"coordinates\":[[9.18,48.78]]}",
                "{\"type\":\"LineString\",\"coordinates\":[[9.18,48.78],[190,48.78]]}",
                "{\"type\":\"Polygon\",\"coordinates\":[[9.18,48.78],[9.19,48.78]]}"}) {
            assertThatThrownBy(() -> PatrolAreaShape.validated(bad)).as(bad)
                    .isInstanceOf(RuleViolationException.class).hasMessage("patrolArea.geometry.invalid");
        }
        assertThatThrownBy(() -> PatrolAreaShape.validated(" ")).hasMessage("patrolArea.geometry.required");
    }
}
