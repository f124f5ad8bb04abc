package de.sipa.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DistrictGeometryTests {

    /** Mitte of Musterstadt: 9.16–9.20 E, 48.765–48.785 N. */
    private static final DistrictGeometry MITTE = DistrictGeometry.of(
            "{\"type\":\"Polygon\",\"coordinates\":[[[9.16,48.765],[9.2,48.765],[9.2,48.785],[9.16,48.785],[9.16,48.765]]]}");

    @Test
    void aPointInsideIsContainedAndOneOutsideIsNot() {
        assertThat(MITTE.contains(48.775, 9.18)).isTrue();
        assertThat(MITTE.contains(48.79, 9.18)).isFalse();
        assertThat(MITTE.contains(48.775, 9.21)).isFalse();
    }

    @Test
    void holesAreNotPartOfTheDistrict() {
        var withPark = DistrictGeometry.of("{\"type\":\"Polygon\",\"coordinates\":[[[9.16,48.765],[9.2,48.765],[9.2,48.785],"
                + "[9.16,48.785],[9.16,48.765]],[[9.17,48.77],[9.18,48.77],[9.18,48.78],[9.17,48.78],[9.17,48.77]]]}");
        assertThat(withPark.contains(48.775, 9.175)).isFalse();
        assertThat(withPark.contains(48.775, 9.19)).isTrue();
    }

    @Test
    void theDistanceToTheBoundaryIsInMetres() {
        // 0.0002° of latitude north of the northern edge is about 22 m.
        assertThat(MITTE.distanceToBoundary(48.7852, 9.18)).isCloseTo(22.3, within(0.5));
        // The centre is about 1.1 km from the nearest (southern/northern) edge.
        assertThat(MITTE.distanceToBoundary(48.775, 9.18)).isCloseTo(1113, within(5.0));
    }
}
