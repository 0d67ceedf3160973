package dev.graft.recommender.model;

import dev.graft.api.error.InvalidInputException;
import dev.graft.recommender.RecommenderErrors;

/**
 * Prior user embeddings (e.g. source-domain users mapped into the target space): user {@code u}'s
 * embedding starts at {@code vectors[u]} and is pulled towards it with strength {@code
 * FactorConfig.priorWeight() * weights[u]}. A weight of 0 means "no prior" for that user.
 *
 * @param vectors row-major {@code users x dimension}
 * @param weights one weight per user, 0 or more
 */
public record UserPrior(float[] vectors, float[] weights) {

  /** Validates. */
  public UserPrior {
    if (weights.length == 0 || vectors.length % weights.length != 0) {
      throw new InvalidInputException(
          RecommenderErrors.NOT_INTERACTION_DATA,
          "user prior has " + vectors.length + " values for " + weights.length + " users.");
    }
  }

  /**
   * Users covered.
   *
   * @return the number of users
   */
  public int users() {
    return weights.length;
  }
}
