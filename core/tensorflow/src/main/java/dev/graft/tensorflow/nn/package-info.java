/**
 * Graph-mode network toolkit on TensorFlow Java: a declarative, JSON-serialisable {@link
 * dev.graft.tensorflow.nn.NetworkSpec network spec}, losses, optimizers and learning-rate schedules
 * built as graph ops, freezing and discriminative fine-tuning, and {@link
 * dev.graft.tensorflow.nn.GraphModel}, the AutoCloseable owner of the TensorFlow graph and session
 * that trains and runs a network.
 *
 * <p>DJL's TensorFlow engine runs inference only, so every strategy and plugin trains through this
 * package. Parameters are reference variables ({@code VariableV2}) so that SavedModel export keeps
 * them; their initial values are drawn in Java from a seeded generator, which makes training
 * deterministic on CPU for a fixed seed.
 */
package dev.graft.tensorflow.nn;
