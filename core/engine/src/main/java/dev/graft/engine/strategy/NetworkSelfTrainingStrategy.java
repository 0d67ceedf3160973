package dev.graft.engine.strategy;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Requirement;
import dev.graft.api.extension.TaskType;
import dev.graft.api.provenance.Provenance;
import dev.graft.api.source.EncodedInputs;
import dev.graft.api.transfer.TransferContext;
import dev.graft.api.transfer.TransferResult;
import dev.graft.api.transfer.TransferStrategy;
import dev.graft.engine.source.InputEncoders;
import dev.graft.tensorflow.nn.FineTuning;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.NetworkSpec;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code self-training-network}: class-balanced self-training of the whole source network, for a
 * target with few or no labels (unsupervised domain adaptation). The network starts as the source
 * model with its own classifier restricted to the target's classes (what {@code source-only}
 * predicts). Each round it labels the unlabelled target pool, keeps the most confident fraction of
 * every predicted class (the same fraction per class, so frequent classes do not crowd out rare
 * ones — class-balanced self-training, Zou et al., ECCV 2018), and fine-tunes every layer on those
 * pseudo-labels plus any labelled target examples, with the modality's seeded augmentation. The
 * fraction grows linearly from {@code start-fraction} to {@code end-fraction} over the rounds, so
 * early rounds learn from the most reliable pseudo-labels only.
 *
 * <p>Options: {@code rounds} (3), {@code start-fraction} (0.3), {@code end-fraction} (0.8), {@code
 * epochs-per-round} (5), {@code lr} (Adam rate, 0.001), {@code batch-size} (32), {@code patience}
 * (5, used when labelled validation examples exist), {@code augment} (true).
 */
public final class NetworkSelfTrainingStrategy implements TransferStrategy {

  /** The extension id. */
  public static final String ID = "self-training-network";

  private static final Set<String> OPTIONS =
      HeadSettings.options(
          "rounds", "start-fraction", "end-fraction", "epochs-per-round", "augment");

  private final InputEncoders encoders;
  private final DeviceConfig device;

  /**
   * Creates the strategy.
   *
   * @param encoders the installed input encoders
   * @param device where the network trains
   */
  @Inject
  public NetworkSelfTrainingStrategy(InputEncoders encoders, DeviceConfig device) {
    this.encoders = encoders;
    this.device = device;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Class-balanced self-training of the whole source network from its own classifier;"
        + " works with no target labels.";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.anyModality(
        EnumSet.of(TaskType.CLASSIFICATION),
        EnumSet.of(Requirement.TRAINABLE_SOURCE, Requirement.UNLABELLED_TARGET));
  }

