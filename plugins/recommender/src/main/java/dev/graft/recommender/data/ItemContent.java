package dev.graft.recommender.data;

import dev.graft.api.error.InvalidInputException;
import dev.graft.recommender.RecommenderErrors;
import java.util.Arrays;
import java.util.List;

/**
 * Content features of the items of a catalogue (e.g. genre indicators): one row of {@link #width()}
 * floats per item, in catalogue order.
 *
 * @param names one name per feature column (e.g. {@code genre:Comedy})
 * @param values row-major {@code items x names.size()} values; not copied, do not modify
 */
public record ItemContent(List<String> names, float[] values) {

  /** Validates. */
  public ItemContent {
    names = List.copyOf(names);
    if (names.isEmpty() || values.length % names.size() != 0) {
      throw new InvalidInputException(
          RecommenderErrors.MALFORMED_ITEM_METADATA,
          "item content has "
              + names.size()
              + " feature names and "
              + values.length
              + " values; the values must be items x features.");
    }
  }

  /**
   * Features per item.
   *
   * @return the width
   */
  public int width() {
    return names.size();
  }

  /**
   * Number of items described.
   *
   * @return the rows
   */
  public int items() {
    return values.length / names.size();
  }

  /**
   * One item's features (a copy).
   *
   * @param item the catalogue index
   * @return the features
   */
  public float[] row(int item) {
    return Arrays.copyOfRange(values, item * width(), (item + 1) * width());
  }

  /**
   * The rows of the given items.
   *
   * @param items catalogue indices
   * @return the content of those items, in that order
   */
  public ItemContent select(int[] items) {
    int w = width();
    float[] out = new float[items.length * w];
    for (int i = 0; i < items.length; i++) {
      System.arraycopy(values, items[i] * w, out, i * w, w);
    }
    return new ItemContent(names, out);
  }
}
