package io.gopm.cli.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

  private final Ansi off = new Ansi(false);
  private final Ansi on = new Ansi(true);

  @Test
  void rendersTheSpecExampleExactly() {
    String table =
        new Table(List.of("ID", "Name", "Status")).row(List.of("0", "api", "online")).render(off);

    assertThat(table)
        .isEqualTo(
            "┌────┬──────┬────────┐\n"
                + "│ ID │ Name │ Status │\n"
                + "├────┼──────┼────────┤\n"
                + "│ 0  │ api  │ online │\n"
                + "└────┴──────┴────────┘\n");
  }

  @Test
  void rendersAHeaderOnlyTableWhenThereAreNoRows() {
    assertThat(new Table(List.of("Key", "Value")).render(off))
        .isEqualTo(
            "┌─────┬───────┐\n"
                + "│ Key │ Value │\n"
                + "├─────┼───────┤\n"
                + "└─────┴───────┘\n");
  }

  @Test
  void makesEachColumnAsWideAsItsWidestCellHeaderIncluded() {
    String table =
        new Table(List.of("ID", "N"))
            .row(List.of("0", "a-long-name"))
            .row(List.of("12345", "b"))
            .render(off);

    assertThat(table)
        .isEqualTo(
            "┌───────┬─────────────┐\n"
                + "│ ID    │ N           │\n"
                + "├───────┼─────────────┤\n"
                + "│ 0     │ a-long-name │\n"
                + "│ 12345 │ b           │\n"
                + "└───────┴─────────────┘\n");
  }

  @Test
  void keepsEveryLineTheSameWidth() {
    String table =
        new Table(List.of("A", "Bee", "C"))
            .row(List.of("xxxxxxx", "", "z"))
            .row(List.of("", "yy", ""))
            .render(off);

    assertThat(table.split("\n")).extracting(String::length).containsOnly(table.indexOf('\n'));
  }

  @Test
  void alignsColouredCellsLikePlainOnes() {
    Table coloured =
        new Table(List.of("ID", "Status"))
            .row(List.of(on.dim("0"), on.green("online")))
            .row(List.of(on.dim("1"), on.red("errored") + " " + on.dim("(boom)")));
    Table plain =
        new Table(List.of("ID", "Status"))
            .row(List.of("0", "online"))
            .row(List.of("1", "errored (boom)"));

    String rendered = coloured.render(on);

    assertThat(rendered).contains("\u001b[");
    assertThat(Ansi.strip(rendered)).isEqualTo(plain.render(off));
  }

  @Test
  void dimsBordersAndBoldsHeadersWhenColoursAreOn() {
    String table = new Table(List.of("ID")).row(List.of("0")).render(on);

    assertThat(table)
        .isEqualTo(
            "\u001b[2m┌────┐\u001b[0m\n"
                + "\u001b[2m│\u001b[0m \u001b[1mID\u001b[0m \u001b[2m│\u001b[0m\n"
                + "\u001b[2m├────┤\u001b[0m\n"
                + "\u001b[2m│\u001b[0m 0  \u001b[2m│\u001b[0m\n"
                + "\u001b[2m└────┘\u001b[0m\n");
  }

  @Test
  void alignsWideCharactersByDisplayColumns() {
    String table =
        new Table(List.of("Name", "X"))
            .row(List.of("漢字", "1"))
            .row(List.of("abcdef", "2"))
            .row(List.of("😀", "3"))
            .render(off);

    assertThat(table)
        .isEqualTo(
            "┌────────┬───┐\n"
                + "│ Name   │ X │\n"
                + "├────────┼───┤\n"
                + "│ 漢字   │ 1 │\n"
                + "│ abcdef │ 2 │\n"
                + "│ 😀     │ 3 │\n"
                + "└────────┴───┘\n");
    for (String line : table.split("\n")) {
      assertThat(DisplayWidth.of(line)).as(line).isEqualTo(14);
    }
  }

  @Test
  void refusesARowWithTooFewCells() {
    Table table = new Table(List.of("A", "B", "C"));

    assertThatThrownBy(() -> table.row(List.of("1", "2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected 3 cells, got 2");
  }

  @Test
  void refusesARowWithTooManyCells() {
    Table table = new Table(List.of("A"));

    assertThatThrownBy(() -> table.row(List.of("1", "2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected 1 cells, got 2");
  }

  @Test
  void doesNotChangeWhenTheCallersListsChangeAfterwards() {
    List<String> headers = new java.util.ArrayList<>(List.of("A"));
    List<String> cells = new java.util.ArrayList<>(List.of("1"));
    Table table = new Table(headers).row(cells);
    headers.set(0, "changed");
    cells.set(0, "changed");

    assertThat(table.render(off)).isEqualTo("┌───┐\n│ A │\n├───┤\n│ 1 │\n└───┘\n");
  }
}
