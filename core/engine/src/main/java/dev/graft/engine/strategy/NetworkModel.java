package dev.graft.engine.strategy;

import dev.graft.api.data.Dataset;
import dev.graft.api.evaluate.Predictions;
import dev.graft.api.provenance.Provenance;
import dev.graft.api.source.EncodedInputs;
import dev.graft.api.source.InputEncoder;
import dev.graft.api.transfer.TrainedModel;
import dev.graft.tensorflow.nn.GraphModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A whole trained network on encoded inputs: a backbone (transferred or trained from scratch) with
 * a head over the target's classes (or real-valued outputs). {@link #predict} encodes the examples
 * with the modality's {@link InputEncoder} and returns the softmax of the logits (or the outputs);
 * {@link #export} writes one SavedModel whose manifest carries the input spec (with its {@code
 * kind}) and the class names, so the model store can reopen it as a source.
 *
 * <p>Owns the network's TensorFlow graph and session; {@link #close()} releases them. {@link
 * #predict} and {@link #export} may be called from several threads (they are serialised).
 */
public final class NetworkModel implements TrainedModel {

  private final GraphModel network;
  private final InputEncoder encoder;
  private final Map<String, Object> inputSpec;
  private final TargetTask task;
  private final Provenance provenance;
  private boolean closed;

  /**
   * Wraps a trained network; the model takes ownership of it.
   *
   * @param network the trained network, whose outputs are the target's classes
   * @param encoder the encoder of the network's input kind
   * @param inputSpec the input spec the encoder follows (kind included)
   * @param classNames class names in output order, or empty for a regression network (whose
   *     predictions are its raw outputs)
   * @param provenance how the model was made
   */
  public NetworkModel(
      GraphModel network,
      InputEncoder encoder,
      Map<String, Object> inputSpec,
      List<String> classNames,
      Provenance provenance) {
    if (!classNames.isEmpty() && classNames.size() != network.outputWidth()) {
      network.close();
      throw new IllegalArgumentException(
          classNames.size()
              + " class names for a network with "
              + network.outputWidth()
              + " outputs");
    }
    this.network = network;
    this.encoder = encoder;
    this.inputSpec = Map.copyOf(inputSpec);
    this.task = new TargetTask(List.copyOf(classNames), network.outputWidth());
    this.provenance = provenance;
  }

  @Override
  public synchronized Predictions predict(Dataset<?> data) {
    ensureOpen();
    EncodedInputs in = EncodedData.encode(encoder, data, inputSpec, network.inputSize());
    return task.predictions(BatchedInference.logits(network, in.values(), in.count()), in.count());
  }

  @Override
  public synchronized void export(Path dir) {
    ensureOpen();
    ModelExport.write(
        network, task.classNames(), inputSpec, ModelExport.provenanceEntries(provenance), dir);
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  /**
   * The class names, in output order.
   *
   * @return the names, empty for a regression network
   */
  public List<String> classNames() {
    return task.classNames();
  }

  /**
   * The input spec examples are encoded with.
   *
   * @return the spec (kind included)
   */
  public Map<String, Object> inputSpec() {
    return inputSpec;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the model " + provenance.get("strategy.id") + " is closed");
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      network.close();
    }
  }
}
