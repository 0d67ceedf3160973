package dev.graft.engine.source;

import com.google.inject.Provider;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.source.InputEncoder;
import dev.graft.engine.plugin.ExtensionRegistry;
import dev.graft.engine.plugin.RegisteredExtension;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Finds the {@link InputEncoder} of an input kind (as written under {@code input.kind} in a model's
 * manifest) among the installed ones: the host's built-ins and every loaded plugin's. Lazy: the
 * registry is asked only when an encoder is needed, so built-in extensions can depend on this class
 * without a construction cycle. Thread-safe.
 */
public final class InputEncoders {

  private final Supplier<List<InputEncoder>> installed;

  /**
   * Looks encoders up in the host's extension registry.
   *
   * @param registry the registry provider (lazy: the registry is built from the built-ins)
   */
  @Inject
  public InputEncoders(Provider<ExtensionRegistry> registry) {
    Objects.requireNonNull(registry, "registry");
    this.installed =
        () ->
            registry.get().all(InputEncoder.class).stream()
                .map(RegisteredExtension::instance)
                .toList();
  }

  private InputEncoders(List<InputEncoder> encoders) {
    List<InputEncoder> copy = List.copyOf(encoders);
    this.installed = () -> copy;
  }

  /**
   * A fixed set of encoders (for embedding applications and tests).
   *
   * @param encoders the encoders
   * @return the lookup
   */
  public static InputEncoders of(List<InputEncoder> encoders) {
    return new InputEncoders(encoders);
  }

  /**
   * The encoder of an input kind.
   *
   * @param kind the input kind, e.g. {@code image}
   * @param model the model that needs it, named in the error
   * @return the encoder
   * @throws GraftException GRAFT-EXT-001 naming the kind and the installed encoders if none fits
   */
  public InputEncoder forKind(String kind, String model) {
    List<InputEncoder> all = installed.get();
    for (InputEncoder e : all) {
      if (e.inputKind().equals(kind)) {
        return e;
      }
    }
    throw new GraftException(
        GraftErrors.REQUIREMENT_NOT_MET,
        "model "
            + model
            + " takes input of kind '"
            + kind
            + "' but no installed input encoder handles it (installed: "
            + (all.isEmpty()
                ? "none"
                : all.stream().map(e -> e.id() + " for '" + e.inputKind() + "'").toList())
            + "). Install the modality plugin that provides an encoder for '"
            + kind
            + "'.");
  }
}
