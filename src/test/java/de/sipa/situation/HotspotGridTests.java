package de.sipa.situation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class HotspotGridTests {

    /** Two districts about 1 km × 1.1 km each, side by side with a 1 km gap, near Stuttgart. */
    private static final String WEST = """
            {"type":"Polygon","coordinates":[[[9.160,48.770],[9.1736,48.770],[9.1736,48.780],[9.160,48.780],[9.160,48.770]]]}""";
    private static final String EAST = """
            {"type":"MultiPolygon","coordinates":[[[[9.1872,48.770],[9.2008,48.770],[9.2008,48.780],[9.1872,48.780],[9.1872,48.770]]]]}""";

    @Test
    void cellsTakePartWhereTheirCentreLiesInADistrict() {
        var grid = HotspotGrid.over(List.of(HotspotAnalysis.geometry(WEST), HotspotAnalysis.geometry(EAST)), 100);

        assertThat(grid.projection().zone()).isEqualTo(32);
        assertThat(grid.originX() % 100).isZero();
        assertThat(grid.originY() % 100).isZero();
        // Each district is about 1.0 km × 1.11 km, i.e. about 111 cells of 1 ha; the gap between them takes no part.
        assertThat((double) grid.size()).isCloseTo(2 * 111, within(12.0));
        var xy = new double[2];
        grid.projection().forward(48.775, 9.167, xy);
        assertThat(grid.indexOf(xy[0], xy[1])).isNotNegative();
        grid.projection().forward(48.775, 9.1804, xy);
        assertThat(grid.positionOf(xy[0], xy[1])).isNotNegative();
        assertThat(grid.indexOf(xy[0], xy[1])).isEqualTo(-1);
        grid.projection().forward(48.79, 9.167, xy);
        assertThat(grid.positionOf(xy[0], xy[1])).isEqualTo(-1);
    }

    @Test
    void anAreaTooLargeForTheCellSizeIsRefused() {
        String county = """
                {"type":"Polygon","coordinates":[[[8.5,48.3],[10.5,48.3],[10.5,49.3],[8.5,49.3],[8.5,48.3]]]}""";
        assertThatThrownBy(() -> HotspotGrid.over(List.of(HotspotAnalysis.geometry(county)), 50))
                .isInstanceOf(HotspotGrid.TooManyCells.class);
    }
}
