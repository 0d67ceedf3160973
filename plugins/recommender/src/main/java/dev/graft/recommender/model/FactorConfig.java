package dev.graft.recommender.model;

import dev.graft.api.error.ConfigException;

/**
 * How to train a factor model.
 *
 * @param objective the loss
 * @param dimension embedding dimension
 * @param epochs passes over the interactions
 * @param batchSize interactions per step
 * @param learningRate Adagrad learning rate
 * @param l2 L2 penalty on the embedding rows a batch touches (per example)
 * @param negatives sampled negatives per positive (BPR, sampled softmax)
 * @param itemIdEmbeddings whether items have a free id embedding (turn off for a pure content
 *     tower, which is what lets new items be embedded)
 * @param contentHidden hidden width of the content tower; 0 = no content tower (content features
 *     are ignored)
 * @param initScale standard deviation of the initial embeddings
 * @param priorWeight weight of the pull of user embeddings towards a {@link UserPrior}
 * @param seed seeds the initialisation, the shuffling and the negative sampling
 */
public record FactorConfig(
    Objective objective,
    int dimension,
    int epochs,
    int batchSize,
    double learningRate,
    double l2,
    int negatives,
    boolean itemIdEmbeddings,
    int contentHidden,
    double initScale,
    double priorWeight,
    long seed) {

  /** Validates. */
  public FactorConfig {
    ConfigException.require(objective != null, "objective", null, "MSE, BPR or SAMPLED_SOFTMAX");
    ConfigException.require(
        dimension >= 1 && dimension <= 1024, "dimension", dimension, "1 to 1024");
    ConfigException.require(epochs >= 1, "epochs", epochs, "at least 1");
    ConfigException.require(batchSize >= 1, "batch-size", batchSize, "at least 1");
    ConfigException.require(learningRate > 0, "learning-rate", learningRate, "positive");
    ConfigException.require(l2 >= 0, "l2", l2, "0 or more");
    ConfigException.require(
        objective == Objective.MSE || negatives >= 1, "negatives", negatives, "at least 1");
    ConfigException.require(
        itemIdEmbeddings || contentHidden > 0,
        "item tower",
        "no id embeddings and no content tower",
        "item id embeddings, a content tower, or both");
    ConfigException.require(contentHidden >= 0, "content-hidden", contentHidden, "0 or more");
    ConfigException.require(initScale > 0, "init-scale", initScale, "positive");
    ConfigException.require(priorWeight >= 0, "prior-weight", priorWeight, "0 or more");
  }

  /**
   * Biased matrix factorisation for explicit ratings.
   *
   * @param dimension the embedding dimension
   * @param seed the seed
   * @return the configuration
   */
  public static FactorConfig biasedMf(int dimension, long seed) {
    return new FactorConfig(Objective.MSE, dimension, 30, 256, 0.1, 0.02, 0, true, 0, 0.1, 0, seed);
  }

  /**
   * A two-tower model for implicit feedback, id embeddings only.
   *
   * @param dimension the embedding dimension
   * @param objective BPR or SAMPLED_SOFTMAX
   * @param seed the seed
   * @return the configuration
   */
  public static FactorConfig twoTower(int dimension, Objective objective, long seed) {
    return new FactorConfig(
        objective,
        dimension,
        30,
        256,
        0.1,
        0.01,
        objective == Objective.BPR ? 4 : 32,
        true,
        0,
        0.1,
        0,
        seed);
  }

  /**
   * This configuration with another number of epochs.
   *
   * @param n epochs
   * @return the configuration
   */
  public FactorConfig withEpochs(int n) {
    return new FactorConfig(
        objective,
        dimension,
        n,
        batchSize,
        learningRate,
        l2,
        negatives,
        itemIdEmbeddings,
        contentHidden,
        initScale,
        priorWeight,
        seed);
  }

  /**
   * This configuration with another seed.
   *
   * @param s the seed
   * @return the configuration
   */
  public FactorConfig withSeed(long s) {
    return new FactorConfig(
        objective,
        dimension,
        epochs,
        batchSize,
        learningRate,
        l2,
        negatives,
        itemIdEmbeddings,
        contentHidden,
        initScale,
        priorWeight,
        s);
  }

  /**
   * This configuration with a content tower (and optionally without id embeddings).
   *
   * @param hidden hidden width of the tower
   * @param idEmbeddings whether to keep item id embeddings
   * @return the configuration
   */
  public FactorConfig withContentTower(int hidden, boolean idEmbeddings) {
    return new FactorConfig(
        objective,
        dimension,
        epochs,
        batchSize,
        learningRate,
        l2,
        negatives,
        idEmbeddings,
        hidden,
        initScale,
        priorWeight,
        seed);
  }

  /**
   * This configuration with a prior weight.
   *
   * @param w the weight of the pull towards the user prior
   * @return the configuration
   */
  public FactorConfig withPriorWeight(double w) {
    return new FactorConfig(
        objective,
        dimension,
        epochs,
        batchSize,
        learningRate,
        l2,
        negatives,
        itemIdEmbeddings,
        contentHidden,
        initScale,
        w,
        seed);
  }

  /**
   * This configuration with another batch size and learning rate.
   *
   * @param batch interactions per step
   * @param rate the Adagrad learning rate
   * @return the configuration
   */
  public FactorConfig withBatch(int batch, double rate) {
    return new FactorConfig(
        objective,
        dimension,
        epochs,
        batch,
        rate,
        l2,
        negatives,
        itemIdEmbeddings,
        contentHidden,
        initScale,
        priorWeight,
        seed);
  }
}
