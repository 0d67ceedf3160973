package dev.graft.recommender.scenario;

import dev.graft.recommender.model.FactorConfig;
import dev.graft.recommender.model.Objective;
import dev.graft.recommender.synth.CrossDomainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

@EnabledIfSystemProperty(named = "graft.probe", matches = "true")
class ScenarioProbe {
  @Test
  void probe() {
    int epochs = Integer.getInteger("probe.epochs", 20);
    double lr = Double.parseDouble(System.getProperty("probe.lr", "0.1"));
    double pw = Double.parseDouble(System.getProperty("probe.pw", "1"));
    FactorConfig cfg =
        FactorConfig.twoTower(16, Objective.valueOf(System.getProperty("probe.obj", "BPR")), 1)
            .withEpochs(epochs)
            .withBatch(256, lr);
    long t = System.nanoTime();
    var run = CrossDomainScenario.run(CrossDomainConfig.coldStartScenario(1), cfg, pw, 1);
    System.out.println("seconds " + (System.nanoTime() - t) / 1e9);
    run.metrics().forEach((k, v) -> System.out.println(k + " " + v));
    run.notes().forEach(System.out::println);
  }
}
