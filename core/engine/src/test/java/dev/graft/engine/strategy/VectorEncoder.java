package dev.graft.engine.strategy;

import dev.graft.api.data.Dataset;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.TaskType;
import dev.graft.api.source.EncodedInputs;
import dev.graft.api.source.InputEncoder;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A test encoder for the synthetic input kind {@value #KIND}: examples are {@code float[]} vectors
 * of the spec's shape; augmentation adds seeded Gaussian noise of standard deviation 0.1.
 */
public final class VectorEncoder implements InputEncoder {

  /** The input kind. */
  public static final String KIND = "vector";

  @Override
  public String id() {
    return "vector-encoder";
  }

  @Override
  public String description() {
    return "Test encoder for float vectors.";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(
        EnumSet.of(Modality.TABULAR), EnumSet.of(TaskType.CLASSIFICATION), Set.of());
  }

  @Override
  public String inputKind() {
    return KIND;
  }

  @Override
  public EncodedInputs encode(
      Dataset<?> data, Map<String, Object> inputSpec, boolean augment, long seed) {
    int width = width(inputSpec);
    float[] out = new float[data.size() * width];
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < data.size(); i++) {
      float[] x = (float[]) data.example(i);
      if (x.length != width) {
        throw new InvalidInputException(
            GraftErrors.SIZE_MISMATCH,
            "example " + i + " has " + x.length + " values, not " + width);
      }
      for (int j = 0; j < width; j++) {
        out[i * width + j] = augment ? x[j] + (float) (0.1 * gaussian(rnd)) : x[j];
      }
    }
    return new EncodedInputs(out, data.size(), new int[] {width});
  }

  private static double gaussian(SplittableRandom rnd) {
    double u = Math.max(1e-12, rnd.nextDouble());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
  }

  private static int width(Map<String, Object> spec) {
    List<?> shape = (List<?>) spec.get("shape");
    return ((Number) shape.get(shape.size() - 1)).intValue();
  }
}
