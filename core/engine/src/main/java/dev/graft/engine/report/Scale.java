package dev.graft.engine.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear map from data values to pixels, with a domain widened to round numbers so its tick marks
 * fall on them.
 */
final class Scale {

  private final double domainLow;
  private final double domainHigh;
  private final double rangeLow;
  private final double rangeHigh;
  private final double step;

  private Scale(
      double domainLow, double domainHigh, double rangeLow, double rangeHigh, double step) {
    this.domainLow = domainLow;
    this.domainHigh = domainHigh;
    this.rangeLow = rangeLow;
    this.rangeHigh = rangeHigh;
    this.step = step;
  }

  /**
   * A scale covering {@code [low, high]} with about five ticks at round values.
   *
   * @param low smallest data value (finite)
   * @param high largest data value (finite)
   * @param rangeLow pixel position of the domain's low end
   * @param rangeHigh pixel position of the domain's high end
   * @return the scale
   */
  static Scale nice(double low, double high, double rangeLow, double rangeHigh) {
    if (!(high > low)) {
      double pad = low == 0 ? 1 : Math.abs(low) * 0.1;
      low -= pad;
      high += pad;
    }
    double rough = (high - low) / 5;
    double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    double fraction = rough / magnitude;
    double step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
    double niceLow = Math.floor(low / step) * step;
    double niceHigh = Math.ceil(high / step) * step;
    return new Scale(niceLow, niceHigh, rangeLow, rangeHigh, step);
  }

  /**
   * The pixel position of a value.
   *
   * @param value the value
   * @return its position
   */
  double at(double value) {
    return rangeLow + (value - domainLow) / (domainHigh - domainLow) * (rangeHigh - rangeLow);
  }

  /**
   * The round values to mark on the axis, low to high.
   *
   * @return the tick values
   */
  List<Double> ticks() {
    List<Double> ticks = new ArrayList<>();
    long count = Math.round((domainHigh - domainLow) / step);
    for (long i = 0; i <= count; i++) {
      double tick = domainLow + i * step;
      ticks.add(Math.abs(tick) < step * 1e-9 ? 0.0 : tick);
    }
    return ticks;
  }

  /**
   * A tick value as text, with as many decimals as the tick step needs.
   *
   * @param value the tick value
   * @return the label
   */
  String label(double value) {
    int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    return String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
  }
}
