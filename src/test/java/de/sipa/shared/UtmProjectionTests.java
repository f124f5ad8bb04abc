package de.sipa.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * UTM coordinates against an independent computation: Snyder's series (USGS Professional Paper 1395) with the
 * meridian arc integrated numerically, in {@code src/test/resources/de/sipa/shared/utm_expected.py}
 * (run: {@code python3 src/test/resources/de/sipa/shared/utm_expected.py}).
 */
class UtmProjectionTests {

    @ParameterizedTest
    @CsvSource({
        "48.7784, 9.1800, 32, 513223.9596, 5402837.6607",
        "47.9959, 7.8522, 32, 414373.0877, 5316481.9046",
        "52.5219, 13.4132, 33, 392340.2379, 5820271.2187",
        "48.0000, 9.0000, 32, 500000.0000, 5316300.2245"})
    void projectsAsSnydersSeriesToTheCentimetreAndBackToTheMillimetre(double latitude, double longitude, int zone,
            double easting, double northing) {
        var projection = UtmProjection.forLongitude(longitude);
        assertThat(projection.zone()).isEqualTo(zone);
        var xy = new double[2];
        projection.forward(latitude, longitude, xy);
        assertThat(xy[0]).isCloseTo(easting, within(0.01));
        assertThat(xy[1]).isCloseTo(northing, within(0.01));

        var back = new double[2];
        projection.inverse(xy[0], xy[1], back);
        assertThat(back[0]).isCloseTo(latitude, within(1e-8));
        assertThat(back[1]).isCloseTo(longitude, within(1e-8));
        assertThat(projection.epsg()).isEqualTo("EPSG:326" + zone);
    }
}
