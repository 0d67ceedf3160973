package dev.graft.tensorflow.nn;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Initial parameter values, drawn in Java from a generator seeded by (network seed, parameter name)
 * so that every parameter's initial value depends only on the seed and its own name, not on layer
 * order or thread scheduling.
 */
final class Initializers {

  private Initializers() {}

  /** How a parameter starts. */
  enum Kind {
    /** Glorot (Xavier) uniform, for kernels. */
    GLOROT_UNIFORM,
    /** Uniform in [-0.05, 0.05], for embedding tables (Keras' default). */
    SMALL_UNIFORM,
    /** All zeros. */
    ZEROS,
    /** All ones. */
    ONES
  }

  static long seedFor(long seed, String name) {
    long h = 1125899906842597L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h = 31 * h + b;
    }
    return new SplittableRandom(seed ^ h).nextLong();
  }

  /**
   * Draws initial values.
   *
   * @param kind the initializer
   * @param shape the parameter shape; for kernels the last axis is fan-out and the second to last
   *     fan-in, earlier axes are the receptive field
   * @param seed the network seed
   * @param name the parameter name
   * @return the values, row-major
   */
  static float[] values(Kind kind, long[] shape, long seed, String name) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    float[] v = new float[Math.toIntExact(n)];
    switch (kind) {
      case ZEROS:
        return v;
      case ONES:
        java.util.Arrays.fill(v, 1f);
        return v;
      case SMALL_UNIFORM:
        return uniform(v, 0.05, seedFor(seed, name));
      case GLOROT_UNIFORM:
        long receptive = 1;
        for (int i = 0; i < shape.length - 2; i++) {
          receptive *= shape[i];
        }
        long fanIn = shape.length >= 2 ? shape[shape.length - 2] * receptive : shape[0];
        long fanOut = shape[shape.length - 1] * receptive;
        return uniform(v, Math.sqrt(6.0 / (fanIn + fanOut)), seedFor(seed, name));
      default:
        throw new IllegalStateException("unhandled initializer " + kind);
    }
  }

  private static float[] uniform(float[] v, double limit, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) ((r.nextDouble() * 2 - 1) * limit);
    }
    return v;
  }
}
