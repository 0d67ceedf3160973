package dev.graft.engine.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.graft.api.error.ConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * A transfer job: the target data, candidate sources, how to rank them, which strategies to run on
 * the best ones, how to evaluate, the budget, the seed and where to write results. Read from YAML
 * with {@link JobSpecs#read} or built in Java with {@link #builder()}; validated on construction.
 *
 * <pre>{@code
 * name: digits-from-glyphs
 * seed: 7
 * target: {reader: pixel-csv, path: digits.csv.gz, labels-per-class: 5}
 * sources: [{loader: model-store, select: ["glyphs-*"]}]
 * estimators: [logme, leep]
 * keep-top: 2
 * strategies: [linear-probe, fine-tune, scratch]
 * evaluation: {protocol: holdout, seeds: 5, metric: accuracy}
 * budget: {epochs: 30, time: 5m}
 * output: runs/digits
 * }</pre>
 *
 * @param name a short name for reports
 * @param seed the seed every random choice derives from
 * @param target the target data
 * @param sources where to look for candidate sources (at least one)
 * @param estimators estimator ids used to rank sources (empty = all built-in feature estimators)
 * @param keepTop how many of the best-ranked sources the strategies run on
 * @param strategies the strategies to run; the baseline ({@link #baseline()}, by default {@code
 *     scratch}) is always added
 * @param evaluation the protocol
 * @param budget the training budget
 * @param output the run folder (relative paths resolve against the job file's folder)
 */
public record JobSpec(
    String name,
    Long seed,
    TargetSpec target,
    List<SourceSpec> sources,
    List<String> estimators,
    @JsonProperty("keep-top") Integer keepTop,
    List<StrategySpec> strategies,
    EvaluationSpec evaluation,
    BudgetSpec budget,
    String output) {

  /** The baseline strategy every job runs. */
  public static final String SCRATCH = "scratch";

  /** The baseline of a classification target without labels: the source model as it is. */
  public static final String SOURCE_ONLY = "source-only";

  /** Validates and fills defaults. */
  public JobSpec {
    name = name == null || name.isBlank() ? "job" : name;
    seed = seed == null ? 0L : seed;
    ConfigException.require(target != null, "target", null, "a target section (reader, path)");
    ConfigException.require(
        sources != null && !sources.isEmpty(), "sources", sources, "at least one source entry");
    sources = List.copyOf(sources);
    estimators = estimators == null ? List.of() : List.copyOf(estimators);
    keepTop = keepTop == null ? 1 : keepTop;
    ConfigException.require(keepTop >= 1, "keep-top", keepTop, "1 or more");
    evaluation = evaluation == null ? EvaluationSpec.defaults() : evaluation;
    boolean unlabelled = target.labelsPerClass() != null && target.labelsPerClass() == 0;
    if (!evaluation.classification()) {
      ConfigException.require(
          target.labelsPerClass() == null,
          "target.labels-per-class",
          target.labelsPerClass(),
          "unset for a " + evaluation.task() + " task (it samples labels per class)");
      ConfigException.require(
          evaluation.baseline() != null,
          "evaluation.baseline",
          null,
          "the strategy a "
              + evaluation.task()
              + " job compares against (the model trained on the target alone, e.g. target-only)");
    }
    if (unlabelled) {
      ConfigException.require(
          evaluation.protocol().equals("holdout"),
          "evaluation.protocol",
          "'" + evaluation.protocol() + "'",
          "holdout when target.labels-per-class is 0 (every target example is unlabelled"
              + " training data and test data)");
      ConfigException.require(
          !SCRATCH.equals(evaluation.baseline()),
          "evaluation.baseline",
          "'scratch'",
          "a strategy that needs no target labels (e.g. source-only) when"
              + " target.labels-per-class is 0");
    }
    String base = baseline(evaluation, unlabelled);
    List<StrategySpec> withBaseline = new ArrayList<>(strategies == null ? List.of() : strategies);
    if (withBaseline.stream().noneMatch(s -> s.id().equals(base))) {
      withBaseline.add(StrategySpec.of(base));
    }
    strategies = List.copyOf(withBaseline);
    budget = budget == null ? BudgetSpec.defaults() : budget;
    ConfigException.require(
        output != null && !output.isBlank(), "output", output, "a run folder path");
  }

  /**
   * The strategy the guard judges every other against: {@code evaluation.baseline} if set, else
   * {@code source-only} for a classification target without labels and {@code scratch} otherwise.
   *
   * @return the baseline strategy id (always among {@link #strategies()})
   */
  public String baseline() {
    return baseline(evaluation, unlabelledTarget());
  }

  /**
   * Whether the target is used without any label ({@code labels-per-class: 0}): unsupervised domain
   * adaptation, where strategies get the target's examples but none of its labels.
   *
   * @return true for {@code labels-per-class: 0}
   */
  public boolean unlabelledTarget() {
    return target.labelsPerClass() != null && target.labelsPerClass() == 0;
  }

  private static String baseline(EvaluationSpec evaluation, boolean unlabelled) {
    if (evaluation.baseline() != null) {
      return evaluation.baseline();
    }
    return unlabelled ? SOURCE_ONLY : SCRATCH;
  }

  /**
   * Starts a builder. {@code setTarget}, {@code addSource} and {@code setOutput} are required;
   * {@code opt…} settings have defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link JobSpec} in Java, with the same validation as YAML. */
  public static final class Builder {
    private String name;
    private Long seed;
    private TargetSpec target;
    private final List<SourceSpec> sources = new ArrayList<>();
    private final List<String> estimators = new ArrayList<>();
    private Integer keepTop;
    private final List<StrategySpec> strategies = new ArrayList<>();
    private EvaluationSpec evaluation;
    private BudgetSpec budget;
    private String output;

    private Builder() {}

    /**
     * Sets the target data (required).
     *
     * @param spec the target
     * @return this
     */
    public Builder setTarget(TargetSpec spec) {
      this.target = spec;
      return this;
    }

    /**
     * Adds a source entry (at least one required).
     *
     * @param spec the source entry
     * @return this
     */
    public Builder addSource(SourceSpec spec) {
      sources.add(spec);
      return this;
    }

    /**
     * Sets the run folder (required).
     *
     * @param folder the folder
     * @return this
     */
    public Builder setOutput(String folder) {
      this.output = folder;
      return this;
    }

    /**
     * Names the job (default {@code job}).
     *
     * @param jobName the name
     * @return this
     */
    public Builder optName(String jobName) {
      this.name = jobName;
      return this;
    }

    /**
     * Sets the seed (default 0).
     *
     * @param value the seed
     * @return this
     */
    public Builder optSeed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * Adds estimator ids (default: all built-in feature estimators).
     *
     * @param ids estimator ids
     * @return this
     */
    public Builder optEstimators(String... ids) {
      estimators.addAll(List.of(ids));
      return this;
    }

    /**
     * How many top-ranked sources to transfer from (default 1).
     *
     * @param k the count
     * @return this
     */
    public Builder optKeepTop(int k) {
      this.keepTop = k;
      return this;
    }

    /**
     * Adds a strategy ({@code scratch} is always added).
     *
     * @param spec the strategy
     * @return this
     */
    public Builder optStrategy(StrategySpec spec) {
      strategies.add(spec);
      return this;
    }

    /**
     * Sets the evaluation protocol (default holdout, 3 seeds, accuracy).
     *
     * @param spec the protocol
     * @return this
     */
    public Builder optEvaluation(EvaluationSpec spec) {
      this.evaluation = spec;
      return this;
    }

    /**
     * Sets the training budget (default 30 epochs, 10 minutes, batch 64).
     *
     * @param spec the budget
     * @return this
     */
    public Builder optBudget(BudgetSpec spec) {
      this.budget = spec;
      return this;
    }

    /**
     * Builds and validates the spec.
     *
     * @return the spec
     * @throws ConfigException naming the first invalid field
     */
    public JobSpec build() {
      return new JobSpec(
          name, seed, target, sources, estimators, keepTop, strategies, evaluation, budget, output);
    }
  }
}
