package dev.graft.recommender.transfer;

import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Requirement;
import dev.graft.api.transfer.TransferContext;
import dev.graft.api.transfer.TransferResult;
import dev.graft.api.transfer.TransferStrategy;
import dev.graft.recommender.RecommenderPlugin;
import dev.graft.recommender.data.Interactions;
import dev.graft.recommender.model.FactorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code emcdr}: cross-domain transfer through shared users ({@link CrossDomainTransfer}). The
 * source is a recommender model (loader {@code recommender-model}) whose features are its users'
 * embeddings; the strategy maps them into the target's user space and either gives cold users the
 * mapped embedding ({@code mode: map}) or initialises and regularises every shared user towards it
 * ({@code mode: regularise}, the default). Options: {@code mode}, {@code cold-max} (3), {@code
 * ridge} (1), {@code prior-weight} (0.3), plus the {@link ModelOptions}.
 */
@Extension
public final class EmcdrStrategy implements TransferStrategy {

  /** The extension id. */
  public static final String ID = "emcdr";

  private static final List<String> OPTIONS = List.of("mode", "cold-max", "ridge", "prior-weight");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Cross-domain recommender transfer: map source user embeddings into the target space"
        + " (EMCDR) for cold users, or initialise and regularise towards them.";
  }

  @Override
  public Capabilities capabilities() {
    return RecommenderPlugin.capabilities(Set.of(Requirement.FEATURES));
  }

  @Override
  public TransferResult transfer(TransferContext context) {
    Interactions data = StrategySupport.trainingInteractions(context);
    Map<String, String> o = context.options();
    FactorConfig cfg =
        ModelOptions.parse(o, OPTIONS, data.catalog(), context.budget(), context.seed(), ID);
    CrossDomainTransfer.Settings settings =
        new CrossDomainTransfer.Settings(
            CrossDomainTransfer.Mode.parse(o.getOrDefault("mode", "regularise")),
            ModelOptions.integer(o, "cold-max", 3, ID),
            ModelOptions.real(o, "ridge", 1.0, ID),
            ModelOptions.real(o, "prior-weight", 0.3, ID));
    UserEmbeddings source = StrategySupport.sourceEmbeddings(context, data);
    CrossDomainTransfer.Outcome out =
        CrossDomainTransfer.transfer(source, data, cfg, settings, null);
    RecommenderModel model =
        new RecommenderModel(out.model(), StrategySupport.provenance(ID, context, cfg), true);
    List<String> notes = new ArrayList<>(out.notes());
    return new TransferResult(
        ID,
        context.source().descriptor().id(),
        model,
        StrategySupport.validation(context, model),
        notes,
        model.provenance());
  }
}
