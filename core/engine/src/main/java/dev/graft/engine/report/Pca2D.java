package dev.graft.engine.report;

import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.error.InvalidInputException;
import dev.graft.engine.run.ProjectedPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Projects source and target features onto the top two principal components of their union, for the
 * report's source-vs-target scatter plot.
 *
 * <p>Each group is first subsampled, deterministically for a given seed, to at most {@code
 * maxPointsPerGroup} rows (kept in their original order), so the report stays small and the cost
 * stays bounded; the components are those of the centred union of the kept rows, computed in double
 * precision by a symmetric eigen decomposition of {@code XᵀX} (or of {@code XXᵀ} when there are
 * more features than points). Each component's sign is fixed so that its largest-magnitude loading
 * (the first one, on ties) is positive, so equal input always gives equal output.
 */
public final class Pca2D {

  /** The group name of source points. */
  public static final String SOURCE = "source";

  /** The group name of target points. */
  public static final String TARGET = "target";

  /** A point budget per group that keeps the report small and the plot readable. */
  public static final int DEFAULT_MAX_POINTS_PER_GROUP = 300;

  private final List<ProjectedPoint> points;
  private final double[][] components;
  private final double[] variances;

  private Pca2D(List<ProjectedPoint> points, double[][] components, double[] variances) {
    this.points = points;
    this.components = components;
    this.variances = variances;
  }

