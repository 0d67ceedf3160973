package dev.graft.engine.io;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.data.RegressionTargets;
import dev.graft.api.data.Targets;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.error.InvalidInputException;
import dev.graft.tensorflow.io.ElementType;
import dev.graft.tensorflow.io.HostTensor;
import dev.graft.tensorflow.io.Npy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads feature matrices, target labels and source probabilities from CSV or NumPy {@code .npy}
 * files (chosen by the {@code .npy} extension; anything else is read as CSV).
 *
 * <pre>{@code
 * FeatureMatrix f = MatrixFiles.readMatrix(Path.of("features.npy"));
 * Targets y = MatrixFiles.readTargets(Path.of("labels.csv"), false);
 * ProbabilityMatrix p = MatrixFiles.readProbabilities(Path.of("probs.csv"));
 * }</pre>
 */
public final class MatrixFiles {

  private static final Set<String> HEADER_WORDS =
      Set.of("label", "labels", "class", "classes", "target", "targets", "y");

  private MatrixFiles() {}

  /**
   * Reads a 2-D matrix (a 1-D {@code .npy} array or one-column CSV becomes {@code n x 1}).
   *
   * @param file a {@code .npy} (float32/float64/int, C order) or CSV file
   * @return the matrix, values checked finite
   * @throws InvalidInputException naming the file (and line/column for CSV)
   */
  public static FeatureMatrix readMatrix(Path file) {
    FeatureMatrix m;
    if (isNpy(file)) {
      HostTensor t = Npy.read(file);
      long[] shape = t.shape();
      if (shape.length == 0 || shape.length > 2) {
        throw new InvalidInputException(
            GraftErrors.MALFORMED_FILE,
            file + " holds a " + shape.length + "-D array; a matrix must be 2-D (rows x columns).");
      }
      if (t.type() == ElementType.BOOL) {
        throw new InvalidInputException(
            GraftErrors.MALFORMED_FILE, file + " holds booleans; a matrix must hold numbers.");
      }
      int rows = (int) shape[0];
      int cols = shape.length == 1 ? 1 : (int) shape[1];
      double[] data = t.type() == ElementType.FLOAT64 ? t.toDoubleArray() : asDoubles(t);
      m = FeatureMatrix.wrap(rows, cols, data);
    } else {
      CsvTable csv = CsvTable.read(file);
      int rows = csv.rowCount();
      int cols = csv.columnCount();
      double[] data = new double[rows * cols];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          data[r * cols + c] = csv.number(r, c);
        }
      }
      m = FeatureMatrix.wrap(rows, cols, data);
    }
    return m.requireFinite(file.toString());
  }

  /**
   * Reads target labels: integer labels {@code >= 0} become {@link ClassLabels}; real values (or
   * any value when {@code regression} is set) become {@link RegressionTargets}. A CSV column of
   * names (e.g. {@code cat}, {@code dog}) becomes class labels numbered in sorted name order.
   *
   * @param file a {@code .npy} or CSV file with one value per example (several columns only for
   *     regression)
   * @param regression force real-valued targets
   * @return the targets
   */
  public static Targets readTargets(Path file, boolean regression) {
    if (!regression && !isNpy(file)) {
      CsvTable csv = CsvTable.read(file);
      if (csv.columnCount() == 1 && !numericColumn(csv)) {
        return namedLabels(csv);
      }
    }
    FeatureMatrix values = readMatrix(file);
    if (regression) {
      return new RegressionTargets(values);
    }
    if (values.cols() != 1) {
      throw new InvalidInputException(
          GraftErrors.MALFORMED_FILE,
          file
              + " has "
              + values.cols()
              + " columns; class labels need exactly one (use --regression for multi-output"
              + " real-valued targets).");
    }
    double[] v = values.data();
    boolean integral = true;
    for (double x : v) {
      if (x != Math.rint(x)) {
        integral = false;
        break;
      }
    }
    if (!integral) {
      return new RegressionTargets(values);
    }
    int[] labels = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      if (v[i] < 0 || v[i] > Integer.MAX_VALUE - 1) {
        throw new InvalidInputException(
            GraftErrors.INVALID_LABELS,
            file
                + ", example "
                + (i + 1)
                + ": label "
                + v[i]
                + " is invalid; class labels are"
                + " integers 0, 1, 2, ...");
      }
      labels[i] = (int) v[i];
    }
    return ClassLabels.of(labels);
  }

  /**
   * Reads source-model class probabilities (rows summing to 1).
   *
   * @param file a {@code .npy} or CSV file, {@code n x sourceClasses}
   * @return the probabilities
   * @throws InvalidInputException GRAFT-DATA-005 naming the file and the bad row
   */
  public static ProbabilityMatrix readProbabilities(Path file) {
    FeatureMatrix m = readMatrix(file);
    try {
      return new ProbabilityMatrix(m);
    } catch (GraftException e) {
      throw new InvalidInputException(e.errorId(), file + ": " + e.detail(), e);
    }
  }

  private static boolean isNpy(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy");
  }

  private static double[] asDoubles(HostTensor t) {
    int n = t.elementCount();
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = t.getAsDouble(i);
    }
    return out;
  }

  private static boolean numericColumn(CsvTable csv) {
    for (int r = 0; r < csv.rowCount(); r++) {
      try {
        Double.parseDouble(csv.rows().get(r)[0]);
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return true;
  }

  private static ClassLabels namedLabels(CsvTable csv) {
    List<String> cells = new ArrayList<>();
    for (String[] row : csv.rows()) {
      cells.add(row[0]);
    }
    String first = cells.get(0);
    if (HEADER_WORDS.contains(first.toLowerCase(Locale.ROOT))
        && cells.stream().filter(first::equals).count() == 1) {
      cells.remove(0);
    }
    List<String> names = new ArrayList<>(new TreeSet<>(cells));
    Map<String, Integer> index = new HashMap<>();
    for (int c = 0; c < names.size(); c++) {
      index.put(names.get(c), c);
    }
    int[] labels = new int[cells.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = index.get(cells.get(i));
    }
    return ClassLabels.of(labels, names);
  }
}
