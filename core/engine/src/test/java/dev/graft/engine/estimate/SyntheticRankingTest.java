package dev.graft.engine.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.estimate.EstimationInput;
import dev.graft.api.estimate.TransferabilityEstimator;
import dev.graft.api.estimate.TransferabilityScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sources built with known class separability are ranked in that order by every estimator. */
class SyntheticRankingTest {

  private static final double[] SEPARATIONS = {0.2, 0.5, 0.8, 1.2};

  @Test
  void everyEstimatorOrdersSourcesBySeparability() {
    Estimation estimation = Estimation.builtins();
    for (TransferabilityEstimator e : estimation.estimators().values()) {
      List<Double> values = new ArrayList<>();
      for (double sep : SEPARATIONS) {
        TransferabilityScore s = e.estimate(Synthetic.mixture(400, 12, 4, sep, 11));
        values.add(s.higherIsBetter() ? s.value() : -s.value());
      }
      for (int i = 1; i < values.size(); i++) {
        assertTrue(
            values.get(i) > values.get(i - 1),
            e.id()
                + " should rank separation "
                + SEPARATIONS[i]
                + " above "
                + SEPARATIONS[i - 1]
                + ": "
                + values);
      }
    }
  }

  @Test
  void consensusRanksTheMostSeparableSourceFirstWithFullAgreement() {
    Map<String, EstimationInput> sources = new LinkedHashMap<>();
    for (double sep : SEPARATIONS) {
      sources.put("sep-" + sep, Synthetic.mixture(300, 10, 3, sep, 5));
    }
    ConsensusRanking ranking =
        Estimation.builtins()
            .rank(sources, List.of("logme", "leep", "nce", "hscore", "gbc", "transrate"));
    assertEquals("sep-1.2", ranking.entries().get(0).source());
    assertEquals("sep-0.2", ranking.entries().get(3).source());
    assertEquals(6, ranking.estimators().size());
    assertEquals(1.0, ranking.kendallW(), 1e-12);
    assertEquals(1.0, ranking.meanPairwiseTau(), 1e-12);
  }
}