  /**
   * Fits the projection and projects the kept points.
   *
   * @param source source features, one row per example
   * @param sourceLabels the class of each source row
   * @param target target features, as wide as {@code source}
   * @param targetLabels the class of each target row
   * @param maxPointsPerGroup the most rows kept per group, at least 1
   * @param seed picks the kept rows
   * @return the fitted projection
   * @throws InvalidInputException GRAFT-DATA-002 if widths or label counts disagree, GRAFT-DATA-001
   *     if a feature is not finite, GRAFT-CONFIG-001 if {@code maxPointsPerGroup < 1}
   */
  public static Pca2D fit(
      FeatureMatrix source,
      int[] sourceLabels,
      FeatureMatrix target,
      int[] targetLabels,
      int maxPointsPerGroup,
      long seed) {
    validate(source, sourceLabels, target, targetLabels, maxPointsPerGroup);
    SplittableRandom random = new SplittableRandom(seed);
    int[] keptSource = sample(source.rows(), maxPointsPerGroup, random);
    int[] keptTarget = sample(target.rows(), maxPointsPerGroup, random);
    int n = keptSource.length + keptTarget.length;
    int d = source.cols();
    DMatrixRMaj x = new DMatrixRMaj(n, d);
    for (int i = 0; i < keptSource.length; i++) {
      System.arraycopy(source.row(keptSource[i]), 0, x.data, i * d, d);
    }
    for (int i = 0; i < keptTarget.length; i++) {
      System.arraycopy(target.row(keptTarget[i]), 0, x.data, (keptSource.length + i) * d, d);
    }
    centreColumns(x);
    double[][] eigen = topComponents(x);
    double[][] components = {eigen[0], eigen[1]};
    double[] variances = eigen[2];
    List<ProjectedPoint> points = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean fromSource = i < keptSource.length;
      int label =
          fromSource
              ? sourceLabels[keptSource[i]]
              : targetLabels[keptTarget[i - keptSource.length]];
      points.add(
          new ProjectedPoint(
              dot(x, i, components[0]),
              dot(x, i, components[1]),
              fromSource ? SOURCE : TARGET,
              label));
    }
    return new Pca2D(Collections.unmodifiableList(points), components, variances);
  }

  /**
   * Fits with {@link #DEFAULT_MAX_POINTS_PER_GROUP} and returns the projected points only.
   *
   * @param source source features
   * @param sourceLabels the class of each source row
   * @param target target features, as wide as {@code source}
   * @param targetLabels the class of each target row
   * @param seed picks the kept rows
   * @return the source points (in row order) followed by the target points (in row order)
   */
  public static List<ProjectedPoint> project(
      FeatureMatrix source,
      int[] sourceLabels,
      FeatureMatrix target,
      int[] targetLabels,
      long seed) {
    return fit(source, sourceLabels, target, targetLabels, DEFAULT_MAX_POINTS_PER_GROUP, seed)
        .points();
  }

  /**
   * The projected points: kept source rows in row order, then kept target rows in row order.
   *
   * @return the points, unmodifiable
   */
  public List<ProjectedPoint> points() {
    return points;
  }

  /**
   * A principal component as a unit vector over the features (all zeros where the data has no
   * variance left in that direction).
   *
   * @param index 0 for the first component (the x axis), 1 for the second (the y axis)
   * @return a copy of the component
   */
  public double[] component(int index) {
    return components[index].clone();
  }

  /**
   * The sample variance of the kept points along each component.
   *
   * @return {@code [variance along x, variance along y]}, a copy
   */
  public double[] variances() {
    return variances.clone();
  }

  private static void validate(
      FeatureMatrix source,
      int[] sourceLabels,
      FeatureMatrix target,
      int[] targetLabels,
      int maxPointsPerGroup) {
    if (source.cols() != target.cols()) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          "source features have "
              + source.cols()
              + " columns but target features have "
              + target.cols()
              + "; project features from the same layer.");
    }
    requireLabels("source", source, sourceLabels);
    requireLabels("target", target, targetLabels);
    if (maxPointsPerGroup < 1) {
      throw new InvalidInputException(
          GraftErrors.INVALID_CONFIG,
          "maxPointsPerGroup is " + maxPointsPerGroup + "; it must be at least 1.");
    }
    source.requireFinite("source features");
    target.requireFinite("target features");
  }

  private static void requireLabels(String group, FeatureMatrix features, int[] labels) {
    if (labels == null || labels.length != features.rows()) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          group
              + " features have "
              + features.rows()
              + " rows but "
              + (labels == null ? "no" : String.valueOf(labels.length))
              + " labels; give one label per row.");
    }
  }

  /** Up to {@code max} distinct indices below {@code rows}, ascending, chosen by the generator. */
  private static int[] sample(int rows, int max, SplittableRandom random) {
    int[] all = new int[rows];
    for (int i = 0; i < rows; i++) {
      all[i] = i;
    }
    if (rows <= max) {
      return all;
    }
    for (int i = 0; i < max; i++) {
      int j = i + random.nextInt(rows - i);
      int swap = all[i];
      all[i] = all[j];
      all[j] = swap;
    }
    int[] kept = Arrays.copyOf(all, max);
    Arrays.sort(kept);
    return kept;
  }

  private static void centreColumns(DMatrixRMaj x) {
    int n = x.numRows;
    int d = x.numCols;
    for (int c = 0; c < d; c++) {
      double sum = 0;
      for (int r = 0; r < n; r++) {
        sum += x.data[r * d + c];
      }
      double mean = sum / n;
      for (int r = 0; r < n; r++) {
        x.data[r * d + c] -= mean;
      }
    }
  }

  /**
   * The two leading principal directions of centred data and the variance along each.
   *
   * @return {@code {component 1, component 2, {variance 1, variance 2}}}
   */
  private static double[][] topComponents(DMatrixRMaj x) {
    int n = x.numRows;
    int d = x.numCols;
    boolean gram = d > n;
    DMatrixRMaj scatter = gram ? new DMatrixRMaj(n, n) : new DMatrixRMaj(d, d);
    if (gram) {
      CommonOps_DDRM.multTransB(x, x, scatter);
    } else {
      CommonOps_DDRM.multTransA(x, x, scatter);
    }
    EigenDecomposition_F64<DMatrixRMaj> eig =
        DecompositionFactory_DDRM.eig(scatter.numRows, true, true);
    if (!eig.decompose(scatter)) {
      throw new GraftException(
          GraftErrors.INTERNAL,
          "the symmetric eigen decomposition of a "
              + scatter.numRows
              + " x "
              + scatter.numRows
              + " scatter matrix failed.");
    }
    Integer[] order = new Integer[eig.getNumberOfEigenvalues()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> Double.compare(eig.getEigenvalue(b).getReal(), eig.getEigenvalue(a).getReal()));
    double[][] out = new double[3][];
    out[2] = new double[2];
    for (int k = 0; k < 2; k++) {
      double[] direction = new double[d];
      if (k < order.length && eig.getEigenVector(order[k]) != null) {
        double[] vector = eig.getEigenVector(order[k]).data;
        direction = gram ? featureDirection(x, vector) : vector.clone();
        normalise(direction);
        fixSign(direction);
      }
      out[k] = direction;
      out[2][k] = variance(x, direction);
    }
    return out;
  }

  /** {@code Xᵀu}: the feature-space direction of an eigenvector of {@code XXᵀ}. */
  private static double[] featureDirection(DMatrixRMaj x, double[] u) {
    int d = x.numCols;
    double[] v = new double[d];
    for (int r = 0; r < x.numRows; r++) {
      for (int c = 0; c < d; c++) {
        v[c] += x.data[r * d + c] * u[r];
      }
    }
    return v;
  }

  /** Scales to unit length; a vector too short to carry a direction becomes all zeros. */
  private static void normalise(double[] v) {
    double norm = 0;
    for (double value : v) {
      norm += value * value;
    }
    norm = Math.sqrt(norm);
    for (int i = 0; i < v.length; i++) {
      v[i] = norm > 1e-12 ? v[i] / norm : 0;
    }
  }

  private static void fixSign(double[] v) {
    int largest = 0;
    for (int i = 1; i < v.length; i++) {
      if (Math.abs(v[i]) > Math.abs(v[largest])) {
        largest = i;
      }
    }
    if (v[largest] < 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] = -v[i];
      }
    }
  }

  private static double variance(DMatrixRMaj x, double[] direction) {
    if (x.numRows < 2) {
      return 0;
    }
    double sum = 0;
    for (int r = 0; r < x.numRows; r++) {
      double p = dot(x, r, direction);
      sum += p * p;
    }
    return sum / (x.numRows - 1);
  }

  private static double dot(DMatrixRMaj x, int row, double[] direction) {
    double sum = 0;
    int offset = row * x.numCols;
    for (int c = 0; c < x.numCols; c++) {
      sum += x.data[offset + c] * direction[c];
    }
    return sum;
  }
}
