/**
 * The {@code text} input encoder and the text input spec that Graft text models record in their
 * manifests and foreign SavedModels declare in their {@code graft-input.json} sidecar.
 */
package dev.graft.nlp.encode;
