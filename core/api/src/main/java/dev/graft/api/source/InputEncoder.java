package dev.graft.api.source;

import dev.graft.api.data.Dataset;
import dev.graft.api.extension.GraftExtension;
import java.util.Map;

/**
 * Encodes a modality's examples into the input tensor a Graft model expects, following the input
 * spec recorded in the model's manifest ({@code graft-model.json}). This is how the
 * modality-neutral host trains, fine-tunes and serves models on images, text, audio or
 * interactions: the plugin of the modality provides an encoder for its input kind (e.g. {@code
 * image}), the host does the rest.
 *
 * <p>Implementations are thread-safe and deterministic: the same data, spec and seed give the same
 * values.
 */
public interface InputEncoder extends GraftExtension {

  /**
   * The input kind this encoder handles, as written in manifests under {@code input.kind}, e.g.
   * {@code image}.
   *
   * @return the kind
   */
  String inputKind();

  /**
   * Encodes examples.
   *
   * @param data examples of this modality's example type
   * @param inputSpec the model's input spec (from its manifest): shape, preprocessing, vocabulary…
   * @param augment whether to apply the modality's seeded training augmentation
   * @param seed the augmentation seed (ignored when {@code augment} is false)
   * @return the encoded inputs, one example per data row, in order
   * @throws dev.graft.api.error.InvalidInputException if the data does not fit the spec (wrong
   *     example type, channels, …), naming the example and the mismatch
   */
  EncodedInputs encode(Dataset<?> data, Map<String, Object> inputSpec, boolean augment, long seed);
}
