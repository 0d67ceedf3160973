package dev.graft.engine.source;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.error.ConfigException;
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
import dev.graft.tensorflow.savedmodel.ModelDigests;
import dev.graft.tensorflow.savedmodel.SavedModelInspector;
import dev.graft.tensorflow.savedmodel.SignatureInfo;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code saved-model} loader: a foreign SavedModel folder (exported by Python TensorFlow or any
 * other tool) given as the job's {@code location}, described by a {@code graft-input.json} sidecar
 * (input kind and spec, the signature output to use as features, optionally probabilities). Such a
 * model is a frozen feature extractor: {@code trainable()} is false.
 */
public final class SavedModelLoader implements SourceLoader {

  /** The extension id. */
  public static final String ID = "saved-model";

  private final InputEncoders encoders;
  private final DeviceConfig device;

  /**
   * Creates the loader for the host.
   *
   * @param config the host config (device)
   * @param encoders the installed input encoders
   */
  @Inject
  public SavedModelLoader(GraftConfig config, InputEncoders encoders) {
    this(encoders, config.device());
  }

  /**
   * Creates the loader.
   *
   * @param encoders the installed input encoders
   * @param device where the models run
   */
  public SavedModelLoader(InputEncoders encoders, DeviceConfig device) {
    this.encoders = encoders;
    this.device = device;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "A foreign SavedModel folder with a graft-input.json sidecar, as a frozen feature"
        + " extractor.";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.anyModality(
        EnumSet.of(TaskType.CLASSIFICATION, TaskType.REGRESSION, TaskType.RANKING), Set.of());
  }

  @Override
  public List<SourceDescriptor> discover(SourceQuery query) {
    String location =
        query
            .location()
            .orElseThrow(
                () ->
                    new ConfigException(
                        "'location' of a saved-model source is missing; it must be the folder"
                            + " holding saved_model.pb and graft-input.json."));
    Path dir = Path.of(location).toAbsolutePath().normalize();
    if (!Files.isRegularFile(dir.resolve(SavedModelInspector.SAVED_MODEL_FILE))) {
      throw new GraftException(
          GraftErrors.MODEL_INVALID,
          "the saved-model location "
              + dir
              + " holds no "
              + SavedModelInspector.SAVED_MODEL_FILE
              + "; give the SavedModel folder itself.");
    }
    InputSidecar sidecar = InputSidecar.read(dir);
    Modality modality =
        sidecar.modality().flatMap(GraftModels::parseModality).orElse(query.modality());
    if (query.modality() != Modality.ANY
        && modality != Modality.ANY
        && modality != query.modality()) {
      return List.of();
    }
    Map<String, String> props = new LinkedHashMap<>();
    props.put("digest", GraftModels.digestOf(ModelDigests.digest(dir)));
    props.put("input.kind", sidecar.inputSpec().get(GraftModels.KIND_KEY).toString());
    props.put("features", sidecar.features().signature() + "/" + sidecar.features().output());
    return List.of(
        new SourceDescriptor(
            "saved-model:" + dir.getFileName(),
            ID,
            SourceKind.PRETRAINED_MODEL,
            modality,
            dir.toString(),
            props));
  }

  @Override
  public Source open(SourceDescriptor descriptor) {
    Path dir = Path.of(descriptor.location());
    InputSidecar sidecar = InputSidecar.read(dir);
    String kind = sidecar.inputSpec().get(GraftModels.KIND_KEY).toString();
    InputEncoder encoder = encoders.forKind(kind, descriptor.id() + " (" + dir + ")");
    SignatureFunction features = function(dir, sidecar.features());
    SignatureFunction probabilities = null;
    try {
      if (sidecar.probabilities().isPresent()) {
        probabilities = function(dir, sidecar.probabilities().get());
      }
      return new ForeignModelSource(
          descriptor,
          sidecar.inputSpec(),
          encoder,
          features,
          probabilities,
          sidecar.probabilities().map(InputSidecar.Endpoint::softmax).orElse(false));
    } catch (RuntimeException e) {
      features.close();
      throw e;
    }
  }

  private SignatureFunction function(Path dir, InputSidecar.Endpoint endpoint) {
    SignatureInfo signature =
        SavedModelInspector.inspect(dir).metaGraph(Set.of()).signature(endpoint.signature());
    String input;
    if (endpoint.input().isPresent()) {
      input = endpoint.input().get();
      if (!signature.inputKeys().contains(input)) {
        throw new GraftException(
            GraftErrors.SIGNATURE_NOT_FOUND,
            "signature '"
                + endpoint.signature()
                + "' of "
                + dir
                + " has no input '"
                + input
                + "' (inputs: "
                + signature.inputKeys()
                + "); fix 'input' in "
                + InputSidecar.FILE_NAME
                + ".");
      }
    } else if (signature.inputKeys().size() == 1) {
      input = signature.inputKeys().get(0);
    } else {
      throw new GraftException(
          GraftErrors.SIGNATURE_NOT_FOUND,
          "signature '"
              + endpoint.signature()
              + "' of "
              + dir
              + " has inputs "
              + signature.inputKeys()
              + "; name the one that takes the encoded examples as 'input' in "
              + InputSidecar.FILE_NAME
              + ".");
    }
    if (!signature.outputKeys().contains(endpoint.output())) {
      throw new GraftException(
          GraftErrors.SIGNATURE_NOT_FOUND,
          "signature '"
              + endpoint.signature()
              + "' of "
              + dir
              + " has no output '"
              + endpoint.output()
              + "' (outputs: "
              + signature.outputKeys()
              + "); fix 'output' in "
              + InputSidecar.FILE_NAME
              + ".");
    }
    return new SignatureFunction(dir, endpoint.signature(), input, endpoint.output(), device);
  }
}
