package io.gopm.cli.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A bordered table drawn with box characters, every column as wide as its widest cell (measured in
 * terminal columns, colours ignored), one space of padding, borders dimmed and headers bold.
 *
 * <pre>
 * ┌────┬──────┐
 * │ ID │ Name │
 * ├────┼──────┤
 * │ 0  │ api  │
 * └────┴──────┘
 * </pre>
 */
public final class Table {

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  public Table(List<String> headers) {
    this.headers = List.copyOf(headers);
  }

  /** Adds a row of (possibly coloured) cells, one per header. */
  public Table row(List<String> cells) {
    if (cells.size() != headers.size()) {
      throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.size());
    }
    rows.add(List.copyOf(cells));
    return this;
  }

  /** The table as text, each line ending with a newline. */
  public String render(Ansi ansi) {
    int[] widths = new int[headers.size()];
    for (int c = 0; c < headers.size(); c++) {
      widths[c] = DisplayWidth.of(headers.get(c));
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], DisplayWidth.of(row.get(c)));
      }
    }
    StringBuilder out = new StringBuilder();
    border(out, ansi, widths, "┌", "┬", "┐");
    List<String> boldHeaders = new ArrayList<>();
    for (String header : headers) {
      boldHeaders.add(ansi.bold(header));
    }
    line(out, ansi, widths, boldHeaders);
    border(out, ansi, widths, "├", "┼", "┤");
    for (List<String> row : rows) {
      line(out, ansi, widths, row);
    }
    border(out, ansi, widths, "└", "┴", "┘");
    return out.toString();
  }

  private static void border(StringBuilder out, Ansi ansi, int[] widths, String left, String middle, String right) {
    StringBuilder line = new StringBuilder(left);
    for (int c = 0; c < widths.length; c++) {
      line.append("─".repeat(widths[c] + 2)).append(c + 1 < widths.length ? middle : right);
    }
    out.append(ansi.dim(line.toString())).append('\n');
  }

  private static void line(StringBuilder out, Ansi ansi, int[] widths, List<String> cells) {
    String bar = ansi.dim("│");
    out.append(bar);
    for (int c = 0; c < widths.length; c++) {
      String cell = cells.get(c);
      out.append(' ').append(cell).append(" ".repeat(widths[c] - DisplayWidth.of(cell))).append(' ').append(bar);
    }
    out.append('\n');
  }
}
