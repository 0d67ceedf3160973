package dev.graft.engine.strategy;

import dev.graft.api.data.Dataset;
import dev.graft.api.evaluate.Predictions;
import dev.graft.api.provenance.Provenance;
import dev.graft.api.source.Source;
import dev.graft.api.transfer.TrainedModel;
import dev.graft.tensorflow.nn.GraphModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A softmax (or, for regression, linear) head over a source's features, for sources whose network
 * the host cannot rebuild (frozen foreign models) and for strategies that learn in feature space
 * (CORAL, self-training, KMM, TrAdaBoost). {@link #predict} embeds the examples with {@link
 * Source#features} and applies the head; {@link #export} writes the head network, with an input
 * spec of kind {@value #KIND} naming the source whose features it needs (id, location, digest,
 * width).
 *
 * <p>Owns the head's graph and session, not the source (the pipeline closes sources). Thread-safe.
 */
public final class FeatureHeadModel implements TrainedModel {

  /** The input kind of an exported head: it reads a source's features. */
  public static final String KIND = "source-features";

  private final Source source;
  private final GraphModel head;
  private final TargetTask task;
  private final Provenance provenance;
  private boolean closed;

  /**
   * Wraps a trained head; the model takes ownership of it.
   *
   * @param source the source whose features the head reads (not owned)
   * @param head the trained head network (input = the source's feature width)
   * @param classNames class names in output order, or empty for a regression head (raw outputs)
   * @param provenance how the model was made
   */
  public FeatureHeadModel(
      Source source, GraphModel head, List<String> classNames, Provenance provenance) {
    if (!classNames.isEmpty() && classNames.size() != head.outputWidth()) {
      head.close();
      throw new IllegalArgumentException(
          classNames.size() + " class names for a head with " + head.outputWidth() + " outputs");
    }
    this.source = source;
    this.head = head;
    this.task = new TargetTask(List.copyOf(classNames), head.outputWidth());
    this.provenance = provenance;
  }

  @Override
  public Predictions predict(Dataset<?> data) {
    FeatureRows x = FeatureRows.of(source.features(data));
    synchronized (this) {
      ensureOpen();
      if (x.dim() != head.inputSize()) {
        throw new IllegalStateException(
            "source "
                + source.descriptor().id()
                + " gave "
                + x.dim()
                + " features; the head takes "
                + head.inputSize());
      }
      return task.predictions(BatchedInference.logits(head, x.values(), x.rows()), x.rows());
    }
  }

  @Override
  public synchronized void export(Path dir) {
    ensureOpen();
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("kind", KIND);
    spec.put("source", source.descriptor().id());
    spec.put("sourceLoader", source.descriptor().loaderId());
    spec.put("sourceLocation", source.descriptor().location());
    spec.put("sourceDigest", source.descriptor().properties().getOrDefault("digest", ""));
    spec.put("featureWidth", head.inputSize());
    ModelExport.write(
        head, task.classNames(), spec, ModelExport.provenanceEntries(provenance), dir);
  }

  @Override
  public Provenance provenance() {
    return provenance;
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
      head.close();
    }
  }
}
