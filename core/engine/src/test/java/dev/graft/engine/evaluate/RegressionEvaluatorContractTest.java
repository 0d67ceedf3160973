package dev.graft.engine.evaluate;

import dev.graft.api.evaluate.Evaluator;
import dev.graft.testkit.contract.EvaluatorContract;

class RegressionEvaluatorContractTest extends EvaluatorContract {

  @Override
  protected Evaluator extension() {
    return new RegressionEvaluator();
  }
}
