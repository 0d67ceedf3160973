package dev.graft.engine.estimate.internal;

/**
 * A read-only view of a matrix's rows that numeric kernels copy from, so that selecting, centring
 * or transposing rows costs no extra full-size copy.
 */
public interface RowSource {

  /**
   * Number of rows.
   *
   * @return rows
   */
  int rows();

  /**
   * Number of columns.
   *
   * @return columns
   */
  int cols();

  /**
   * Copies one row into {@code dst[0, cols())}.
   *
   * @param row row index
   * @param dst destination, at least {@code cols()} long
   */
  void copyRow(int row, double[] dst);

  /**
   * Rows of a row-major array, optionally restricted to {@code indices} and shifted by {@code
   * -shift} (e.g. minus the column means).
   *
   * @param data row-major values
   * @param cols number of columns
   * @param indices the rows to expose in order, or null for all rows
   * @param shift subtracted from every row, or null
   * @return the view
   */
  static RowSource of(double[] data, int cols, int[] indices, double[] shift) {
    int rows = indices == null ? data.length / cols : indices.length;
    return new RowSource() {
      @Override
      public int rows() {
        return rows;
      }

      @Override
      public int cols() {
        return cols;
      }

      @Override
      public void copyRow(int row, double[] dst) {
        int src = (indices == null ? row : indices[row]) * cols;
        if (shift == null) {
          System.arraycopy(data, src, dst, 0, cols);
        } else {
          for (int j = 0; j < cols; j++) {
            dst[j] = data[src + j] - shift[j];
          }
        }
      }
    };
  }

  /**
   * All rows of a row-major array.
   *
   * @param data row-major values
   * @param cols number of columns
   * @return the view
   */
  static RowSource of(double[] data, int cols) {
    return of(data, cols, null, null);
  }

  /**
   * The transpose of a row-major {@code rows x cols} array, optionally of selected rows and
   * shifted: row {@code j} of the view is column {@code j} of the (selected, shifted) matrix.
   * Materialises the transpose once.
   *
   * @param data row-major values
   * @param cols number of columns of the original
   * @param indices the original rows to use, or null for all
   * @param shift subtracted from every original row, or null
   * @return the transposed view
   */
  static RowSource transposed(double[] data, int cols, int[] indices, double[] shift) {
    RowSource src = of(data, cols, indices, shift);
    int n = src.rows();
    double[] t = new double[n * cols];
    double[] row = new double[cols];
    for (int i = 0; i < n; i++) {
      src.copyRow(i, row);
      for (int j = 0; j < cols; j++) {
        t[j * n + i] = row[j];
      }
    }
    return of(t, n);
  }
}
