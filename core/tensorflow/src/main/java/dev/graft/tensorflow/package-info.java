/**
 * Graft's TensorFlow layer: the offline native bootstrap and device settings ({@link
 * dev.graft.tensorflow.runtime}), SavedModel export, inspection and inference ({@link
 * dev.graft.tensorflow.savedmodel}), NumPy {@code .npy} files ({@link dev.graft.tensorflow.io}),
 * and the graph-mode network toolkit ({@code dev.graft.tensorflow.nn}, {@code
 * dev.graft.tensorflow.train}).
 *
 * <p>Everything here runs on one copy of TensorFlow's native libraries per JVM, shared by DJL's
 * TensorFlow engine and TF Java; call {@link
 * dev.graft.tensorflow.runtime.TensorFlowRuntime#start()} before touching either.
 */
package dev.graft.tensorflow;
