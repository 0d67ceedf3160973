package dev.graft.engine.report;

import dev.graft.engine.run.GuardVerdict;

/** The report's colours: a ten-colour series palette and one colour per guard verdict. */
final class Palette {

  private static final String[] SERIES = {
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2",
    "#b07aa1", "#edc948", "#9c755f", "#ff9da7", "#bab0ac"
  };

  /** Colour of source points in the projection. */
  static final String SOURCE = "#4e79a7";

  /** Colour of target points in the projection. */
  static final String TARGET = "#f28e2b";

  /** Colour of axes and grid text. */
  static final String INK = "#374151";

  /** Colour of grid lines. */
  static final String GRID = "#e5e7eb";

  private Palette() {}

  /**
   * The colour of the i-th series (cycling after ten).
   *
   * @param index the series index
   * @return a CSS colour
   */
  static String series(int index) {
    return SERIES[Math.floorMod(index, SERIES.length)];
  }

  /**
   * The dash pattern that tells apart series sharing a colour after the palette cycles.
   *
   * @param index the series index
   * @return a {@code stroke-dasharray} value ({@code none} for the first ten)
   */
  static String dash(int index) {
    int cycle = Math.floorDiv(index, SERIES.length) % 3;
    return cycle == 0 ? "none" : cycle == 1 ? "6 3" : "2 2";
  }

  /**
   * The colour of a guard verdict.
   *
   * @param verdict the verdict, may be null
   * @return a CSS colour
   */
  static String verdict(GuardVerdict verdict) {
    if (verdict == null) {
      return "#6b7280";
    }
    return switch (verdict) {
      case BASELINE -> "#6b7280";
      case BEATS_SCRATCH -> "#15803d";
      case WITHIN_NOISE -> "#b45309";
      case NEGATIVE_TRANSFER -> "#b91c1c";
    };
  }
}
