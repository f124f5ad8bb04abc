package de.sipa.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Small cells are hidden, and so is a second count wherever a total minus the shown counts would give one back. */
class CellSuppressionTests {

    @Test
    void aSmallCellIsHiddenAndTheSmallestOtherCellOfItsRowAndColumnToo() {
        long[][] cells = {
            {3, 20, 30},
            {12, 40, 50},
            {15, 60, 70},
        };
        var table = CellSuppression.table(cells);
        assertThat(table.cell(0, 0)).isNull();
        // row 0: total 53 shown, so 3 = 53 - 20 - 30 would be known: the 20 goes as well
        assertThat(table.cell(0, 1)).isNull();
        // column 0: total 30 shown, so 3 = 30 - 12 - 15 would be known: the 12 goes as well
        assertThat(table.cell(1, 0)).isNull();
        assertThat(table.rowTotal(0)).isEqualTo(53);
        assertThat(table.columnTotal(0)).isEqualTo(30);
        assertThat(table.cell(2, 2)).isEqualTo(70);
        assertNothingCanBeWorkedOut(cells, table);
    }

    @Test
    void aSmallTotalIsHiddenAndACellOfItsRowWithIt() {
        long[][] cells = {
            {2, 0, 1},
            {10, 20, 30},
        };
        var table = CellSuppression.table(cells);
        assertThat(table.rowTotal(0)).isNull();
        assertThat(table.cell(0, 0)).isNull();
        assertThat(table.cell(0, 2)).isNull();
        assertNothingCanBeWorkedOut(cells, table);
    }

    @Test
    void noCaseAtAllIsShownAsZero() {
        var table = CellSuppression.table(new long[][] {{0, 10}, {0, 20}});
        assertThat(table.cell(0, 0)).isZero();
        assertThat(table.columnTotal(0)).isZero();
    }

    @Test
    void inRandomTablesNoRowOrColumnHasExactlyOneHiddenCountAndEverySmallOneIsHidden() {
        var random = new Random(16);
        for (int round = 0; round < 500; round++) {
            var cells = new long[1 + random.nextInt(6)][1 + random.nextInt(6)];
            for (var row : cells) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextInt(40);
                }
            }
            assertNothingCanBeWorkedOut(cells, CellSuppression.table(cells));
        }
    }

    @Test
    void complementaryHidesTheSmallestShownCountWhenExactlyOneIsHidden() {
        assertThat(CellSuppression.complementary(new long[] {3, 9, 7, 20}, new boolean[] {true, false, false, false}))
                .containsExactly(true, false, true, false);
        assertThat(CellSuppression.complementary(new long[] {3, 2, 7}, new boolean[] {true, true, false}))
                .containsExactly(true, true, false);
    }

    @Test
    void aLineHidesSmallCellsAndOneMoreWhereItsTotalWouldGiveThemAwayButNeverAZeroInstead() {
        assertThat(CellSuppression.line(new long[] {12, 3, 7})).containsExactly(false, true, true, false);
        assertThat(CellSuppression.line(new long[] {12, 3, 2, 7})).containsExactly(false, true, true, false, false);
        assertThat(CellSuppression.line(new long[] {12, 0, 9})).containsExactly(false, false, false, false);
        assertThat(CellSuppression.line(new long[] {0, 3})).containsExactly(false, true, true);
        assertThat(CellSuppression.line(new long[] {8, 3})).containsExactly(true, true, false);
        assertThat(CellSuppression.line(new long[] {1, 2})).containsExactly(true, true, true);
        // a town without graffiti at all: hiding its zero would leave 3 = 11 - 8 for anyone who knows that
        assertThat(CellSuppression.line(new long[] {0, 8, 3})).containsExactly(false, true, true, false);
    }

    private static void assertNothingCanBeWorkedOut(long[][] cells, CellSuppression.Table table) {
        for (int r = 0; r < cells.length; r++) {
            int hidden = table.rowHidden()[r] ? 1 : 0;
            for (int c = 0; c < cells[r].length; c++) {
                if (CellSuppression.small(cells[r][c])) {
                    assertThat(table.cell(r, c)).as("small cell %d,%d", r, c).isNull();
                }
                hidden += table.hidden()[r][c] ? 1 : 0;
            }
            assertThat(hidden).as("hidden counts in row %d", r).isNotEqualTo(1);
        }
        for (int c = 0; c < cells[0].length; c++) {
            int hidden = table.columnHidden()[c] ? 1 : 0;
            for (int r = 0; r < cells.length; r++) {
                hidden += table.hidden()[r][c] ? 1 : 0;
            }
            assertThat(hidden).as("hidden counts in column %d", c).isNotEqualTo(1);
        }
    }
}
