package dev.graft.engine.source;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.TaskType;
import dev.graft.api.source.InputEncoder;
import dev.graft.api.source.Source;
import dev.graft.api.source.SourceDescriptor;
import dev.graft.api.source.SourceKind;
import dev.graft.api.source.SourceLoader;
import dev.graft.api.source.SourceQuery;
import dev.graft.engine.GraftConfig;
import dev.graft.tensorflow.savedmodel.ModelManifest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code model-store} loader: lists the Graft models (folders holding {@code graft-model.json},
 * as written by {@code NetworkExport}) under the model store or the job's {@code location}, up to
 * {@value #MAX_DEPTH} folders deep, keeping those whose manifest records the job's modality (or
 * none), and opens them as trainable sources.
 *
 * <p>Candidate ids are {@code store:<path relative to the store, with '/'>}; the {@code digest}
 * property identifies the weights for the feature cache.
 */
public final class ModelStoreLoader implements SourceLoader {

  /** The extension id. */
  public static final String ID = "model-store";

  /** How deep below the store folder models are looked for. */
  public static final int MAX_DEPTH = 3;

  private final Path defaultStore;
  private final InputEncoders encoders;
  private final DeviceConfig device;
  private final com.google.inject.Provider<dev.graft.engine.plugin.ExtensionRegistry> registry;

  /**
   * Creates the loader for the host.
   *
   * @param config the host config (model store folder, device)
   * @param encoders the installed input encoders
   * @param registry the host's extensions (lazily: readers of source-data sidecars)
   */
  @Inject
  public ModelStoreLoader(
      GraftConfig config,
      InputEncoders encoders,
      com.google.inject.Provider<dev.graft.engine.plugin.ExtensionRegistry> registry) {
    this.defaultStore = config.modelStore();
    this.encoders = encoders;
    this.device = config.device();
    this.registry = registry;
  }

  /**
   * Creates the loader.
   *
   * @param defaultStore the folder searched when a job names no location
   * @param encoders the installed input encoders
   * @param device where the models run
   */
  public ModelStoreLoader(Path defaultStore, InputEncoders encoders, DeviceConfig device) {
    this.defaultStore = defaultStore;
    this.encoders = encoders;
    this.device = device;
    this.registry = null;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Graft models (SavedModel + graft-model.json) in the model store or a job's folder, as"
        + " trainable sources.";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.anyModality(
        EnumSet.of(TaskType.CLASSIFICATION, TaskType.REGRESSION, TaskType.RANKING), Set.of());
  }

  @Override
  public List<SourceDescriptor> discover(SourceQuery query) {
    Path root = query.location().map(Path::of).orElse(defaultStore).toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      if (query.location().isPresent()) {
        throw new GraftException(
            GraftErrors.FILE_NOT_READABLE,
            "the model-store location "
                + root
                + " is not a folder; give a folder holding Graft models (each with "
                + ModelManifest.FILE_NAME
                + ").");
      }
      return List.of();
    }
    List<SourceDescriptor> out = new ArrayList<>();
    for (Path dir : modelFolders(root)) {
      ModelManifest manifest = ModelManifest.readFrom(dir);
      Modality modality = GraftModels.modality(manifest).orElse(query.modality());
      if (query.modality() != Modality.ANY
          && modality != Modality.ANY
          && modality != query.modality()) {
        continue;
      }
      out.add(describe(root, dir, manifest, modality));
    }
    return out;
  }

  private static List<Path> modelFolders(Path root) {
    if (ModelManifest.existsIn(root)) {
      return List.of(root);
    }
    try (Stream<Path> walk = Files.walk(root, MAX_DEPTH)) {
      List<Path> all =
          walk.filter(Files::isDirectory).filter(ModelManifest::existsIn).sorted().toList();
      List<Path> outer = new ArrayList<>();
      for (Path p : all) {
        if (outer.stream().noneMatch(p::startsWith)) {
          outer.add(p);
        }
      }
      return outer;
    } catch (IOException | UncheckedIOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_READABLE,
          "cannot list the model store " + root + ": " + e.getMessage() + ". Check permissions.",
          e);
    }
  }

  private SourceDescriptor describe(
      Path root, Path dir, ModelManifest manifest, Modality modality) {
    String relative =
        root.equals(dir) ? dir.getFileName().toString() : root.relativize(dir).toString();
    Map<String, String> props = new LinkedHashMap<>();
    props.put("digest", GraftModels.weightsDigest(manifest));
    if (manifest.provenance().get("network") instanceof Map<?, ?> net && net.get("name") != null) {
      props.put("architecture", net.get("name").toString());
    }
    if (manifest.inputSpec() instanceof Map<?, ?> spec && spec.get(GraftModels.KIND_KEY) != null) {
      props.put("input.kind", spec.get(GraftModels.KIND_KEY).toString());
    }
    if (manifest.provenance().get("dataset") != null) {
      props.put("dataset", manifest.provenance().get("dataset").toString());
    }
    props.put("classes", Integer.toString(manifest.labels().size()));
    return new SourceDescriptor(
        "store:" + relative.replace('\\', '/'),
        ID,
        SourceKind.PRETRAINED_MODEL,
        modality,
        dir.toString(),
        props);
  }

  @Override
  public Source open(SourceDescriptor descriptor) {
    Path dir = Path.of(descriptor.location());
    if (!ModelManifest.existsIn(dir)) {
      throw new GraftException(
          GraftErrors.MODEL_INVALID,
          "source "
              + descriptor.id()
              + ": "
              + dir
              + " holds no "
              + ModelManifest.FILE_NAME
              + "; it was moved or deleted since discovery. Run the job again.");
    }
    ModelManifest manifest = ModelManifest.readFrom(dir);
    String kind = GraftModels.inputKind(GraftModels.inputSpec(manifest, dir), dir);
    InputEncoder encoder = encoders.forKind(kind, descriptor.id() + " (" + dir + ")");
    Optional<SourceDataSidecar> sourceData =
        registry == null ? Optional.empty() : SourceDataSidecar.of(dir);
    return new GraftModelSource(
        descriptor,
        dir,
        manifest,
        encoder,
        device,
        () -> sourceData.map(sidecar -> sidecar.read(registry.get())));
  }
}
