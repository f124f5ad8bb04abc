package de.sipa.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import de.sipa.shared.RuleViolationException;

class DistrictBoundaryTests {

    private static final String SQUARE = "[[[9.16,48.765],[9.20,48.765],[9.20,48.785],[9.16,48.785],[9.16,48.765]]]";

    @Test
    void acceptsPolygonsMultiPolygonsAndFeaturesAndStoresTheGeometry() {
        assertThat(DistrictBoundary.validated("{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}"))
                .startsWith("{\"type\":\"Polygon\"");
        assertThat(DistrictBoundary.validated("{\"type\":\"MultiPolygon\",\"coordinates\":[" + SQUARE + "]}"))
                .startsWith("{\"type\":\"MultiPolygon\"");
        assertThat(DistrictBoundary.validated("{\"type\":\"Feature\",\"properties\":{\"name\":\"Mitte\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}}"))
                .isEqualTo("{\"type\":\"Polygon\",\"coordinates\":"
                        + "[[[9.16,48.765],[9.2,48.765],[9.2,48.785],[9.16,48.785],[9.16,48.765]]]}");
    }

    @Test
    void refusesWhatIsNoClosedPolygonInWgs84() {
        assertRefused("kein json", "district.boundary.invalidJson");
        assertRefused("{\"type\":\"Point\",\"coordinates\":[9.1,48.7]}", "district.boundary.notPolygon");
        assertRefused("{\"type\":\"Polygon\",\"coordinates\":[[[9.1,48.7],[9.2,48.7],[9.1,48.7]]]}",
                "district.boundary.ringTooShort");
        assertRefused("{\"type\":\"Polygon\",\"coordinates\":[[[9.1,48.7],[9.2,48.7],[9.2,48.8],[9.1,48.8]]]}",
                "district.boundary.notClosed");
        assertRefused("{\"type\":\"Polygon\",\"coordinates\":[[[948,48.7],[9.2,48.7],[9.2,48.8],[948,48.7]]]}",
                "district.boundary.badPosition");
    }

    private static void assertRefused(String geoJson, String messageKey) {
        assertThatThrownBy(() -> DistrictBoundary.validated(geoJson)).isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).messageKey()).isEqualTo(messageKey);
    }
}
