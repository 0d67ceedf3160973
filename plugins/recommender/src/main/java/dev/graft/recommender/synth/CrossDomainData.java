package dev.graft.recommender.synth;

import dev.graft.recommender.data.Interactions;
import java.util.Set;

/**
 * Two generated domains and the truth behind them.
 *
 * @param source source-domain interactions (implicit feedback)
 * @param target target-domain interactions (implicit feedback); every cold user has {@code 1..
 *     coldMax} + 1 interactions, so leave-last-out leaves {@code 1..coldMax} to train on
 * @param sharedUsers ids of target users who are also source users
 * @param coldUsers ids of the cold target users
 * @param tastes the true latent taste of each user id, by the numeric part of {@code u<k>}
 */
public record CrossDomainData(
    Interactions source,
    Interactions target,
    Set<String> sharedUsers,
    Set<String> coldUsers,
    double[][] tastes) {}
