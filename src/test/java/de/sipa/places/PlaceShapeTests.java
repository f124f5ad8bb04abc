package de.sipa.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import de.sipa.shared.RuleViolationException;

/**
 * Containment and the refusal of unusable outlines. The square is 0.002° on each side at 48.78° N: about 147 m east
 * to west (0.002 × 111,320 m × cos 48.78°) by 222 m north to south.
 */
class PlaceShapeTests {

    static final String SQUARE_WITH_HOLE = """
            {"type":"Polygon","coordinates":[
              [[9.180,48.780],[9.182,48.780],[9.182,48.782],[9.180,48.782],[9.180,48.780]],
              [[9.1805,48.7805],[9.1815,48.7805],[9.1815,48.7815],[9.1805,48.7815],[9.1805,48.7805]]]}""";

    @Test
    void aPointOnTheEdgeIsInsideAPointInTheHoleIsNot() {
        var area = PlaceShape.of(SQUARE_WITH_HOLE, null).area();

        assertThat(area.contains(48.7802, 9.1802)).as("between outer ring and hole").isTrue();
        assertThat(area.contains(48.780, 9.181)).as("on the southern edge").isTrue();
        assertThat(area.contains(48.781, 9.180)).as("on the western edge").isTrue();
        assertThat(area.contains(48.7805, 9.181)).as("on the hole's edge").isTrue();
        assertThat(area.contains(48.781, 9.181)).as("in the hole").isFalse();
        assertThat(area.contains(48.7799, 9.181)).as("11 m south of the square").isFalse();
    }

    @Test
    void aPointGrowsByItsRadiusInMetres() {
        var area = PlaceShape.of("{\"type\":\"Point\",\"coordinates\":[9.1832,48.7818]}", 100).area();

        // 90 m and 110 m north: 1° of latitude is about 111,200 m here
        assertThat(area.contains(48.7818 + 90 / 111_200.0, 9.1832)).isTrue();
        assertThat(area.contains(48.7818 + 110 / 111_200.0, 9.1832)).isFalse();
        // a circle of 100 m, drawn with 64 segments: π r² less 0.16 %
        assertThat(area.squareMetres()).isCloseTo(Math.PI * 100 * 100, within(60.0));
    }

    @Test
    void aLineGrowsByItsHalfWidth() {
        var underpass = PlaceShape.of(
                "{\"type\":\"LineString\",\"coordinates\":[[9.1790,48.7830],[9.1800,48.7830]]}", 10).area();

        assertThat(underpass.contains(48.7830 + 8 / 111_200.0, 9.1795)).isTrue();
        assertThat(underpass.contains(48.7830 + 12 / 111_200.0, 9.1795)).isFalse();
    }

    @Test
    void theRingAroundAPlaceHoldsWhatIsNearButNotWhatIsInside() {
        var place = PlaceShape.of("{\"type\":\"Point\",\"coordinates\":[9.1832,48.7818]}", 50).area();
        var buffer = place.around(200);

        assertThat(buffer.contains(48.7818, 9.1832)).isFalse();
        assertThat(buffer.contains(48.7818 + 150 / 111_200.0, 9.1832)).isTrue();
        assertThat(buffer.contains(48.7818 + 300 / 111_200.0, 9.1832)).isFalse();
        double[] box = buffer.bounds();
        assertThat(box[1]).isLessThan(48.7818 - 249 / 111_200.0);
        assertThat(box[3]).isGreaterThan(48.7818 + 249 / 111_200.0);
    }

    @Test
    void aFeatureIsUnwrappedAndWgs84IsAccepted() {
        var shape = PlaceShape.of("""
                {"type":"Feature","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},
                 "properties":{"name":"Pavillon"},"geometry":{"type":"Point","coordinates":[9.18,48.78]}}""", 30);

        assertThat(shape.geometry()).isEqualTo("{\"type\":\"Point\",\"coordinates\":[9.18,48.78]}");
        assertThat(shape.radiusMetres()).isEqualTo(30);
    }

    @Test
    void unusableOutlinesAreRefusedWithTheirReason() {
        assertRefused("", null, "place.geometry.required");
        assertRefused("{\"type\":\"Polygon\"", null, "place.geometry.invalid");
        assertRefused("{\"type\":\"GeometryCollection\",\"geometries\":[]}", null, "place.geometry.type");
        assertRefused("{\"type\":\"Polygon\",\"coordinates\":[[[9.18,48.78],[9.19,48.78],[9.19,48.79],[9.18,48.79]]]}",
                null, "place.geometry.ringNotClosed");
        // a bow tie: the outline crosses itself between its second and fourth corner
        assertRefused("{\"type\":\"Polygon\",\"coordinates\":[[[9.18,48.78],[9.19,48.79],[9.19,48.78],[9.18,48.79],"
                + "[9.18,48.78]]]}", null, "place.geometry.selfIntersecting");
        // Gauß-Krüger / UTM metres instead of degrees
        assertRefused("{\"type\":\"Point\",\"coordinates\":[513000,5403000]}", 50, "place.geometry.notWgs84");
        assertRefused("{\"type\":\"Point\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:25832\"}},"
                + "\"coordinates\":[9.18,48.78]}", 50, "place.geometry.crs");
        assertRefused("{\"type\":\"Point\",\"coordinates\":[9.18,48.78]}", null, "place.radius.invalid");
        assertRefused("{\"type\":\"Point\",\"coordinates\":[9.18,48.78]}", 5_000, "place.radius.invalid");
        // 0.1° × 0.1°: about 7 km × 11 km
        assertRefused("{\"type\":\"Polygon\",\"coordinates\":[[[9.1,48.7],[9.2,48.7],[9.2,48.8],[9.1,48.8],[9.1,48.7]]]}",
                null, "place.geometry.tooLarge");
        var many = new StringBuilder("{\"type\":\"LineString\",\"coordinates\":[");
        for (int i = 0; i <= PlaceShape.MAX_POSITIONS; i++) {
            many.append(i == 0 ? "" : ",").append("[9.18,").append(48.78 + i * 1e-7).append(']');
        }
        assertRefused(many.append("]}").toString(), 10, "place.geometry.tooManyPositions");
    }

    private static void assertRefused(String geoJson, Integer radius, String key) {
        assertThatThrownBy(() -> PlaceShape.of(geoJson, radius)).isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).messageKey()).isEqualTo(key);
    }
}
