package dev.graft.recommender.transfer;

import dev.graft.api.extension.Capabilities;
import dev.graft.api.transfer.TransferContext;
import dev.graft.api.transfer.TransferResult;
import dev.graft.api.transfer.TransferStrategy;
import dev.graft.recommender.RecommenderPlugin;
import dev.graft.recommender.data.Interactions;
import dev.graft.recommender.model.FactorConfig;
import dev.graft.recommender.model.FactorTrainer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code target-only}: the recommender baseline. Trains a factor model (biased MF for ratings,
 * two-tower with BPR or sampled softmax for implicit feedback; see {@link ModelOptions}) on the
 * target's training histories alone and ignores the source. Every transfer is judged against it.
 */
@Extension
public final class TargetOnlyStrategy implements TransferStrategy {

  /** The extension id. */
  public static final String ID = "target-only";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Recommender baseline: matrix factorisation or two-tower model on the target alone.";
  }

  @Override
  public Capabilities capabilities() {
    return RecommenderPlugin.capabilities(Set.of());
  }

  @Override
  public TransferResult transfer(TransferContext context) {
    Interactions data = StrategySupport.trainingInteractions(context);
    FactorConfig cfg =
        ModelOptions.parse(
            context.options(), List.of(), data.catalog(), context.budget(), context.seed(), ID);
    FactorTrainer.Trained t = FactorTrainer.train(data, cfg, null);
    RecommenderModel model =
        new RecommenderModel(t.model(), StrategySupport.provenance(ID, context, cfg), true);
    return new TransferResult(
        ID,
        context.source().descriptor().id(),
        model,
        StrategySupport.validation(context, model),
        List.of(
            String.format(
                Locale.ROOT,
                "%s, %d epochs on %d interactions of %d users, final loss %.4f",
                cfg.objective(),
                t.report().epochs(),
                data.size(),
                data.numUsers(),
                t.report().losses().get(t.report().losses().size() - 1))),
        model.provenance());
  }
}
