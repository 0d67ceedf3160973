/**
 * SavedModels in and out of Graft.
 *
 * <ul>
 *   <li>{@link dev.graft.tensorflow.savedmodel.SavedModelInspector} reads any SavedModel's tags and
 *       signatures (no native code needed);
 *   <li>{@link dev.graft.tensorflow.savedmodel.SavedModelRunner} runs a signature through DJL's
 *       TensorFlow engine on plain-Java {@link dev.graft.tensorflow.io.HostTensor}s;
 *   <li>{@link dev.graft.tensorflow.savedmodel.SavedModelExporter} writes a TF Java session as a
 *       SavedModel atomically, with a {@link dev.graft.tensorflow.savedmodel.ModelManifest} ({@code
 *       graft-model.json}) holding signatures, input spec, labels, provenance and file digests that
 *       {@link dev.graft.tensorflow.savedmodel.ModelDigests} verifies on load.
 * </ul>
 */
package dev.graft.tensorflow.savedmodel;
