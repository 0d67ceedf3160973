package dev.graft.engine.report;

import dev.graft.engine.run.CurvePoint;
import dev.graft.engine.run.GuardVerdict;
import dev.graft.engine.run.MetricSummary;
import dev.graft.engine.run.ProjectedPoint;
import dev.graft.engine.run.RankedSource;
import dev.graft.engine.run.RunResult;
import dev.graft.engine.run.SkippedStrategy;
import dev.graft.engine.run.StrategyOutcome;
import dev.graft.engine.run.TargetSummary;
import dev.graft.engine.run.Winner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Realistic run results for the report tests. */
final class ReportFixtures {

  private ReportFixtures() {}

  /**
   * Three sources, four outcomes (scratch, a winner that beats it, one within noise with a single
   * run, one worse), a learning curve, a 3x3 confusion matrix and 40 projected points.
   */
  static RunResult realistic() {
    return withTexts(
        "flowers-vs-imagenet",
        "fine-tune",
        "Best accuracy among models that beat scratch beyond noise.");
  }

  /** Like {@link #realistic()} with the job name, winning strategy and reason replaced. */
  static RunResult withTexts(String jobName, String winnerStrategy, String reason) {
    TargetSummary target =
        new TargetSummary(
            "flowers",
            "/data/flowers",
            "sha256:ab12",
            300,
            List.of("daisy", "rose", "tulip"),
            List.of(100, 100, 100),
            2);
    List<RankedSource> ranking =
        List.of(
            new RankedSource(
                "resnet50",
                1,
                1.25,
                Map.of("logme", 1.84, "knn-probe", 0.91, "linear-probe", 0.88),
                Map.of("logme", 0.4, "knn-probe", 1.2, "linear-probe", 3.5),
                true),
            new RankedSource(
                "mobilenet",
                2,
                1.75,
                Map.of("logme", 1.62, "knn-probe", 0.89, "linear-probe", 0.86),
                Map.of("logme", 0.3, "knn-probe", 1.0, "linear-probe", 2.9),
                true),
            new RankedSource(
                "text-bert",
                3,
                3.0,
                Map.of("logme", -0.5, "knn-probe", 0.41, "linear-probe", 0.39),
                Map.of("logme", 0.5, "knn-probe", 1.5, "linear-probe", 4.0),
                false));
    List<CurvePoint> curve =
        List.of(
            new CurvePoint(5, 0.61, 0.55, 0.67),
            new CurvePoint(10, 0.72, 0.68, 0.76),
            new CurvePoint(20, 0.83, 0.80, 0.86),
            new CurvePoint(50, 0.91, 0.89, 0.93));
    int[][] confusion = {{95, 3, 2}, {4, 90, 6}, {1, 7, 92}};
    List<StrategyOutcome> outcomes =
        List.of(
            new StrategyOutcome(
                "scratch",
                "resnet50",
                List.of(accuracy(0.70, 0.66, 0.74, 0.68, 0.71, 0.71), loss(0.9)),
                GuardVerdict.BASELINE,
                0,
                0,
                0,
                List.of(),
                new int[][] {{80, 10, 10}, {12, 75, 13}, {9, 11, 80}},
                List.of("epochs=40"),
                120.5),
            new StrategyOutcome(
                winnerStrategy,
                "resnet50",
                List.of(accuracy(0.92, 0.90, 0.94, 0.91, 0.93, 0.92), loss(0.3)),
                GuardVerdict.BEATS_SCRATCH,
                0.22,
                0.18,
                0.26,
                curve,
                confusion,
                List.of("early stop at epoch 12"),
                88.25),
            new StrategyOutcome(
                "linear-head",
                "mobilenet",
                List.of(
                    new MetricSummary(
                        "accuracy", true, 0.71, Double.NaN, Double.NaN, List.of(0.71))),
                GuardVerdict.WITHIN_NOISE,
                0.01,
                Double.NaN,
                Double.NaN,
                List.of(),
                null,
                List.of(),
                10.0),
            new StrategyOutcome(
                "fine-tune",
                "mobilenet",
                List.of(accuracy(0.60, 0.55, 0.65, 0.58, 0.61, 0.61)),
                GuardVerdict.NEGATIVE_TRANSFER,
                -0.10,
                -0.14,
                -0.06,
                List.of(),
                new int[][] {{70, 20, 10}, {25, 60, 15}, {20, 15, 65}},
                List.of(),
                60.0));
    List<ProjectedPoint> projection = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      projection.add(new ProjectedPoint(-2 + 0.1 * i, 0.05 * (i % 5), "source", i % 3));
      projection.add(new ProjectedPoint(1 + 0.1 * i, -0.04 * (i % 4), "target", i % 3));
    }
    return new RunResult(
        jobName,
        "name: flowers\ntarget: /data/flowers\nprotocol: holdout\n",
        Instant.parse("2024-05-01T12:00:00Z"),
        Instant.parse("2024-05-01T12:07:30.250Z"),
        target,
        "holdout",
        "accuracy",
        ranking,
        outcomes,
        List.of(new SkippedStrategy("dann", "resnet50", "needs unlabelled target data")),
        new Winner(winnerStrategy, "resnet50", "accuracy", 0.92, reason, "model"),
        projection,
        Map.of("read", 1.5, "features", 30.0, "rank", 9.25, "transfer", 400.0, "report", 0.5),
        Map.of("graft", "0.1.0-SNAPSHOT", "seed", "42", "device", "cpu", "java", "17.0.10"));
  }

  private static MetricSummary accuracy(double mean, double lower, double upper, double... runs) {
    List<Double> perRun = new ArrayList<>();
    for (double r : runs) {
      perRun.add(r);
    }
    return new MetricSummary("accuracy", true, mean, lower, upper, perRun);
  }

  private static MetricSummary loss(double mean) {
    return new MetricSummary(
        "log-loss", false, mean, mean - 0.05, mean + 0.05, List.of(mean - 0.02, mean + 0.02, mean));
  }
}
