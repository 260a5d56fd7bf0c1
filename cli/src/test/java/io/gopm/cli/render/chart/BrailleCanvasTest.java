package io.gopm.cli.render.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gopm.cli.render.Ansi;
import io.gopm.cli.render.DisplayWidth;
import org.junit.jupiter.api.Test;

class BrailleCanvasTest {

  private final BrailleCanvas canvas = new BrailleCanvas(4, 2);

  private int bits(int column, int row) {
    return canvas.cell(column, row) - 0x2800;
  }

  // ---- dot bits (daemon.md §10) ----

  @Test
  void topLeftDotIsBitOne() {
    canvas.set(0, 0);

    assertThat(bits(0, 0)).isEqualTo(0x01);
    assertThat(canvas.cell(0, 0)).isEqualTo('\u2801');
  }

  @Test
  void topRightDotIsBitEight() {
    canvas.set(1, 0);

    assertThat(bits(0, 0)).isEqualTo(0x08);
  }

  @Test
  void bottomLeftDotIsBit0x40() {
    canvas.set(0, 3);

    assertThat(bits(0, 0)).isEqualTo(0x40);
  }

  @Test
  void bottomRightDotIsBit0x80() {
    canvas.set(1, 3);

    assertThat(bits(0, 0)).isEqualTo(0x80);
  }

  @Test
  void middleRowsUseTheLowBitsOfEachColumn() {
    canvas.set(0, 1);
    canvas.set(0, 2);
    assertThat(bits(0, 0)).isEqualTo(0x02 | 0x04);

    canvas.set(1, 1);
    canvas.set(1, 2);
    assertThat(bits(0, 0)).isEqualTo(0x02 | 0x04 | 0x10 | 0x20);
  }

  @Test
  void dotsCombineWithinACell() {
    canvas.set(0, 0);
    canvas.set(0, 3);
    canvas.set(1, 0);

    assertThat(bits(0, 0)).isEqualTo(0x49);
  }

  @Test
  void allEightDotsFillTheCell() {
    for (int x = 0; x < 2; x++) {
      for (int y = 0; y < 4; y++) {
        canvas.set(x, y);
      }
    }

    assertThat(canvas.cell(0, 0)).isEqualTo('\u28FF');
  }

  @Test
  void settingADotTwiceChangesNothing() {
    canvas.set(1, 3);
    canvas.set(1, 3);

    assertThat(bits(0, 0)).isEqualTo(0x80);
  }

  @Test
  void dotsLandInTheirOwnCell() {
    canvas.set(2, 4);
    canvas.set(7, 7);

    assertThat(bits(1, 1)).isEqualTo(0x01);
    assertThat(bits(3, 1)).isEqualTo(0x80);
    assertThat(bits(0, 0)).isZero();
    assertThat(bits(1, 0)).isZero();
  }

  @Test
  void sizeIsInCellsAndDots() {
    assertThat(canvas.columns()).isEqualTo(4);
    assertThat(canvas.rows()).isEqualTo(2);
    assertThat(canvas.dotWidth()).isEqualTo(8);
    assertThat(canvas.dotHeight()).isEqualTo(8);
  }

  @Test
  void ignoresDotsOutsideTheCanvas() {
    canvas.set(-1, 0);
    canvas.set(0, -1);
    canvas.set(8, 0);
    canvas.set(0, 8);
    canvas.set(Integer.MAX_VALUE, Integer.MIN_VALUE);

    for (int row = 0; row < 2; row++) {
      for (int column = 0; column < 4; column++) {
        assertThat(canvas.cell(column, row)).isEqualTo(BrailleCanvas.BLANK);
      }
    }
  }

