package dev.graft.recommender.transfer;

import dev.graft.api.error.ConfigException;
import dev.graft.api.error.InvalidInputException;
import dev.graft.recommender.RecommenderErrors;
import dev.graft.recommender.data.Interactions;
import dev.graft.recommender.model.FactorConfig;
import dev.graft.recommender.model.FactorModel;
import dev.graft.recommender.model.FactorTrainer;
import dev.graft.recommender.model.UserPrior;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cross-domain transfer through overlapping users (EMCDR, Man et al., IJCAI 2017, with a linear
 * mapping):
 *
 * <ol>
 *   <li>train the target model on the target interactions alone (the baseline);
 *   <li>fit a ridge map {@code f} from source user embeddings to target user embeddings on the
 *       shared users the target knows well (more than {@code coldMax} target interactions);
 *   <li>{@link Mode#MAP}: replace each cold shared user's target embedding with {@code f(s_u)};
 *       {@link Mode#REGULARISE}: retrain the target model with every shared user's embedding
 *       initialised at {@code f(s_u)} and pulled towards it ({@code priorWeight}), so a cold user's
 *       few target interactions and the source knowledge are combined.
 * </ol>
 *
 * Users without a source embedding keep their target-only treatment in both modes.
 */
public final class CrossDomainTransfer {

  private CrossDomainTransfer() {}

  /** How the mapped source embeddings enter the target model. */
  public enum Mode {
    /** EMCDR: cold shared users get the mapped source embedding. */
    MAP,
    /** Initialise and regularise shared users' embeddings towards the mapped source embedding. */
    REGULARISE;

    /**
     * Parses {@code map} or {@code regularise}.
     *
     * @param text the option value
     * @return the mode
     */
    public static Mode parse(String text) {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace("REGULARIZE", "REGULARISE"));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("transfer mode '" + text + "' is not map or regularise.");
      }
    }
  }

  /**
   * Transfer settings.
   *
   * @param mode how the source enters
   * @param coldMax users with at most this many target interactions are cold
   * @param ridge ridge strength of the mapping
   * @param priorWeight pull towards the mapped embedding ({@link Mode#REGULARISE})
   */
  public record Settings(Mode mode, int coldMax, double ridge, double priorWeight) {
    /** Validates. */
    public Settings {
      ConfigException.require(mode != null, "mode", null, "map or regularise");
      ConfigException.require(coldMax >= 0, "cold-max", coldMax, "0 or more");
      ConfigException.require(ridge > 0, "ridge", ridge, "positive");
      ConfigException.require(priorWeight >= 0, "prior-weight", priorWeight, "0 or more");
    }

    /**
     * Defaults: the given mode, cold users have at most 3 interactions, ridge 1, prior weight 1.
     *
     * @param mode the mode
     * @return the settings
     */
    public static Settings of(Mode mode) {
      return new Settings(mode, 3, 1.0, 1.0);
    }
  }

  /**
   * What the transfer produced.
   *
   * @param model the target model with transferred user knowledge
   * @param targetOnly the target-only model the mapping was fitted against
   * @param sharedUsers target users with a source embedding
   * @param mappingPairs warm shared users the map was fitted on
   * @param transferredColdUsers cold shared users whose embedding came from the source
   * @param mappingError mean squared error of the map on its fitting pairs
   * @param notes what was done, for reports
   */
  public record Outcome(
      FactorModel model,
      FactorModel targetOnly,
      int sharedUsers,
      int mappingPairs,
      int transferredColdUsers,
      double mappingError,
      List<String> notes) {}

  /**
   * Runs the transfer.
   *
   * @param source source user embeddings by id
   * @param target the target training interactions
   * @param config how to train target models
   * @param settings how to transfer
   * @param targetOnly an already trained target-only model on {@code target}, or null to train one
   * @return the outcome
   * @throws InvalidInputException REC-TRANSFER-001 if fewer than 2 warm users are shared
   */
  public static Outcome transfer(
      UserEmbeddings source,
      Interactions target,
      FactorConfig config,
      Settings settings,
      FactorModel targetOnly) {
    FactorModel base =
        targetOnly != null ? targetOnly : FactorTrainer.train(target, config, null).model();
    int d = base.dimension();
    int ds = source.dimension();
    int[] counts = target.userCounts();
    List<Integer> shared = new ArrayList<>();
    List<Integer> pairs = new ArrayList<>();
    for (int u = 0; u < target.numUsers(); u++) {
      if (source.get(target.userIds().get(u)).isPresent()) {
        shared.add(u);
        if (counts[u] > settings.coldMax()) {
          pairs.add(u);
        }
      }
    }
    if (pairs.size() < 2) {
      throw new InvalidInputException(
          RecommenderErrors.NO_SHARED_USERS,
          "the source shares "
              + shared.size()
              + " users with the target, "
              + pairs.size()
              + " of them with more than "
              + settings.coldMax()
              + " target interactions; the source-to-target mapping needs at least 2. Check"
              + " that both domains use the same user ids.");
    }
    int baseUser = base.userIds().size();
    float[] x = new float[pairs.size() * ds];
    float[] y = new float[pairs.size() * d];
    for (int k = 0; k < pairs.size(); k++) {
      int u = pairs.get(k);
      System.arraycopy(source.get(target.userIds().get(u)).orElseThrow(), 0, x, k * ds, ds);
      int bu = base.userIndex(target.userIds().get(u));
      System.arraycopy(base.userVector(bu), 0, y, k * d, d);
    }
    LinearMapping f = LinearMapping.fit(x, y, pairs.size(), settings.ridge());
    double error = f.error(x, y, pairs.size());
    List<String> notes = new ArrayList<>();
    notes.add(
        String.format(
            Locale.ROOT,
            "%d of %d target users are in the source; mapping fitted on %d warm shared users"
                + " (mse %.4f)",
            shared.size(),
            target.numUsers(),
            pairs.size(),
            error));
    int cold = 0;
    FactorModel model;
    if (settings.mode() == Mode.MAP) {
      float[] vectors = base.userVectors();
      for (int u : shared) {
        if (counts[u] <= settings.coldMax()) {
          int bu = base.userIndex(target.userIds().get(u));
          System.arraycopy(
              f.apply(source.get(target.userIds().get(u)).orElseThrow()), 0, vectors, bu * d, d);
          cold++;
        }
      }
      model = base.withUserVectors(vectors);
      notes.add(cold + " cold shared users take the mapped source embedding (EMCDR)");
    } else {
      float[] priorVectors = new float[target.numUsers() * d];
      float[] weights = new float[target.numUsers()];
      for (int u : shared) {
        System.arraycopy(
            f.apply(source.get(target.userIds().get(u)).orElseThrow()), 0, priorVectors, u * d, d);
        weights[u] = 1f;
        cold += counts[u] <= settings.coldMax() ? 1 : 0;
      }
      model =
          FactorTrainer.train(
                  target,
                  config.withPriorWeight(settings.priorWeight()),
                  new UserPrior(priorVectors, weights))
              .model();
      notes.add(
          shared.size()
              + " shared users initialised at and regularised towards the mapped source embedding"
              + " (prior weight "
              + settings.priorWeight()
              + "), "
              + cold
              + " of them cold");
    }
    if (baseUser != target.numUsers()) {
      notes.add("target-only model covers " + baseUser + " users");
    }
    return new Outcome(model, base, shared.size(), pairs.size(), cold, error, notes);
  }
}