  @Override
  public TransferResult transfer(TransferContext context) {
    StrategyOptions options = StrategyOptions.of(ID, context.options(), OPTIONS);
    HeadSettings settings = HeadSettings.from(options, 1e-3, context.budget().maxEpochs());
    int rounds = options.integer("rounds", 3, 1, 100);
    double start = options.number("start-fraction", 0.3, 0, 1, true);
    double end = options.number("end-fraction", 0.8, 0, 1, true);
    ConfigException.require(
        end >= start,
        "strategies[" + ID + "].options.end-fraction",
        end,
        "at least start-fraction (" + start + ")");
    int epochsPerRound = options.integer("epochs-per-round", 5, 1, 100000);
    boolean augment = options.bool("augment", true);
    Deadline deadline = Deadline.start(context.budget());

    Dataset<?> pool =
        context
            .unlabelledTarget()
            .filter(d -> d.size() > 0)
            .orElseThrow(
                () ->
                    new GraftException(
                        GraftErrors.REQUIREMENT_NOT_MET,
                        "strategy '"
                            + ID
                            + "' learns from unlabelled target examples, but the run has none."));
    SourceNetwork source = SourceNetwork.load(context.source(), encoders, ID);
    List<String> names = Runs.classNames(context);
    SourceClassifier classifier =
        SourceClassifier.match(source, context.source().descriptor().id(), names, ID);
    NetworkSpec spec = source.network().network().withDenseHead(SourceNetwork.HEAD, names.size());
    int size = spec.input().exampleSize();
    TargetTask task = new TargetTask(names, names.size());
    EncodedInputs poolInputs = EncodedData.encode(source.encoder(), pool, source.inputSpec(), size);
    Dataset<?> labelled = context.train().targets().isPresent() ? context.train() : null;
    EncodedData validation =
        context.validation().filter(v -> v.targets().isPresent()).isPresent()
            ? EncodedData.labelled(
                source.encoder(), context.validation().get(), source.inputSpec(), task, false, size)
            : null;

    GraphModel network =
        Runs.network(
            spec,
            FineTuning.all(),
            settings.learningRate(),
            Runs.derive(context.seed(), 1),
            device);
    try {
      classifier.load(source, network);
      List<String> notes = new ArrayList<>();
      notes.add(classifier.describe(source) + " as the starting point");
      for (int round = 1; round <= rounds; round++) {
        if (deadline.passed()) {
          notes.add("stopped before round " + round + ": time budget spent");
          break;
        }
        double fraction =
            rounds == 1 ? end : start + (end - start) * (round - 1) / (double) (rounds - 1);
        ProbabilityMatrix p =
            BatchedInference.probabilities(network, poolInputs.values(), pool.size());
        int[][] chosen = mostConfidentPerClass(p, fraction);
        Dataset<?> train = pseudoLabelled(pool, chosen[0], chosen[1], labelled, names);
        EncodedData encoded =
            EncodedData.labelled(source.encoder(), train, source.inputSpec(), task, augment, size);
        Fitting.Outcome fit =
            Fitting.fit(
                network,
                encoded,
                validation,
                epochsPerRound,
                settings.batchSize(),
                settings.patience(),
                Runs.derive(context.seed(), 10 + round),
                deadline);
        notes.add(
            fit.describe(
                String.format(
                    Locale.ROOT,
                    "round %d: %d pseudo-labels, top %.0f%% of each predicted class %s%s",
                    round,
                    chosen[0].length,
                    100 * fraction,
                    Arrays.toString(chosen[2]),
                    labelled == null ? "" : " + " + labelled.size() + " labelled")));
      }
      Provenance provenance = Runs.provenance(ID, context, device, notes);
      NetworkModel model =
          new NetworkModel(network, source.encoder(), source.inputSpec(), names, provenance);
      network = null;
      return Runs.result(ID, context, model, notes, provenance);
    } finally {
      if (network != null) {
        network.close();
      }
    }
  }

  /**
   * The most confident {@code fraction} (rounded up) of the pool rows predicted as each class.
   *
   * @return {rows, labels, per-class counts}
   */
  static int[][] mostConfidentPerClass(ProbabilityMatrix p, double fraction) {
    int k = p.classes();
    double[] v = p.values().data();
    int[] best = p.argmax().values();
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < p.rows(); i++) {
      byClass.get(best[i]).add(i);
    }
    List<Integer> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    int[] perClass = new int[k];
    for (int c = 0; c < k; c++) {
      final int cls = c;
      List<Integer> members = byClass.get(c);
      members.sort(
          (a, b) -> {
            int byConfidence = Double.compare(v[b * k + cls], v[a * k + cls]);
            return byConfidence != 0 ? byConfidence : Integer.compare(a, b);
          });
      int take = (int) Math.ceil(fraction * members.size());
      for (int j = 0; j < take; j++) {
        rows.add(members.get(j));
        labels.add(c);
      }
      perClass[c] = take;
    }
    return new int[][] {
      rows.stream().mapToInt(Integer::intValue).toArray(),
      labels.stream().mapToInt(Integer::intValue).toArray(),
      perClass
    };
  }

  @SuppressWarnings("unchecked")
  private static <T> Dataset<T> pseudoLabelled(
      Dataset<T> pool, int[] rows, int[] pseudo, Dataset<?> labelled, List<String> names) {
    List<T> examples = new ArrayList<>();
    int extra = labelled == null ? 0 : labelled.size();
    int[] values = new int[rows.length + extra];
    for (int i = 0; i < rows.length; i++) {
      examples.add(pool.example(rows[i]));
      values[i] = pseudo[i];
    }
    if (labelled != null) {
      int[] known = ((Dataset<T>) labelled).classLabels().values();
      for (int i = 0; i < extra; i++) {
        examples.add(((Dataset<T>) labelled).example(i));
        values[rows.length + i] = known[i];
      }
    }
    return Dataset.labelled(pool.info(), examples, ClassLabels.of(values, names));
  }
}
