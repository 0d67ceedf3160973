package dev.graft.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.RegressionTargets;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.tensorflow.io.HostTensor;
import dev.graft.tensorflow.io.Npy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixFilesTest {

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void readsCsvWithAndWithoutHeader() throws IOException {
    FeatureMatrix a = MatrixFiles.readMatrix(write("a.csv", "f1,f2\n1,2\n3,4.5\n"));
    FeatureMatrix b = MatrixFiles.readMatrix(write("b.csv", "1;2\n\n3;4.5\n"));
    assertEquals(2, a.rows());
    assertArrayEquals(new double[] {1, 2, 3, 4.5}, a.data());
    assertArrayEquals(a.data(), b.data());
  }

  @Test
  void readsNpyFloat32AndFloat64() {
    Path f32 = dir.resolve("f.npy");
    Npy.write(f32, HostTensor.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 3, 2));
    Path f64 = dir.resolve("d.npy");
    Npy.write(f64, HostTensor.ofDoubles(new double[] {0.1, 0.2}, 2));
    FeatureMatrix m = MatrixFiles.readMatrix(f32);
    assertEquals(3, m.rows());
    assertEquals(2, m.cols());
    assertEquals(6.0, m.get(2, 1));
    FeatureMatrix v = MatrixFiles.readMatrix(f64);
    assertEquals(2, v.rows());
    assertEquals(1, v.cols());
    assertEquals(0.1, v.get(0, 0));
  }

  @Test
  void labelsAreClassesWhenIntegralRegressionOtherwiseAndNamesAreMapped() throws IOException {
    assertInstanceOf(
        ClassLabels.class, MatrixFiles.readTargets(write("y.csv", "label\n0\n1\n2\n"), false));
    assertInstanceOf(
        RegressionTargets.class, MatrixFiles.readTargets(write("r.csv", "0.5\n1.25\n"), false));
    assertInstanceOf(
        RegressionTargets.class, MatrixFiles.readTargets(write("i.csv", "0\n1\n"), true));
    ClassLabels named =
        (ClassLabels) MatrixFiles.readTargets(write("n.csv", "label\ndog\ncat\ndog\n"), false);
    assertEquals(List.of("cat", "dog"), named.names());
    assertArrayEquals(new int[] {1, 0, 1}, named.values());
    Path npy = dir.resolve("y.npy");
    Npy.write(npy, HostTensor.ofLongs(new long[] {1, 0, 1}, 3));
    assertArrayEquals(
        new int[] {1, 0, 1}, ((ClassLabels) MatrixFiles.readTargets(npy, false)).values());
  }

  @Test
  void errorsNameFileLineAndColumn() throws IOException {
    InvalidInputException bad =
        assertThrows(
            InvalidInputException.class,
            () -> MatrixFiles.readMatrix(write("bad.csv", "a,b\n1,2\n3,x\n")));
    assertEquals(GraftErrors.MALFORMED_FILE, bad.errorId());
    assertTrue(bad.getMessage().contains("bad.csv, line 3, column 2: 'x'"), bad.getMessage());
    InvalidInputException ragged =
        assertThrows(
            InvalidInputException.class, () -> MatrixFiles.readMatrix(write("r.csv", "1,2\n3\n")));
    assertTrue(ragged.getMessage().contains("line 2"), ragged.getMessage());
    InvalidInputException nan =
        assertThrows(
            InvalidInputException.class, () -> MatrixFiles.readMatrix(write("nan.csv", "1,NaN\n")));
    assertEquals(GraftErrors.NON_FINITE_VALUE, nan.errorId());
    InvalidInputException missing =
        assertThrows(
            InvalidInputException.class, () -> MatrixFiles.readMatrix(dir.resolve("none.csv")));
    assertEquals(GraftErrors.FILE_NOT_READABLE, missing.errorId());
    InvalidInputException empty =
        assertThrows(
            InvalidInputException.class, () -> MatrixFiles.readMatrix(write("e.csv", "\n")));
    assertEquals(GraftErrors.EMPTY_INPUT, empty.errorId());
    InvalidInputException probs =
        assertThrows(
            InvalidInputException.class,
            () -> MatrixFiles.readProbabilities(write("p.csv", "0.5,0.6\n")));
    assertEquals(GraftErrors.INVALID_PROBABILITIES, probs.errorId());
    assertTrue(probs.getMessage().contains("p.csv"), probs.getMessage());
  }
}
