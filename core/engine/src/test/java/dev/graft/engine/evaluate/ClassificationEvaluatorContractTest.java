package dev.graft.engine.evaluate;

import dev.graft.api.evaluate.Evaluator;
import dev.graft.testkit.contract.EvaluatorContract;

class ClassificationEvaluatorContractTest extends EvaluatorContract {

  @Override
  protected Evaluator extension() {
    return new ClassificationEvaluator();
  }
}
