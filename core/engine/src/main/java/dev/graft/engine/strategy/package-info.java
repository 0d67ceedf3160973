/**
 * The built-in transfer strategies: {@code scratch} (the baseline), {@code linear-probe}, {@code
 * fine-tune}, {@code coral}, {@code self-training}, {@code kmm} and {@code tradaboost}, and the
 * models they return: {@link dev.graft.engine.strategy.NetworkModel} (a whole network on encoded
 * inputs, exported as one SavedModel) and {@link dev.graft.engine.strategy.FeatureHeadModel} (a
 * softmax head over a source's features).
 *
 * <p>Every strategy trains in TensorFlow graph mode through {@code dev.graft.tensorflow.nn} and is
 * deterministic on CPU for a given seed: parameters are initialised, batches shuffled and inputs
 * augmented from seeds derived from the run's seed.
 */
package dev.graft.engine.strategy;
