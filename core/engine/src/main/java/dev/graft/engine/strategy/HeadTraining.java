package dev.graft.engine.strategy;

import dev.graft.api.config.DeviceConfig;
import dev.graft.tensorflow.nn.Activation;
import dev.graft.tensorflow.nn.FineTuning;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.LossSpec;
import dev.graft.tensorflow.nn.NetworkSpec;
import dev.graft.tensorflow.train.ArrayDataset;

/**
 * Trains a dense head (one linear layer over feature vectors; softmax for classes, linear for
 * regression) with optional per-example weights, through the toolkit's weighted loss. Shared by the
 * feature-space strategies.
 */
final class HeadTraining {

  private HeadTraining() {}

  /** Labelled feature rows with optional weights. */
  record Examples(FeatureRows x, int[] labels, float[] weights) {
    ArrayDataset dataset(int numClasses) {
      ArrayDataset d = ArrayDataset.ofClasses(x.values(), x.dim(), labels, numClasses);
      return weights == null ? d : d.withWeights(weights);
    }
  }

  static NetworkSpec spec(int featureWidth, int numClasses) {
    return NetworkSpec.builder()
        .optName("feature-head")
        .setInputShape(featureWidth)
        .dense(SourceNetwork.HEAD, numClasses, Activation.LINEAR)
        .build();
  }

  /**
   * Trains a new softmax head on labelled feature rows.
   *
   * @param train the training examples
   * @param validation validation examples, or null
   * @param numClasses output width
   * @param settings rate, batch, patience, epochs
   * @param seed the run seed (initialisation and shuffles derive from it)
   * @param device where to train
   * @param deadline the time budget
   * @return the trained head (the caller closes it) and what the fit did
   */
  static Trained train(
      Examples train,
      Examples validation,
      int numClasses,
      HeadSettings settings,
      long seed,
      DeviceConfig device,
      Deadline deadline) {
    return trainOn(
        train.dataset(numClasses),
        validation == null ? null : validation.dataset(numClasses),
        train.x().dim(),
        LossSpec.softmaxCrossEntropy(),
        numClasses,
        settings,
        seed,
        device,
        deadline);
  }

  /**
   * Trains a new head (softmax or, with a regression loss, linear) on feature rows.
   *
   * @param train the training rows and targets
   * @param validation validation rows and targets, or null
   * @param featureWidth values per row
   * @param loss the loss (softmax cross-entropy or mean squared error)
   * @param outputs the head's output width
   * @param settings rate, batch, patience, epochs
   * @param seed the run seed
   * @param device where to train
   * @param deadline the time budget
   * @return the trained head (the caller closes it) and what the fit did
   */
  static Trained trainOn(
      ArrayDataset train,
      ArrayDataset validation,
      int featureWidth,
      LossSpec loss,
      int outputs,
      HeadSettings settings,
      long seed,
      DeviceConfig device,
      Deadline deadline) {
    GraphModel head =
        Runs.network(
            spec(featureWidth, outputs),
            loss,
            FineTuning.all(),
            settings.learningRate(),
            Runs.derive(seed, 1),
            device);
    try {
      Fitting.Outcome outcome =
          Fitting.fit(
              head,
              train,
              validation,
              settings.epochs(),
              settings.batchSize(),
              settings.patience(),
              Runs.derive(seed, 2),
              deadline);
      return new Trained(head, outcome);
    } catch (RuntimeException e) {
      head.close();
      throw e;
    }
  }

  /**
   * A trained head and its fit.
   *
   * @param head the head network (owned by the caller)
   * @param outcome what the fit did
   */
  record Trained(GraphModel head, Fitting.Outcome outcome) {}
}
