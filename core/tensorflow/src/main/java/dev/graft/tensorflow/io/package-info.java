/**
 * Plain-Java tensors and NumPy {@code .npy} files: {@link dev.graft.tensorflow.io.HostTensor} holds
 * a typed Java array and a shape, {@link dev.graft.tensorflow.io.Npy} reads and writes it.
 *
 * <p>Nothing here depends on DJL or TensorFlow, so these types can be used (and moved) anywhere.
 */
package dev.graft.tensorflow.io;
