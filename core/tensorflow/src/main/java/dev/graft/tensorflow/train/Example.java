package dev.graft.tensorflow.train;

/**
 * One labelled example of a {@link StreamingDataset}.
 *
 * @param features the input values
 * @param target the target row
 * @param weight the example weight (1 for unweighted)
 */
public record Example(float[] features, float[] target, float weight) {

  /**
   * An unweighted example.
   *
   * @param features the input values
   * @param target the target row
   * @return the example
   */
  public static Example of(float[] features, float[] target) {
    return new Example(features, target, 1f);
  }
}
