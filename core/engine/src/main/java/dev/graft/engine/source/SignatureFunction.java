package dev.graft.engine.source;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.source.EncodedInputs;
import dev.graft.tensorflow.io.HostTensor;
import dev.graft.tensorflow.savedmodel.SavedModelRunner;
import java.nio.file.Path;
import java.util.Map;

/**
 * One output of one SavedModel signature, run in batches on encoded inputs. The DJL runner is
 * opened on first use and owned until {@link #close()}. Thread-safe (calls are serialised by the
 * runner).
 */
final class SignatureFunction implements AutoCloseable {

  /** Rows per inference call, bounding native memory. */
  static final int BATCH_SIZE = 256;

  private final Path directory;
  private final String signature;
  private final String inputKey;
  private final String outputKey;
  private final DeviceConfig device;
  private SavedModelRunner runner;
  private boolean closed;

  SignatureFunction(
      Path directory, String signature, String inputKey, String outputKey, DeviceConfig device) {
    this.directory = directory;
    this.signature = signature;
    this.inputKey = inputKey;
    this.outputKey = outputKey;
    this.device = device;
  }

  /** Output rows: {@code width} values per example, row-major. */
  record Rows(int width, float[] values) {}

  Rows apply(EncodedInputs inputs) {
    int[] shape = inputs.exampleShape();
    long[] dims = new long[shape.length + 1];
    dims[0] = inputs.count();
    for (int i = 0; i < shape.length; i++) {
      dims[i + 1] = shape[i];
    }
    Map<String, HostTensor> out =
        runner()
            .runBatched(Map.of(inputKey, HostTensor.ofFloats(inputs.values(), dims)), BATCH_SIZE);
    HostTensor result = out.get(outputKey);
    if (result == null) {
      throw new GraftException(
          GraftErrors.SIGNATURE_NOT_FOUND,
          "signature '"
              + signature
              + "' of "
              + directory
              + " has no output '"
              + outputKey
              + "' (outputs: "
              + out.keySet()
              + "); name one of them.");
    }
    float[] values = result.toFloatArray();
    int width = inputs.count() == 0 ? 0 : values.length / inputs.count();
    return new Rows(width, values);
  }

  private synchronized SavedModelRunner runner() {
    if (closed) {
      throw new IllegalStateException("the source model " + directory + " is closed");
    }
    if (runner == null) {
      runner = SavedModelRunner.builder(directory).signature(signature).device(device).open();
      if (!runner.signature().outputKeys().contains(outputKey)) {
        String outputs = runner.signature().outputKeys().toString();
        runner.close();
        runner = null;
        throw new GraftException(
            GraftErrors.SIGNATURE_NOT_FOUND,
            "signature '"
                + signature
                + "' of "
                + directory
                + " has no output '"
                + outputKey
                + "' (outputs: "
                + outputs
                + "); name one of them.");
      }
    }
    return runner;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (runner != null) {
      runner.close();
      runner = null;
    }
  }
}