  @Test
  void rejectsAnEmptyCanvas() {
    assertThatThrownBy(() -> new BrailleCanvas(0, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BrailleCanvas(3, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  // ---- lines ----

  @Test
  void drawsADiagonalLineFromEndToEnd() {
    canvas.line(0, 0, 7, 7, null);

    for (int i = 0; i < 4; i++) {
      assertThat(bits(i, i / 2)).as("cell %d", i).isNotZero();
    }
    assertThat(bits(0, 0) & 0x01).isNotZero(); // first dot
    assertThat(bits(3, 1) & 0x80).isNotZero(); // last dot
    assertThat(bits(3, 0)).isZero();
    assertThat(bits(0, 1)).isZero();
  }

  @Test
  void drawsOneDotPerStepAlongTheLongerAxisInEitherDirection() {
    for (int[] line : new int[][] {{1, 2, 17, 9}, {17, 9, 1, 2}, {3, 11, 5, 0}}) {
      BrailleCanvas wide = new BrailleCanvas(10, 3);

      wide.line(line[0], line[1], line[2], line[3], null);

      int dots = 0;
      for (int row = 0; row < 3; row++) {
        for (int column = 0; column < 10; column++) {
          dots += Integer.bitCount(wide.cell(column, row) - BrailleCanvas.BLANK);
        }
      }
      int steps = Math.max(Math.abs(line[2] - line[0]), Math.abs(line[3] - line[1]));
      assertThat(dots).as("line %s", java.util.Arrays.toString(line)).isEqualTo(steps + 1);
      assertThat(isSet(wide, line[0], line[1])).isTrue();
      assertThat(isSet(wide, line[2], line[3])).isTrue();
    }
  }

  private static boolean isSet(BrailleCanvas canvas, int x, int y) {
    BrailleCanvas probe = new BrailleCanvas(canvas.columns(), canvas.rows());
    probe.set(x, y);
    int bit = probe.cell(x / 2, y / 4) - BrailleCanvas.BLANK;
    return ((canvas.cell(x / 2, y / 4) - BrailleCanvas.BLANK) & bit) != 0;
  }

  @Test
  void aHorizontalLineFillsEveryCellOfItsRow() {
    canvas.line(0, 5, canvas.dotWidth() - 1, 5, null);

    for (int column = 0; column < 4; column++) {
      assertThat(bits(column, 1)).isEqualTo(0x02 | 0x10);
      assertThat(bits(column, 0)).isZero();
    }
  }

  @Test
  void aVerticalLineFillsEveryCellOfItsColumn() {
    canvas.line(3, 0, 3, canvas.dotHeight() - 1, null);

    assertThat(bits(1, 0)).isEqualTo(0x08 | 0x10 | 0x20 | 0x80);
    assertThat(bits(1, 1)).isEqualTo(0x08 | 0x10 | 0x20 | 0x80);
  }

  @Test
  void aLineOfOneDotIsADot() {
    canvas.line(4, 4, 4, 4, null);

    assertThat(bits(2, 1)).isEqualTo(0x01);
  }

  @Test
  void clipsALineThatLeavesTheCanvas() {
    canvas.line(-10, 0, 20, 0, null);

    for (int column = 0; column < 4; column++) {
      assertThat(bits(column, 0)).isEqualTo(0x01 | 0x08);
    }
  }

  // ---- colours and rows ----

  @Test
  void aCellTakesTheColourOfTheLastSeriesDrawn() {
    canvas.line(0, 0, 7, 0, ChartColor.GREEN);
    canvas.line(0, 1, 3, 1, ChartColor.CYAN);

    assertThat(canvas.colour(0, 0)).isEqualTo(ChartColor.CYAN);
    assertThat(canvas.colour(1, 0)).isEqualTo(ChartColor.CYAN);
    assertThat(canvas.colour(2, 0)).isEqualTo(ChartColor.GREEN);
    assertThat(canvas.colour(0, 1)).isNull();
  }

  @Test
  void aDotWithoutColourKeepsTheCellsColour() {
    canvas.set(0, 0, ChartColor.RED);
    canvas.set(1, 1);

    assertThat(canvas.colour(0, 0)).isEqualTo(ChartColor.RED);
  }

  @Test
  void rendersARowAsWideAsTheCanvasWithSpacesForEmptyCells() {
    canvas.set(2, 0);

    String row = canvas.row(0, new Ansi(false));

    assertThat(row).isEqualTo(" \u2801  ");
    assertThat(DisplayWidth.of(row)).isEqualTo(4);
    assertThat(canvas.row(1, new Ansi(false))).isEqualTo("    ");
  }

  @Test
  void coloursRunsOfCellsOnlyWhenColoursAreOn() {
    canvas.line(0, 0, 3, 0, ChartColor.GREEN);
    canvas.line(4, 0, 7, 0, ChartColor.MAGENTA);

    String coloured = canvas.row(0, new Ansi(true));

    assertThat(coloured)
        .isEqualTo("\u001b[32m\u2809\u2809\u001b[0m\u001b[35m\u2809\u2809\u001b[0m");
    assertThat(canvas.row(0, new Ansi(false))).isEqualTo("\u2809\u2809\u2809\u2809");
  }
}
