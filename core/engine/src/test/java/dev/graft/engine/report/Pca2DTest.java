package dev.graft.engine.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.engine.run.ProjectedPoint;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Pca2DTest {

  private static final double[] DIRECTION = unit(new double[] {1, 2, -2, 0.5, 3});

  @Test
  void pointsAlongOneDirectionRecoverIt() {
    Random random = new Random(1);
    FeatureMatrix source = line(random, 150, 0);
    FeatureMatrix target = line(random, 120, 0);
    Pca2D pca = Pca2D.fit(source, labels(150), target, labels(120), 500, 7);

    double cosine = Math.abs(dot(pca.component(0), DIRECTION));
    assertTrue(cosine > 0.999, "first component is the spread direction, |cos| = " + cosine);
    double[] variances = pca.variances();
    assertTrue(variances[0] / (variances[0] + variances[1]) > 0.99, "x carries the variance");
    double vx = variance(pca.points(), true);
    double vy = variance(pca.points(), false);
    assertTrue(vx / (vx + vy) > 0.99, "vx=" + vx + " vy=" + vy);
    assertEquals(1.0, Math.sqrt(dot(pca.component(0), pca.component(0))), 1e-9);
    assertEquals(0.0, dot(pca.component(0), pca.component(1)), 1e-9);
  }

  @Test
  void shiftedClustersSeparateAlongX() {
    Random random = new Random(2);
    FeatureMatrix source = cluster(random, 80, 0);
    FeatureMatrix target = cluster(random, 80, 6);
    List<ProjectedPoint> points = Pca2D.project(source, labels(80), target, labels(80), 3);
    double maxSource = Double.NEGATIVE_INFINITY;
    double minSource = Double.POSITIVE_INFINITY;
    double maxTarget = Double.NEGATIVE_INFINITY;
    double minTarget = Double.POSITIVE_INFINITY;
    for (ProjectedPoint p : points) {
      if (p.group().equals(Pca2D.SOURCE)) {
        maxSource = Math.max(maxSource, p.x());
        minSource = Math.min(minSource, p.x());
      } else {
        maxTarget = Math.max(maxTarget, p.x());
        minTarget = Math.min(minTarget, p.x());
      }
    }
    assertTrue(maxSource < minTarget || maxTarget < minSource, "groups do not overlap along x");
  }

  @Test
  void moreFeaturesThanPointsUsesTheGramMatrixAndAgrees() {
    Random random = new Random(3);
    FeatureMatrix wide = line(random, 40, 60);
    FeatureMatrix target = line(random, 30, 60);
    Pca2D pca = Pca2D.fit(wide, labels(40), target, labels(30), 100, 1);
    double cosine = Math.abs(dot(head(pca.component(0), DIRECTION.length), DIRECTION));
    assertTrue(cosine > 0.99, "|cos| = " + cosine);
  }

  @Test
  void subsamplesDeterministicallyWithFixedSigns() {
    Random random = new Random(4);
    FeatureMatrix source = cluster(random, 500, 0);
    FeatureMatrix target = cluster(random, 400, 3);
    Pca2D a = Pca2D.fit(source, labels(500), target, labels(400), 50, 11);
    Pca2D b = Pca2D.fit(source, labels(500), target, labels(400), 50, 11);
    assertEquals(100, a.points().size());
    assertEquals(50, a.points().stream().filter(p -> p.group().equals(Pca2D.TARGET)).count());
    assertEquals(a.points(), b.points());
    for (int k = 0; k < 2; k++) {
      double[] c = a.component(k);
      int largest = 0;
      for (int i = 1; i < c.length; i++) {
        largest = Math.abs(c[i]) > Math.abs(c[largest]) ? i : largest;
      }
      assertTrue(c[largest] > 0, "largest loading is positive");
    }
    Pca2D other = Pca2D.fit(source, labels(500), target, labels(400), 50, 12);
    assertTrue(!a.points().equals(other.points()), "another seed keeps other rows");
    assertArrayEquals(
        new int[] {0, 1, 2},
        a.points().stream().mapToInt(ProjectedPoint::label).distinct().sorted().toArray());
  }

  @Test
  void rejectsMismatchedWidthsAndLabels() {
    FeatureMatrix three = FeatureMatrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
    FeatureMatrix two = FeatureMatrix.of(new double[][] {{1, 2}, {3, 4}});
    InvalidInputException width =
        assertThrows(
            InvalidInputException.class, () -> Pca2D.fit(three, labels(2), two, labels(2), 10, 1));
    assertEquals(GraftErrors.SIZE_MISMATCH, width.errorId());
    InvalidInputException count =
        assertThrows(
            InvalidInputException.class,
            () -> Pca2D.fit(three, labels(3), three, labels(2), 10, 1));
    assertEquals(GraftErrors.SIZE_MISMATCH, count.errorId());
  }

  @Test
  void oneFeatureGivesAZeroSecondAxis() {
    FeatureMatrix source = FeatureMatrix.of(new double[][] {{1}, {2}, {3}});
    FeatureMatrix target = FeatureMatrix.of(new double[][] {{7}, {8}});
    Pca2D pca = Pca2D.fit(source, labels(3), target, labels(2), 10, 1);
    assertEquals(5, pca.points().size());
    pca.points().forEach(p -> assertEquals(0.0, p.y(), 0.0));
    assertEquals(-3.2, pca.points().get(0).x(), 1e-9);
    assertEquals(3.8, pca.points().get(4).x(), 1e-9);
  }

  /** Points {@code t * DIRECTION} plus small noise, padded with {@code extra} noisy columns. */
  private static FeatureMatrix line(Random random, int rows, int extra) {
    double[][] data = new double[rows][DIRECTION.length + extra];
    for (int r = 0; r < rows; r++) {
      double t = random.nextGaussian() * 5;
      for (int c = 0; c < data[r].length; c++) {
        double along = c < DIRECTION.length ? t * DIRECTION[c] : 0;
        data[r][c] = along + random.nextGaussian() * 0.05;
      }
    }
    return FeatureMatrix.of(data);
  }

  private static FeatureMatrix cluster(Random random, int rows, double shift) {
    double[][] data = new double[rows][4];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < 4; c++) {
        data[r][c] = random.nextGaussian() * 0.5 + (c < 2 ? shift : 0);
      }
    }
    return FeatureMatrix.of(data);
  }

  private static int[] labels(int n) {
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
    }
    return labels;
  }

  private static double[] unit(double[] v) {
    double norm = Math.sqrt(dot(v, v));
    double[] u = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      u[i] = v[i] / norm;
    }
    return u;
  }

  private static double[] head(double[] v, int n) {
    return java.util.Arrays.copyOf(v, n);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double variance(List<ProjectedPoint> points, boolean x) {
    double mean = points.stream().mapToDouble(p -> x ? p.x() : p.y()).average().orElse(0);
    return points.stream().mapToDouble(p -> Math.pow((x ? p.x() : p.y()) - mean, 2)).sum();
  }
}
