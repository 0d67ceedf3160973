package dev.graft.engine.estimate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/** The Gram kernel and the eigen-projection agree with plain EJML. */
class NumericKernelsTest {

  private static double[] random(int len, long seed) {
    Random r = new Random(seed);
    double[] v = new double[len];
    for (int i = 0; i < len; i++) {
      v[i] = r.nextGaussian();
    }
    return v;
  }

  @Test
  void gramMatchesEjmlSerialAndParallel() {
    for (int[] shape : new int[][] {{7, 3}, {300, 70}, {1100, 600}}) {
      int n = shape[0];
      int d = shape[1];
      double[] f = random(n * d, n);
      DMatrixRMaj expected = CommonOps_DDRM.multInner(DMatrixRMaj.wrap(n, d, f), null);
      for (int threads : new int[] {1, 2, 3}) {
        double[] g = Gram.inner(RowSource.of(f, d), threads);
        for (int i = 0; i < d * d; i++) {
          assertEquals(expected.data[i], g[i], 1e-9 * Math.max(1, Math.abs(expected.data[i])));
        }
      }
    }
  }

  @Test
  void transposedAndShiftedSourcesGiveTheCentredOuterGram() {
    int n = 9;
    int d = 20;
    double[] f = random(n * d, 3);
    double[] shift = Stats.columnMeans(f, n, d);
    double[] g = Gram.inner(RowSource.transposed(f, d, null, shift));
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        double dot = 0;
        for (int j = 0; j < d; j++) {
          dot += (f[a * d + j] - shift[j]) * (f[b * d + j] - shift[j]);
        }
        assertEquals(dot, g[a * n + b], 1e-10);
      }
    }
  }

  @Test
  void eigenProjectionMatchesEjmlEigenvectors() {
    for (int k : new int[] {1, 2, 3, 5, 40, 150, 500}) {
      int c = 3;
      double[] x = random(2 * k * k, k);
      double[] g = Gram.inner(RowSource.of(x, k));
      double[] b = random(k * c, k + 1);
      EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
      eig.decompose(DMatrixRMaj.wrap(k, k, g.clone()));
      EigenProjection p = EigenProjection.of(g.clone(), k, b.clone(), c);
      double[][] expected = new double[k][];
      double[][] actual = new double[k][];
      for (int i = 0; i < k; i++) {
        DMatrixRMaj v = eig.getEigenVector(i);
        double[] row = new double[c + 1];
        row[0] = eig.getEigenvalue(i).real;
        for (int col = 0; col < c; col++) {
          double dot = 0;
          for (int j = 0; j < k; j++) {
            dot += v.data[j] * b[j * c + col];
          }
          row[col + 1] = Math.abs(dot);
        }
        expected[i] = row;
        double[] mine = new double[c + 1];
        mine[0] = p.eigenvalues()[i];
        for (int col = 0; col < c; col++) {
          mine[col + 1] = Math.abs(p.projection()[i * c + col]);
        }
        actual[i] = mine;
      }
      java.util.Comparator<double[]> byValue = java.util.Comparator.comparingDouble(r -> r[0]);
      Arrays.sort(expected, byValue);
      Arrays.sort(actual, byValue);
      for (int i = 0; i < k; i++) {
        for (int col = 0; col <= c; col++) {
          assertEquals(
              expected[i][col],
              actual[i][col],
              1e-8 * Math.max(1, Math.abs(expected[i][col])),
              "k=" + k);
        }
      }
    }
  }
}
