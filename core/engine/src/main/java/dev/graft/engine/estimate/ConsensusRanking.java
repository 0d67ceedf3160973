package dev.graft.engine.estimate;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.estimate.TransferabilityScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sources ranked by several estimators at once: each estimator ranks the sources (1 = predicted
 * best, ties share the average rank, respecting the estimator's direction), and the consensus
 * orders sources by their mean rank. Agreement between estimators is reported as Kendall's
 * coefficient of concordance {@code W} (0 = no agreement, 1 = identical rankings) and the mean
 * pairwise Kendall τ-b.
 *
 * @param entries sources from best to worst consensus
 * @param estimators the estimator ids that contributed
 * @param kendallW Kendall's W over estimators (NaN with fewer than two estimators or sources)
 * @param meanPairwiseTau mean Kendall τ-b over estimator pairs (NaN if undefined)
 */
public record ConsensusRanking(
    List<Entry> entries, List<String> estimators, double kendallW, double meanPairwiseTau) {

  /** Freezes the lists. */
  public ConsensusRanking {
    entries = List.copyOf(entries);
    estimators = List.copyOf(estimators);
  }

  /**
   * One source in the consensus.
   *
   * @param source the source's name
   * @param position 1-based place in the consensus
   * @param meanRank its mean rank over estimators
   * @param ranks its rank per estimator id
   * @param scores its score per estimator id
   */
  public record Entry(
      String source,
      int position,
      double meanRank,
      Map<String, Double> ranks,
      Map<String, TransferabilityScore> scores) {

    /** Freezes the maps. */
    public Entry {
      ranks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ranks));
      scores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }
  }

  /**
   * Builds the consensus from per-source scores. Estimators that did not score every source are
   * left out of the consensus (they cannot rank all sources).
   *
   * @param scoresBySource for each source name, its scores by estimator id
   * @return the ranking
   * @throws InvalidInputException if there are no sources or no estimator scored all of them
   */
  public static ConsensusRanking of(Map<String, Map<String, TransferabilityScore>> scoresBySource) {
    if (scoresBySource.isEmpty()) {
      throw new InvalidInputException(GraftErrors.EMPTY_INPUT, "no sources to rank.");
    }
    List<String> sources = new ArrayList<>(scoresBySource.keySet());
    List<String> estimators = new ArrayList<>();
    for (String id : scoresBySource.get(sources.get(0)).keySet()) {
      boolean everywhere =
          sources.stream()
              .allMatch(
                  s -> {
                    TransferabilityScore sc = scoresBySource.get(s).get(id);
                    return sc != null && Double.isFinite(sc.value());
                  });
      if (everywhere) {
        estimators.add(id);
      }
    }
    if (estimators.isEmpty()) {
      throw new InvalidInputException(
          GraftErrors.REQUIREMENT_NOT_MET,
          "no estimator produced a finite score for every one of the "
              + sources.size()
              + " sources; check the skipped estimators and their requirements.");
    }
    int m = sources.size();
    double[][] ranks = new double[estimators.size()][];
    double[][] oriented = new double[estimators.size()][m];
    for (int e = 0; e < estimators.size(); e++) {
      String id = estimators.get(e);
      for (int s = 0; s < m; s++) {
        TransferabilityScore sc = scoresBySource.get(sources.get(s)).get(id);
        oriented[e][s] = sc.higherIsBetter() ? sc.value() : -sc.value();
      }
      ranks[e] = ranksDescending(oriented[e]);
    }
    double[] meanRank = new double[m];
    for (double[] r : ranks) {
      for (int s = 0; s < m; s++) {
        meanRank[s] += r[s] / ranks.length;
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int s = 0; s < m; s++) {
      order.add(s);
    }
    order.sort(Comparator.<Integer>comparingDouble(s -> meanRank[s]).thenComparing(sources::get));
    List<Entry> entries = new ArrayList<>();
    for (int p = 0; p < m; p++) {
      int s = order.get(p);
      Map<String, Double> r = new LinkedHashMap<>();
      Map<String, TransferabilityScore> sc = new LinkedHashMap<>();
      for (int e = 0; e < estimators.size(); e++) {
        r.put(estimators.get(e), ranks[e][s]);
        sc.put(estimators.get(e), scoresBySource.get(sources.get(s)).get(estimators.get(e)));
      }
      entries.add(new Entry(sources.get(s), p + 1, meanRank[s], r, sc));
    }
    return new ConsensusRanking(entries, estimators, kendallW(ranks), meanPairwiseTau(oriented));
  }

  /** Ranks with 1 for the largest value; ties share their average rank. */
  static double[] ranksDescending(double[] v) {
    int m = v.length;
    Integer[] idx = new Integer[m];
    for (int i = 0; i < m; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (a, b) -> Double.compare(v[b], v[a]));
    double[] r = new double[m];
    int i = 0;
    while (i < m) {
      int j = i;
      while (j + 1 < m && v[idx[j + 1]] == v[idx[i]]) {
        j++;
      }
      double avg = (i + j) / 2.0 + 1;
      for (int q = i; q <= j; q++) {
        r[idx[q]] = avg;
      }
      i = j + 1;
    }
    return r;
  }

  /** Kendall's W with the tie correction. */
  private static double kendallW(double[][] ranks) {
    int k = ranks.length;
    int m = ranks[0].length;
    if (k < 2 || m < 2) {
      return Double.NaN;
    }
    double[] sums = new double[m];
    for (double[] r : ranks) {
      for (int s = 0; s < m; s++) {
        sums[s] += r[s];
      }
    }
    double mean = k * (m + 1) / 2.0;
    double ss = 0;
    for (double s : sums) {
      ss += (s - mean) * (s - mean);
    }
    double ties = 0;
    for (double[] r : ranks) {
      Map<Double, Integer> groups = new LinkedHashMap<>();
      for (double v : r) {
        groups.merge(v, 1, Integer::sum);
      }
      for (int t : groups.values()) {
        ties += (double) t * t * t - t;
      }
    }
    double denom = k * k * ((double) m * m * m - m) - k * ties;
    return denom <= 0 ? Double.NaN : 12 * ss / denom;
  }

  /** Mean Kendall τ-b over pairs of estimators. */
  private static double meanPairwiseTau(double[][] oriented) {
    int k = oriented.length;
    double sum = 0;
    int pairs = 0;
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        double tau = tauB(oriented[a], oriented[b]);
        if (Double.isFinite(tau)) {
          sum += tau;
          pairs++;
        }
      }
    }
    return pairs == 0 ? Double.NaN : sum / pairs;
  }

  /** Kendall's τ-b (O(m²), m = number of sources). */
  static double tauB(double[] x, double[] y) {
    int m = x.length;
    long concordant = 0;
    long discordant = 0;
    long tiesX = 0;
    long tiesY = 0;
    for (int i = 0; i < m; i++) {
      for (int j = i + 1; j < m; j++) {
        int sx = Double.compare(x[i], x[j]);
        int sy = Double.compare(y[i], y[j]);
        if (sx == 0 && sy == 0) {
          continue;
        }
        if (sx == 0) {
          tiesX++;
        } else if (sy == 0) {
          tiesY++;
        } else if (sx == sy) {
          concordant++;
        } else {
          discordant++;
        }
      }
    }
    double denom =
        Math.sqrt((double) (concordant + discordant + tiesX) * (concordant + discordant + tiesY));
    return denom == 0 ? Double.NaN : (concordant - discordant) / denom;
  }
}
