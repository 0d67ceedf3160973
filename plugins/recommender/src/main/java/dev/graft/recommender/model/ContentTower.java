package dev.graft.recommender.model;

/**
 * The learned content tower of a two-tower model: {@code relu(c W1 + b1) W2}, mapping an item's
 * content features {@code c} to an item-embedding contribution. Arrays are row-major and owned by
 * this object.
 *
 * @param inputs content width
 * @param hidden hidden width
 * @param dimension output (embedding) width
 * @param w1 {@code inputs x hidden}
 * @param b1 {@code hidden}
 * @param w2 {@code hidden x dimension}
 */
public record ContentTower(
    int inputs, int hidden, int dimension, float[] w1, float[] b1, float[] w2) {

  /**
   * Embeds one item from its content.
   *
   * @param content {@code inputs} features
   * @return the {@code dimension} embedding contribution
   */
  public float[] apply(float[] content) {
    float[] h = new float[hidden];
    for (int j = 0; j < hidden; j++) {
      double s = b1[j];
      for (int k = 0; k < inputs; k++) {
        s += content[k] * w1[k * hidden + j];
      }
      h[j] = (float) Math.max(0, s);
    }
    float[] out = new float[dimension];
    for (int j = 0; j < hidden; j++) {
      if (h[j] != 0) {
        for (int d = 0; d < dimension; d++) {
          out[d] += h[j] * w2[j * dimension + d];
        }
      }
    }
    return out;
  }
}
