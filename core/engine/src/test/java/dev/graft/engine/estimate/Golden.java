package dev.graft.engine.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.tensorflow.io.HostTensor;
import dev.graft.tensorflow.io.Npy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Golden inputs and the values the published reference implementations' definitions give for them
 * (generated once with NumPy; see {@code golden/README.md}).
 */
final class Golden {

  private static final String DIR = "/dev/graft/engine/estimate/golden/";

  private Golden() {}

  static FeatureMatrix matrix(String name) {
    HostTensor t = read(name);
    long[] shape = t.shape();
    int cols = shape.length == 1 ? 1 : (int) shape[1];
    return FeatureMatrix.wrap((int) shape[0], cols, t.toDoubleArray());
  }

  static ClassLabels labels(String name) {
    HostTensor t = read(name);
    long[] v = t.toLongArray();
    int[] out = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (int) v[i];
    }
    return ClassLabels.of(out);
  }

  static ProbabilityMatrix probabilities(String name) {
    return new ProbabilityMatrix(matrix(name));
  }

  static double expected(String caseName, String estimator) {
    try (InputStream in = Golden.class.getResourceAsStream(DIR + "expected.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      return root.get(caseName).get(estimator).asDouble();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HostTensor read(String name) {
    try (InputStream in = Golden.class.getResourceAsStream(DIR + name + ".npy")) {
      if (in == null) {
        throw new IllegalStateException("missing golden file " + name);
      }
      return Npy.parse(in.readAllBytes(), name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
