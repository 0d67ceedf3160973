/**
 * Built-in source loaders: {@code model-store} (Graft models, each a SavedModel folder with {@code
 * graft-model.json}, under the model store or a job's location) and {@code saved-model} (a foreign
 * SavedModel described by a {@code graft-input.json} sidecar), plus {@link
 * dev.graft.engine.source.InputEncoders}, the lookup of the modality plugins' input encoders by
 * input kind.
 */
package dev.graft.engine.source;
