package dev.graft.api.data;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import java.util.Arrays;

/**
 * A dense {@code rows x cols} matrix of doubles in row-major order: one row per example, one column
 * per feature. Immutable by contract: {@link #data()} exposes the backing array for speed, and
 * callers must not modify it.
 */
public final class FeatureMatrix {

  private final int rows;
  private final int cols;
  private final double[] data;

  private FeatureMatrix(int rows, int cols, double[] data) {
    this.rows = rows;
    this.cols = cols;
    this.data = data;
  }

  /**
   * Wraps a row-major array without copying.
   *
   * @param rows number of rows (examples), at least 1
   * @param cols number of columns (features), at least 1
   * @param data row-major values, length {@code rows * cols}
   * @return the matrix
   * @throws InvalidInputException GRAFT-DATA-003 if empty, GRAFT-DATA-002 if the length mismatches
   */
  public static FeatureMatrix wrap(int rows, int cols, double[] data) {
    if (rows <= 0 || cols <= 0) {
      throw new InvalidInputException(
          GraftErrors.EMPTY_INPUT,
          "feature matrix is " + rows + " x " + cols + "; it needs at least one row and column.");
    }
    if (data == null || (long) rows * cols != data.length) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          "feature matrix declared "
              + rows
              + " x "
              + cols
              + " but holds "
              + (data == null ? "no array" : data.length + " values")
              + ".");
    }
    return new FeatureMatrix(rows, cols, data);
  }

  /**
   * Copies a float row-major array (as TensorFlow produces).
   *
   * @param rows number of rows
   * @param cols number of columns
   * @param data row-major float values
   * @return the matrix
   */
  public static FeatureMatrix fromFloats(int rows, int cols, float[] data) {
    double[] d = new double[data.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = data[i];
    }
    return wrap(rows, cols, d);
  }

  /**
   * Copies a jagged array of rows.
   *
   * @param rowsOfValues one array per example, all of the same length
   * @return the matrix
   * @throws InvalidInputException GRAFT-DATA-002 naming the first row of a different length
   */
  public static FeatureMatrix of(double[][] rowsOfValues) {
    if (rowsOfValues == null || rowsOfValues.length == 0 || rowsOfValues[0].length == 0) {
      throw new InvalidInputException(
          GraftErrors.EMPTY_INPUT, "feature matrix has no rows or no columns.");
    }
    int n = rowsOfValues.length;
    int d = rowsOfValues[0].length;
    double[] data = new double[n * d];
    for (int i = 0; i < n; i++) {
      if (rowsOfValues[i].length != d) {
        throw new InvalidInputException(
            GraftErrors.SIZE_MISMATCH,
            "feature matrix row "
                + i
                + " has "
                + rowsOfValues[i].length
                + " values; row 0 has "
                + d
                + ". All rows must have the same length.");
      }
      System.arraycopy(rowsOfValues[i], 0, data, i * d, d);
    }
    return new FeatureMatrix(n, d, data);
  }

  /**
   * Number of rows (examples).
   *
   * @return rows
   */
  public int rows() {
    return rows;
  }

  /**
   * Number of columns (features).
   *
   * @return columns
   */
  public int cols() {
    return cols;
  }

  /**
   * One value.
   *
   * @param row row index
   * @param col column index
   * @return the value
   */
  public double get(int row, int col) {
    return data[row * cols + col];
  }

  /**
   * A copy of one row.
   *
   * @param row row index
   * @return the row's values
   */
  public double[] row(int row) {
    return Arrays.copyOfRange(data, row * cols, (row + 1) * cols);
  }

  /**
   * The backing row-major array. Do not modify it.
   *
   * @return the values
   */
  public double[] data() {
    return data;
  }

  /**
   * A new matrix with the given rows, in the given order.
   *
   * @param indices row indices to keep
   * @return the selected rows
   */
  public FeatureMatrix selectRows(int[] indices) {
    double[] out = new double[indices.length * cols];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(data, indices[i] * cols, out, i * cols, cols);
    }
    return wrap(indices.length, cols, out);
  }

  /**
   * Checks that every value is finite.
   *
   * @param name how the caller refers to this matrix in the error (e.g. a file name)
   * @return this matrix
   * @throws InvalidInputException GRAFT-DATA-001 naming the first non-finite cell
   */
  public FeatureMatrix requireFinite(String name) {
    for (int i = 0; i < data.length; i++) {
      if (!Double.isFinite(data[i])) {
        throw new InvalidInputException(
            GraftErrors.NON_FINITE_VALUE,
            name
                + " holds "
                + data[i]
                + " at row "
                + (i / cols)
                + ", column "
                + (i % cols)
                + "; remove or impute non-finite values first.");
      }
    }
    return this;
  }

  @Override
  public String toString() {
    return "FeatureMatrix[" + rows + " x " + cols + "]";
  }
}
