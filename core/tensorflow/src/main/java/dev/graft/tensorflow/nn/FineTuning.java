package dev.graft.tensorflow.nn;

import dev.graft.api.error.ConfigException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which layers train, and how fast: freezing and discriminative fine-tuning.
 *
 * <p>A layer trains if it matches {@code trainable} (a name or a prefix ending in {@code *}; empty
 * means every layer) or is among the last {@code lastK} layers that have parameters. Frozen batch
 * normalisation layers also stop updating their moving statistics and use them during training.
 *
 * @param trainable layer names or prefixes ({@code "block3*"}); empty = all layers (unless lastK is
 *     set)
 * @param lastK when positive, only the last k parametrised layers train (combined with {@code
 *     trainable} by union when both are set)
 * @param headOnly when true, only layers after the features layer train (overrides the others)
 * @param rateMultipliers learning-rate multipliers by layer name or prefix ({@code "conv*"}); the
 *     longest matching key wins; default 1
 */
public record FineTuning(
    List<String> trainable, int lastK, boolean headOnly, Map<String, Double> rateMultipliers) {

  /** Validates and copies the fields. */
  public FineTuning {
    trainable = trainable == null ? List.of() : List.copyOf(trainable);
    rateMultipliers = rateMultipliers == null ? Map.of() : Map.copyOf(rateMultipliers);
    ConfigException.require(lastK >= 0, "fineTuning.lastK", lastK, "0 (unset) or positive");
    for (Map.Entry<String, Double> e : rateMultipliers.entrySet()) {
      ConfigException.require(
          e.getValue() != null && e.getValue() >= 0 && Double.isFinite(e.getValue()),
          "fineTuning.rateMultipliers[" + e.getKey() + "]",
          e.getValue(),
          "a finite number, 0 or more");
    }
  }

  /**
   * Every layer trains at the base rate.
   *
   * @return the spec
   */
  public static FineTuning all() {
    return new FineTuning(List.of(), 0, false, Map.of());
  }

  /**
   * Only the layers after the features layer train.
   *
   * @return the spec
   */
  public static FineTuning onlyHead() {
    return new FineTuning(List.of(), 0, true, Map.of());
  }

  /**
   * Only the last k parametrised layers train.
   *
   * @param k how many
   * @return the spec
   */
  public static FineTuning lastK(int k) {
    ConfigException.require(k > 0, "fineTuning.lastK", k, "positive");
    return new FineTuning(List.of(), k, false, Map.of());
  }

  /**
   * Only the named layers (or prefixes ending in '*') train.
   *
   * @param patterns names or prefixes
   * @return the spec
   */
  public static FineTuning layers(String... patterns) {
    return new FineTuning(List.of(patterns), 0, false, Map.of());
  }

  /**
   * A copy with learning-rate multipliers.
   *
   * @param multipliers layer name or prefix ('*'-terminated) to multiplier
   * @return the new spec
   */
  public FineTuning withRateMultipliers(Map<String, Double> multipliers) {
    return new FineTuning(trainable, lastK, headOnly, multipliers);
  }

  private static boolean matches(String pattern, String layer) {
    return pattern.endsWith("*")
        ? layer.startsWith(pattern.substring(0, pattern.length() - 1))
        : layer.equals(pattern);
  }

  /**
   * Resolves the trainable layers of a network.
   *
   * @param spec the network
   * @param parametrised names of the layers that own trainable parameters, in network order
   * @return the names of the layers that train
   * @throws ConfigException if a pattern matches no layer
   */
  public Set<String> trainableLayers(NetworkSpec spec, List<String> parametrised) {
    Set<String> out = new HashSet<>();
    if (headOnly) {
      Set<String> backbone = new HashSet<>(spec.backboneLayers());
      for (LayerSpec l : spec.layers()) {
        if (!backbone.contains(l.name())) {
          out.add(l.name());
        }
      }
      return out;
    }
    if (trainable.isEmpty() && lastK == 0) {
      spec.layers().forEach(l -> out.add(l.name()));
      return out;
    }
    for (String pattern : trainable) {
      boolean any = false;
      for (LayerSpec l : spec.layers()) {
        if (matches(pattern, l.name())) {
          out.add(l.name());
          any = true;
        }
      }
      if (!any) {
        throw new ConfigException(
            "'fineTuning.trainable' entry '"
                + pattern
                + "' matches no layer; layers are "
                + spec.layers().stream().map(LayerSpec::name).toList()
                + ".");
      }
    }
    if (lastK > 0) {
      List<String> tail =
          new ArrayList<>(
              parametrised.subList(Math.max(0, parametrised.size() - lastK), parametrised.size()));
      out.addAll(tail);
    }
    return out;
  }

  /**
   * The learning-rate multiplier of a layer.
   *
   * @param layer the layer name
   * @return the multiplier of the longest matching key, or 1
   */
  public double rateMultiplier(String layer) {
    double best = 1;
    int bestLen = -1;
    for (Map.Entry<String, Double> e : rateMultipliers.entrySet()) {
      if (matches(e.getKey(), layer) && e.getKey().length() > bestLen) {
        best = e.getValue();
        bestLen = e.getKey().length();
      }
    }
    return best;
  }
}
