package de.sipa.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class TrendChartTests {

    @Test
    void everyLineHasItsOwnDashMarkerAndNameSoThatItReadsWithoutColour() {
        var chart = TrendChart.of(List.of(2021, 2022, 2023), List.of(
                new TrendChart.Series("Mitte", List.of(4000.0, 4200.0, 3800.0), false),
                new TrendChart.Series("Nord", List.of(1300.0, 1310.0, 1320.0), false),
                new TrendChart.Series("Ost", List.of(1290.0, 1300.0, 1310.0), false),
                new TrendChart.Series("Gesamtstadt", List.of(1700.0, 1750.0, 1720.0), true)));

        assertThat(chart.lines()).extracting(TrendChart.Line::name)
                .containsExactly("Mitte", "Nord", "Ost", "Gesamtstadt");
        assertThat(chart.lines()).extracting(TrendChart.Line::dash).doesNotHaveDuplicates();
        assertThat(chart.lines()).extracting(TrendChart.Line::marker).doesNotHaveDuplicates();
        // Nord and Ost end 10 apart: their names are moved apart by at least a line of text
        var labels = chart.lines().stream().mapToDouble(TrendChart.Line::labelY).sorted().toArray();
        for (int i = 1; i < labels.length; i++) {
            assertThat(labels[i] - labels[i - 1]).as(Arrays.toString(labels)).isGreaterThanOrEqualTo(14);
        }
        // the axis runs from 0 to a round value above the largest one, in steps of 2000
        assertThat(chart.yTicks().get(0).value()).isZero();
        assertThat(chart.yTicks().get(chart.yTicks().size() - 1).value()).isEqualTo(6000);
    }

    @Test
    void aYearWithoutValueInterruptsTheLineAndNoValuesGiveNoChart() {
        var chart = TrendChart.of(List.of(2021, 2022, 2023), List.of(
                new TrendChart.Series("Mitte", Arrays.asList(100.0, null, 120.0), false)));
        assertThat(chart.lines().get(0).path()).matches("M\\S+ \\S+ M\\S+ \\S+");
        assertThat(chart.lines().get(0).points()).extracting(TrendChart.Point::year).containsExactly(2021, 2023);

        assertThat(TrendChart.of(List.of(2021), List.of(
                new TrendChart.Series("Mitte", Arrays.asList((Double) null), false))).empty()).isTrue();
    }
}
