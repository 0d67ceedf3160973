package dev.graft.engine.inject;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.graft.api.estimate.TransferabilityEstimator;
import dev.graft.api.evaluate.Evaluator;
import dev.graft.api.source.SourceLoader;
import dev.graft.api.transfer.TransferStrategy;
import dev.graft.engine.estimate.BuiltinEstimators;
import dev.graft.engine.evaluate.ClassificationEvaluator;
import dev.graft.engine.evaluate.RankingEvaluator;
import dev.graft.engine.evaluate.RegressionEvaluator;
import dev.graft.engine.source.ModelStoreLoader;
import dev.graft.engine.source.SavedModelLoader;
import dev.graft.engine.strategy.CoralStrategy;
import dev.graft.engine.strategy.FineTuneStrategy;
import dev.graft.engine.strategy.KmmStrategy;
import dev.graft.engine.strategy.LinearProbeStrategy;
import dev.graft.engine.strategy.NetworkSelfTrainingStrategy;
import dev.graft.engine.strategy.ScratchStrategy;
import dev.graft.engine.strategy.SelfTrainingStrategy;
import dev.graft.engine.strategy.SourceOnlyStrategy;
import dev.graft.engine.strategy.TrAdaBoostStrategy;

/**
 * Binds the extensions that ship inside the host (estimators, strategies, evaluators) into the
 * multibound sets {@link GraftModule} declares.
 */
final class BuiltinExtensionsModule extends AbstractModule {

  @Override
  protected void configure() {
    Multibinder<TransferabilityEstimator> estimators =
        Multibinder.newSetBinder(binder(), TransferabilityEstimator.class);
    for (Class<? extends TransferabilityEstimator> estimator : BuiltinEstimators.all()) {
      estimators.addBinding().to(estimator);
    }
    Multibinder<Evaluator> evaluators = Multibinder.newSetBinder(binder(), Evaluator.class);
    evaluators.addBinding().to(ClassificationEvaluator.class);
    evaluators.addBinding().to(RegressionEvaluator.class);
    evaluators.addBinding().to(RankingEvaluator.class);
    Multibinder<SourceLoader> loaders = Multibinder.newSetBinder(binder(), SourceLoader.class);
    loaders.addBinding().to(ModelStoreLoader.class);
    loaders.addBinding().to(SavedModelLoader.class);
    Multibinder<TransferStrategy> strategies =
        Multibinder.newSetBinder(binder(), TransferStrategy.class);
    strategies.addBinding().to(ScratchStrategy.class);
    strategies.addBinding().to(LinearProbeStrategy.class);
    strategies.addBinding().to(FineTuneStrategy.class);
    strategies.addBinding().to(CoralStrategy.class);
    strategies.addBinding().to(SelfTrainingStrategy.class);
    strategies.addBinding().to(SourceOnlyStrategy.class);
    strategies.addBinding().to(NetworkSelfTrainingStrategy.class);
    strategies.addBinding().to(KmmStrategy.class);
    strategies.addBinding().to(TrAdaBoostStrategy.class);
  }
}
