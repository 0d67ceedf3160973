package dev.graft.recommender.data;

import dev.graft.api.error.ConfigException;

/**
 * The range explicit ratings must lie in.
 *
 * @param min the lowest valid rating
 * @param max the highest valid rating
 */
public record RatingScale(double min, double max) {

  /** MovieLens {@code ratings.csv}: half stars from 0.5 to 5. */
  public static final RatingScale MOVIELENS = new RatingScale(0.5, 5);

  /** MovieLens-100K {@code u.data}: whole stars from 1 to 5. */
  public static final RatingScale MOVIELENS_100K = new RatingScale(1, 5);

  /** Validates. */
  public RatingScale {
    ConfigException.require(
        Double.isFinite(min) && Double.isFinite(max) && min < max,
        "rating scale",
        min + ".." + max,
        "finite numbers with min < max");
  }

  /**
   * Parses {@code "min..max"} or {@code "min-max"} (e.g. {@code 1..5}).
   *
   * @param text the scale
   * @return the scale
   * @throws ConfigException if it does not parse
   */
  public static RatingScale parse(String text) {
    String t = text.trim();
    int sep = t.indexOf("..");
    int len = 2;
    if (sep < 0) {
      sep = t.indexOf('-', 1);
      len = 1;
    }
    try {
      if (sep > 0) {
        return new RatingScale(
            Double.parseDouble(t.substring(0, sep)), Double.parseDouble(t.substring(sep + len)));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(
        "rating scale '" + text + "' does not parse; write it as min..max, e.g. 1..5 or 0.5..5.");
  }

  /**
   * Whether a rating lies on the scale.
   *
   * @param rating the rating
   * @return true if {@code min <= rating <= max}
   */
  public boolean contains(double rating) {
    return rating >= min && rating <= max;
  }

  /**
   * Clamps a prediction onto the scale.
   *
   * @param value a predicted rating
   * @return the nearest value on the scale
   */
  public double clamp(double value) {
    return Math.max(min, Math.min(max, value));
  }

  @Override
  public String toString() {
    return min + ".." + max;
  }
}
