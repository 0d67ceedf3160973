package dev.graft.tensorflow.savedmodel;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;

/**
 * Writes a TF Java {@link Session} (its graph and current variable values) as a SavedModel with a
 * {@link ModelManifest}, atomically.
 *
 * <p>Typical use by a trainer, once training is done:
 *
 * <pre>{@code
 * ModelManifest manifest =
 *     SavedModelExporter.of(session)
 *         .signature(Signature.builder("serving_default").input("x", x).output("y", logits).build())
 *         .signature(Signature.builder("features").input("x", x).output("features", hidden).build())
 *         .signature(Signature.builder("train_step").input("x", x).input("y", y)
 *             .output("loss", trainStepLoss).build())
 *         .inputSpec(Map.of("shape", List.of(-1, 784), "dtype", "float32"))
 *         .labels(List.of("cat", "dog"))
 *         .provenance(Map.of("seed", 42, "graft", "0.1.0"))
 *         .exportTo(Path.of("models/cats"));
 * }</pre>
 *
 * <p>Requirements on the graph: variables must be ref variables created with {@code tf.variable}
 * (TF Java's resource variables, {@code VarHandleOp}, are not saved by the exporter) and the
 * session must have been initialized. Signature keys must be unique; each signature's inputs and
 * outputs are graph operands. A signature meant for further training ({@code train_step}) should
 * output a tensor that has the variable updates as control dependencies, so running it applies
 * them.
 *
 * <p>Atomicity: the model is exported into a fresh hidden sibling folder of the target, checked by
 * reading it back ({@link SavedModelInspector}), its files are digested into {@code
 * graft-model.json}, and only then moved into place. An existing target is replaced only after the
 * new export is complete; if anything fails, the target is left as it was and the temporary folder
 * is removed.
 *
 * <p>A builder is used by one thread; the session must not run training steps while the export
 * reads its variables.
 */
public final class SavedModelExporter {

  private static final Logger LOG = LoggerFactory.getLogger(SavedModelExporter.class);

  private final Session session;
  private final Map<String, Signature> signatures = new LinkedHashMap<>();
  private final List<String> tags = new ArrayList<>(List.of(SavedModelInfo.SERVE_TAG));
  private Object inputSpec;
  private List<String> labels = List.of();
  private Map<String, Object> provenance = Map.of();

  private SavedModelExporter(Session session) {
    this.session = Objects.requireNonNull(session, "session");
  }

  /**
   * Starts an export of a session's graph and variables.
   *
   * @param session an initialized session; it stays owned by the caller
   * @return the builder
   */
  public static SavedModelExporter of(Session session) {
    return new SavedModelExporter(session);
  }

  /**
   * Adds a signature.
   *
   * @param signature a signature built with {@link Signature#builder(String)}
   * @return this builder
   * @throws IllegalArgumentException if a signature with the same key was added already
   */
  public SavedModelExporter signature(Signature signature) {
    if (signatures.putIfAbsent(signature.key(), signature) != null) {
      throw new IllegalArgumentException("signature '" + signature.key() + "' added twice");
    }
    return this;
  }

  /**
   * Adds signatures.
   *
   * @param list signatures with unique keys
   * @return this builder
   */
  public SavedModelExporter signatures(List<Signature> list) {
    list.forEach(this::signature);
    return this;
  }

  /**
   * Sets the meta graph tags (default {@code serve}, which DJL and TF Serving load).
   *
   * @param newTags one or more tags
   * @return this builder
   */
  public SavedModelExporter tags(String... newTags) {
    if (newTags.length == 0) {
      throw new IllegalArgumentException("at least one tag is needed");
    }
    tags.clear();
    tags.addAll(List.of(newTags));
    return this;
  }

  /**
   * Sets the free-form input description stored in the manifest (e.g. shape, dtype, preprocessing);
   * it must be serialisable by Jackson (maps, lists, strings, numbers, records).
   *
   * @param spec the input spec
   * @return this builder
   */
  public SavedModelExporter inputSpec(Object spec) {
    this.inputSpec = spec;
    return this;
  }

  /**
   * Sets the class labels, in output order.
   *
   * @param newLabels the labels
   * @return this builder
   */
  public SavedModelExporter labels(List<String> newLabels) {
    this.labels = List.copyOf(newLabels);
    return this;
  }

