package dev.graft.cli.estimate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.data.Targets;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.estimate.EstimationInput;
import dev.graft.api.estimate.TransferabilityEstimator;
import dev.graft.api.estimate.TransferabilityScore;
import dev.graft.cli.GraftCli;
import dev.graft.engine.estimate.Estimation;
import dev.graft.engine.estimate.EstimationReport;
import dev.graft.engine.io.MatrixFiles;
import dev.graft.engine.plugin.RegisteredExtension;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code graft estimate}: scores how well a source's features (and/or its predictions) will
 * transfer to a labelled target, with one or more estimators (built-in or from plugins).
 *
 * <pre>
 * graft estimate --features feats.npy --labels labels.csv --method logme,hscore,gbc
 * graft estimate --source-probs probs.npy --labels labels.csv --method leep,nce --json
 * </pre>
 *
 * <p>Exit codes: 0 success, 1 a Graft error (message on stderr), 2 a usage error.
 */
@Command(
    name = "estimate",
    mixinStandardHelpOptions = true,
    description = {
      "Score a source for a target with transferability estimators (higher rank = better"
          + " expected transfer).",
      "F and P are CSV (header optional) or NumPy .npy (float32/float64, C order); L holds one"
          + " integer class (or class name) per row, or real values for regression."
    })
public final class EstimateCommand implements Callable<Integer> {

  @Option(
      names = "--features",
      paramLabel = "F",
      description = "Source features on the target examples (n x d).")
  Path features;

  @Option(
      names = "--labels",
      paramLabel = "L",
      required = true,
      description = "Target labels, one per example.")
  Path labels;

  @Option(
      names = "--source-probs",
      paramLabel = "P",
      description =
          "Source-model class probabilities on the target examples (n x z); enables leep and nce.")
  Path sourceProbs;

  @Option(
      names = "--method",
      split = ",",
      paramLabel = "ID",
      description =
          "Estimators to run, comma-separated (default: every built-in the inputs allow). Known:"
              + " ${COMPLETION-CANDIDATES}.",
      completionCandidates = KnownIds.class)
  List<String> methods;

  @Option(
      names = "--regression",
      description = "Treat the labels as real-valued regression targets.")
  boolean regression;

  @Option(
      names = "--seed",
      defaultValue = "0",
      description = "Seed for sampling estimators (knn, linear-probe). Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand GraftCli root;

  /** Creates the command (picocli instantiates it). */
  public EstimateCommand() {}

  @Override
  public Integer call() throws Exception {
    if (features == null && sourceProbs == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give --features and/or --source-probs: there is nothing to score.");
    }
    // the host's estimators: the built-ins plus any a plugin adds
    Estimation estimation =
        new Estimation(
            root.session().registry().all(TransferabilityEstimator.class).stream()
                .map(RegisteredExtension::instance)
                .toList());
    Targets targets = MatrixFiles.readTargets(labels, regression);
    FeatureMatrix f = features == null ? null : MatrixFiles.readMatrix(features);
    ProbabilityMatrix p = sourceProbs == null ? null : MatrixFiles.readProbabilities(sourceProbs);
    EstimationInput input;
    try {
      input = new EstimationInput(f, targets, Optional.ofNullable(p), Optional.empty(), seed);
    } catch (GraftException e) {
      throw new GraftException(
          e.errorId(), e.detail() + " (labels: " + labels + inputsNamed() + ")", e);
    }
    List<String> ids = new ArrayList<>();
    if (methods != null) {
      for (String m : methods) {
        if (!m.isBlank()) {
          ids.add(m.strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    boolean explicit = !ids.isEmpty();
    if (!explicit) {
      ids = new ArrayList<>(estimation.estimators().keySet());
    }
    for (String id : ids) {
      estimation.estimator(id);
    }
    EstimationReport report = estimation.score(input, ids);
    if (report.scores().isEmpty()) {
      throw new GraftException(
          GraftErrors.REQUIREMENT_NOT_MET,
          "none of the requested estimators can run on these inputs: "
              + report.skipped()
              + ". Add --features or --source-probs as needed.");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      printJson(out, estimation, input, report);
    } else {
      printTable(out, estimation, input, report, explicit);
    }
    out.flush();
    return 0;
  }

  private String inputsNamed() {
    return (features == null ? "" : ", features: " + features)
        + (sourceProbs == null ? "" : ", source probabilities: " + sourceProbs);
  }

  private void printTable(
      PrintWriter out,
      Estimation estimation,
      EstimationInput input,
      EstimationReport report,
      boolean explicit) {
    out.printf(
        Locale.ROOT,
        "%d examples, %s%s%n%n",
        input.targets().size(),
        input.features() == null ? "no features" : input.features().cols() + " features",
        input.targets() instanceof dev.graft.api.data.ClassLabels c
            ? ", " + c.presentClasses() + " classes"
            : ", regression");
    out.printf(
        Locale.ROOT,
        "%-17s %14s  %-7s %9s  %s%n",
        "ESTIMATOR",
        "SCORE",
        "BETTER",
        "TIME",
        "DETAILS");
    for (TransferabilityScore s : report.scores()) {
      out.printf(
          Locale.ROOT,
          "%-17s %14.6f  %-7s %8.3fs  %s%n",
          s.estimatorId(),
          s.value(),
          s.higherIsBetter() ? "higher" : "lower",
          s.elapsed().toNanos() / 1e9,
          details(s.details()));
    }
    out.println();
    for (TransferabilityScore s : report.scores()) {
      TransferabilityEstimator e = estimation.estimator(s.estimatorId());
      out.printf(Locale.ROOT, "  %s: %s%n", e.id(), e.interpretation());
    }
    if (explicit && !report.skipped().isEmpty()) {
      out.println();
      report.skipped().forEach((id, why) -> out.printf(Locale.ROOT, "  skipped %s: %s%n", id, why));
    }
  }

  private static String details(Map<String, Double> details) {
    StringBuilder b = new StringBuilder();
    details.forEach(
        (k, v) -> {
          if (b.length() > 0) {
            b.append(", ");
          }
          b.append(k).append('=');
          b.append(
              v == Math.rint(v) && Math.abs(v) < 1e9
                  ? String.valueOf(v.longValue())
                  : String.format(Locale.ROOT, "%.4g", v));
        });
    return b.toString();
  }

  private static void printJson(
      PrintWriter out, Estimation estimation, EstimationInput input, EstimationReport report)
      throws Exception {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("examples", input.targets().size());
    root.put("features", input.features() == null ? null : input.features().cols());
    root.put("task", input.targets().task().name().toLowerCase(Locale.ROOT));
    List<Map<String, Object>> scores = new ArrayList<>();
    for (TransferabilityScore s : report.scores()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("estimator", s.estimatorId());
      m.put("score", s.value());
      m.put("higherIsBetter", s.higherIsBetter());
      m.put("seconds", s.elapsed().toNanos() / 1e9);
      m.put("details", new LinkedHashMap<>(s.details()));
      m.put("interpretation", estimation.estimator(s.estimatorId()).interpretation());
      scores.add(m);
    }
    root.put("scores", scores);
    root.put("skipped", report.skipped());
    out.println(
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
  }

  /** The built-in estimator ids, for the help text. */
  static final class KnownIds implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Estimation.builtins().estimators().keySet().iterator();
    }
  }
}
