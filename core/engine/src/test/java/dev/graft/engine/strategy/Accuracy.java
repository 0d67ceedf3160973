package dev.graft.engine.strategy;

import dev.graft.api.data.Dataset;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.transfer.TrainedModel;

/** Test accuracy of a model. */
final class Accuracy {

  private Accuracy() {}

  static double of(TrainedModel model, Dataset<?> test) {
    ProbabilityMatrix p = model.predict(test).probabilities().orElseThrow();
    int[] predicted = p.argmax().values();
    int correct = 0;
    for (int i = 0; i < predicted.length; i++) {
      correct += predicted[i] == test.classLabels().get(i) ? 1 : 0;
    }
    return correct / (double) predicted.length;
  }
}