  /**
   * Sets the provenance stored in the manifest (versions, seed, data digests, metrics…); values
   * must be serialisable by Jackson.
   *
   * @param newProvenance the provenance
   * @return this builder
   */
  public SavedModelExporter provenance(Map<String, ?> newProvenance) {
    this.provenance = new LinkedHashMap<>(newProvenance);
    return this;
  }

  /**
   * Exports to {@code target}, replacing what is there only once the export is complete.
   *
   * @param target the SavedModel directory to create or replace; its parent is created if needed
   * @return the manifest written to {@code target/graft-model.json}
   * @throws GraftException {@code GRAFT-MODEL-001} if TensorFlow fails to export or the result does
   *     not read back, {@code GRAFT-IO-002} if the folders cannot be written or moved
   * @throws IllegalStateException if no signature was added
   */
  public ModelManifest exportTo(Path target) {
    if (signatures.isEmpty()) {
      throw new IllegalStateException("add at least one signature before exporting");
    }
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    Path staging = createStaging(parent, absolute.getFileName().toString());
    try {
      ModelManifest manifest = writeInto(staging);
      moveIntoPlace(staging, absolute);
      return manifest;
    } catch (RuntimeException e) {
      deleteTreeAfterFailure(staging, e);
      throw e;
    }
  }

  private ModelManifest writeInto(Path staging) {
    try {
      SavedModelBundle.exporter(staging.toString())
          .withSession(session)
          .withTags(tags.toArray(String[]::new))
          .withSignatures(signatures.values().toArray(Signature[]::new))
          .export();
    } catch (IOException | RuntimeException e) {
      throw new GraftException(
          GraftErrors.MODEL_INVALID,
          "TensorFlow failed to export signatures "
              + signatures.keySet()
              + " to "
              + staging
              + ": "
              + e.getMessage()
              + ". Check that the session is initialized and uses tf.variable (ref) variables.",
          e);
    }
    MetaGraphInfo graph = SavedModelInspector.inspect(staging).metaGraph(new HashSet<>(tags));
    Set<String> missing = new HashSet<>(signatures.keySet());
    missing.removeAll(graph.signatures().keySet());
    if (!missing.isEmpty()) {
      throw new GraftException(
          GraftErrors.MODEL_INVALID,
          "the export to "
              + staging
              + " lacks signatures "
              + missing
              + "; this is a bug in Graft.");
    }
    SortedMap<String, String> files = ModelDigests.digest(staging);
    ModelManifest manifest =
        new ModelManifest(
            ModelManifest.FORMAT_VERSION,
            tags,
            new TreeMap<>(graph.signatures()),
            inputSpec,
            labels,
            provenance,
            files);
    manifest.writeTo(staging);
    return manifest;
  }

  private static Path createStaging(Path parent, String name) {
    try {
      Files.createDirectories(parent);
      return Files.createTempDirectory(parent, "." + name + ".export-");
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_WRITABLE,
          "cannot create a staging folder in "
              + parent
              + ": "
              + e.getMessage()
              + ". Check the folder is writable and has free space.",
          e);
    }
  }

  // A directory swap (AtomicFiles.replaceDirectory); the previous export is deleted once the new
  // one is in place.
  private static void moveIntoPlace(Path staging, Path target) {
    Path backup;
    try {
      backup = AtomicFiles.replaceDirectory(staging, target);
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_WRITABLE,
          "cannot move the exported model from "
              + staging
              + " to "
              + target
              + ": "
              + e.getMessage()
              + ". The previous model, if any, was put back (or, if that failed too, is in a hidden"
              + " '."
              + target.getFileName()
              + ".old-' folder next to it).",
          e);
    }
    if (backup != null) {
      try {
        deleteTree(backup);
      } catch (GraftException e) {
        LOG.warn(
            "The new model is in place at {}, but the previous one could not be removed: {}",
            target,
            e.getMessage(),
            e);
      }
    }
  }

  private static void deleteTreeAfterFailure(Path root, RuntimeException failure) {
    try {
      deleteTree(root);
    } catch (GraftException cleanup) {
      failure.addSuppressed(cleanup);
    }
  }

  private static void deleteTree(Path root) {
    try {
      AtomicFiles.deleteTree(root);
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_WRITABLE,
          "cannot delete " + root + ": " + e.getMessage() + "; remove it by hand.",
          e);
    }
  }
}
