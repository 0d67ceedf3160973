/**
 * Image network architectures ("recipes") built with the TensorFlow toolkit's {@link
 * dev.graft.tensorflow.nn.NetworkSpec}: a small CNN, a compact residual network with batch
 * normalisation and a MobileNet-style depthwise-separable network, each sized for the input.
 */
package dev.graft.vision.recipe;
