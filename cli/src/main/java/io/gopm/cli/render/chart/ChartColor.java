package io.gopm.cli.render.chart;

import io.gopm.cli.render.Ansi;

/** The colours of chart series, in the order they are handed out (then cycled). */
public enum ChartColor {
  GREEN("32"),
  CYAN("36"),
  YELLOW("33"),
  MAGENTA("35"),
  BLUE("34"),
  RED("31"),
  WHITE("37");

  private final String sgr;

  ChartColor(String sgr) {
    this.sgr = sgr;
  }

  /** The palette colour of the {@code index}-th series (from 0), cycling through the palette. */
  public static ChartColor forIndex(int index) {
    ChartColor[] palette = values();
    return palette[Math.floorMod(index, palette.length)];
  }

  /** {@code text} in this colour, or unchanged when colours are off. */
  public String paint(String text, Ansi ansi) {
    return ansi.enabled() ? "\u001b[" + sgr + "m" + text + "\u001b[0m" : text;
  }
}
