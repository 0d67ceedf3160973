package dev.graft.recommender.synth;

import dev.graft.api.error.ConfigException;

/**
 * What {@link CrossDomainGenerator} generates.
 *
 * @param targetUsers users of the target domain
 * @param overlap fraction of target users who are also source users, in [0, 1]
 * @param sourceOnlyUsers source users who are not target users
 * @param sourceItems items of the source domain
 * @param targetItems items of the target domain
 * @param dimension dimension of the latent tastes and item factors
 * @param sourceInteractions mean interactions per source user (at least 2)
 * @param targetInteractions mean interactions per warm target user (at least 2)
 * @param coldFraction fraction of target users who are cold
 * @param coldMax a cold user has 1 to {@code coldMax} training interactions (plus one held out)
 * @param signal weight of the taste-item affinity in a user's choice
 * @param noise standard deviation of the per-interaction Gumbel-free Gaussian noise
 * @param popularitySkew Zipf exponent of the item popularity bias (0 = none)
 * @param contentWidth width of item content features, a noisy linear view of the item factors
 *     through a map shared by both domains (0 = no content)
 * @param contentNoise standard deviation of the content noise
 * @param seed the seed every draw derives from
 */
public record CrossDomainConfig(
    int targetUsers,
    double overlap,
    int sourceOnlyUsers,
    int sourceItems,
    int targetItems,
    int dimension,
    double sourceInteractions,
    double targetInteractions,
    double coldFraction,
    int coldMax,
    double signal,
    double noise,
    double popularitySkew,
    int contentWidth,
    double contentNoise,
    long seed) {

  /** Validates. */
  public CrossDomainConfig {
    ConfigException.require(targetUsers >= 2, "targetUsers", targetUsers, "at least 2");
    ConfigException.require(overlap >= 0 && overlap <= 1, "overlap", overlap, "0 to 1");
    ConfigException.require(sourceOnlyUsers >= 0, "sourceOnlyUsers", sourceOnlyUsers, ">= 0");
    ConfigException.require(sourceItems >= 10, "sourceItems", sourceItems, "at least 10");
    ConfigException.require(targetItems >= 10, "targetItems", targetItems, "at least 10");
    ConfigException.require(dimension >= 1, "dimension", dimension, "at least 1");
    ConfigException.require(
        sourceInteractions >= 2 && sourceInteractions < sourceItems,
        "sourceInteractions",
        sourceInteractions,
        "2 or more and fewer than the source items");
    ConfigException.require(
        targetInteractions >= 2 && targetInteractions < targetItems,
        "targetInteractions",
        targetInteractions,
        "2 or more and fewer than the target items");
    ConfigException.require(
        coldFraction >= 0 && coldFraction <= 1, "coldFraction", coldFraction, "0 to 1");
    ConfigException.require(coldMax >= 1, "coldMax", coldMax, "at least 1");
    ConfigException.require(signal >= 0, "signal", signal, ">= 0");
    ConfigException.require(noise >= 0, "noise", noise, ">= 0");
    ConfigException.require(popularitySkew >= 0, "popularitySkew", popularitySkew, ">= 0");
    ConfigException.require(contentWidth >= 0, "contentWidth", contentWidth, ">= 0");
    ConfigException.require(contentNoise >= 0, "contentNoise", contentNoise, ">= 0");
  }

  /**
   * The cold-start scenario of issue #9: 60% of target users are source users, a third of the
   * target users are cold (1 to 3 training interactions), moderate noise and popularity skew.
   *
   * @param seed the seed
   * @return the configuration
   */
  public static CrossDomainConfig coldStartScenario(long seed) {
    return new CrossDomainConfig(
        1500, 0.6, 1000, 1000, 800, 16, 40, 20, 1.0 / 3, 3, 3.0, 0.5, 0.8, 24, 0.3, seed);
  }

  /**
   * This configuration with another seed.
   *
   * @param newSeed the seed
   * @return the configuration
   */
  public CrossDomainConfig withSeed(long newSeed) {
    return new CrossDomainConfig(
        targetUsers,
        overlap,
        sourceOnlyUsers,
        sourceItems,
        targetItems,
        dimension,
        sourceInteractions,
        targetInteractions,
        coldFraction,
        coldMax,
        signal,
        noise,
        popularitySkew,
        contentWidth,
        contentNoise,
        newSeed);
  }

  /**
   * This configuration scaled to another number of target users (source-only users scale along, two
   * for every three target users; items stay).
   *
   * @param users target users
   * @return the configuration
   */
  public CrossDomainConfig withTargetUsers(int users) {
    return new CrossDomainConfig(
        users,
        overlap,
        users * 2 / 3,
        sourceItems,
        targetItems,
        dimension,
        sourceInteractions,
        targetInteractions,
        coldFraction,
        coldMax,
        signal,
        noise,
        popularitySkew,
        contentWidth,
        contentNoise,
        seed);
  }

  /**
   * This configuration with another overlap.
   *
   * @param newOverlap fraction of target users in the source
   * @return the configuration
   */
  public CrossDomainConfig withOverlap(double newOverlap) {
    return new CrossDomainConfig(
        targetUsers,
        newOverlap,
        sourceOnlyUsers,
        sourceItems,
        targetItems,
        dimension,
        sourceInteractions,
        targetInteractions,
        coldFraction,
        coldMax,
        signal,
        noise,
        popularitySkew,
        contentWidth,
        contentNoise,
        seed);
  }
}
