package dev.graft.engine.evaluate.protocol;

import dev.graft.api.error.ConfigException;
import dev.graft.api.evaluate.Metric;
import dev.graft.engine.evaluate.stats.Summary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A learning curve: a method's metrics at several label budgets (e.g. 1, 5, 10 and 50 labels per
 * class), each repeated over the same seeds and summarised with its mean and 95% interval. It is
 * the data-efficiency picture: how much a transferred model gains over a from-scratch one when
 * labels are scarce.
 *
 * <pre>{@code
 * LearningCurve curve = LearningCurve.run(new int[] {1, 5, 10, 50}, RepeatedRuns.seeds(0, 5),
 *     BudgetRun.labelsPerClass(labels, (split, budget, seed) -> trainAndEvaluate(split, seed)));
 * for (LearningCurve.Point p : curve.points()) {
 *   Summary acc = p.summary("accuracy");   // mean and interval at this budget
 * }
 * }</pre>
 */
public final class LearningCurve {

  private final List<Point> points;

  private LearningCurve(List<Point> points) {
    this.points = List.copyOf(points);
  }

  /**
   * One budget of the curve.
   *
   * @param budget the label budget
   * @param results the metrics of every seed at this budget
   */
  public record Point(int budget, RunResults results) {

    /**
     * A metric's mean and 95% interval at this budget.
     *
     * @param metric the metric name
     * @return the summary
     */
    public Summary summary(String metric) {
      return results.summary(metric);
    }

    /**
     * Every metric's mean with its 95% interval at this budget.
     *
     * @return the metrics
     */
    public List<Metric> summaries() {
      return results.summaries();
    }
  }

  /**
   * Runs every budget with every seed (budgets in the given order, seeds inner).
   *
   * @param budgets the label budgets, positive and strictly increasing
   * @param seeds the seeds, distinct, at least one; the same seeds at every budget
   * @param run trains and evaluates at one budget and seed
   * @return the curve
   * @throws ConfigException GRAFT-CONFIG-001 if the budgets are empty, not positive or not strictly
   *     increasing, or there are no seeds
   */
  public static LearningCurve run(int[] budgets, long[] seeds, BudgetRun run) {
    ConfigException.require(budgets.length > 0, "budgets", "empty", "at least one budget");
    ConfigException.require(seeds.length > 0, "seeds", "empty", "at least one seed");
    for (int i = 0; i < budgets.length; i++) {
      ConfigException.require(budgets[i] > 0, "budgets[" + i + "]", budgets[i], "positive");
      ConfigException.require(
          i == 0 || budgets[i] > budgets[i - 1],
          "budgets[" + i + "]",
          budgets[i],
          "larger than the previous budget (budgets must be strictly increasing)");
    }
    List<Point> points = new ArrayList<>(budgets.length);
    for (int budget : budgets) {
      points.add(new Point(budget, RepeatedRuns.run(seeds, seed -> run.run(budget, seed))));
    }
    return new LearningCurve(points);
  }

  /**
   * The points, in budget order.
   *
   * @return an unmodifiable list
   */
  public List<Point> points() {
    return points;
  }

  /**
   * The budgets, ascending.
   *
   * @return the budgets
   */
  public int[] budgets() {
    return points.stream().mapToInt(Point::budget).toArray();
  }

  /**
   * The results at one budget.
   *
   * @param budget a budget of this curve
   * @return the metrics of every seed at that budget
   * @throws ConfigException GRAFT-CONFIG-001 if the curve has no such budget
   */
  public RunResults at(int budget) {
    for (Point p : points) {
      if (p.budget() == budget) {
        return p.results();
      }
    }
    throw new ConfigException(
        "'budget' is " + budget + "; this curve has budgets " + Arrays.toString(budgets()) + ".");
  }

  /**
   * One metric's mean and interval at every budget, in budget order: the curve itself.
   *
   * @param metric the metric name
   * @return one summary per budget
   */
  public List<Summary> summaries(String metric) {
    List<Summary> out = new ArrayList<>(points.size());
    for (Point p : points) {
      out.add(p.summary(metric));
    }
    return List.copyOf(out);
  }
}
