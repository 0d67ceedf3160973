package dev.graft.nlp.pretrain;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.nlp.Text;
import dev.graft.nlp.encode.TextEncoding;
import dev.graft.nlp.encode.TextInputSpec;
import dev.graft.nlp.recipe.TextRecipes;
import dev.graft.nlp.token.Vocabulary;
import dev.graft.sdk.store.ModelStoreWriter;
import dev.graft.sdk.train.ClassifierPretrainer;
import dev.graft.sdk.train.StratifiedSplit;
import dev.graft.tensorflow.nn.FineTuning;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.LayerSpec;
import dev.graft.tensorflow.nn.LossSpec;
import dev.graft.tensorflow.nn.NetworkSpec;
import dev.graft.tensorflow.nn.OptimizerSpec;
import dev.graft.tensorflow.train.ArrayDataset;
import dev.graft.tensorflow.train.EarlyStopping;
import dev.graft.tensorflow.train.EpochSummary;
import dev.graft.tensorflow.train.Evaluator;
import dev.graft.tensorflow.train.Trainer;
import dev.graft.tensorflow.train.TrainerConfig;
import dev.graft.tensorflow.train.TrainingListener;
import dev.graft.tensorflow.train.TrainingResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains a text recipe on labelled texts and stores it in the model store: stratified validation
 * split; a vocabulary built from the training texts (or taken from the word vectors); texts encoded
 * with the same {@link TextEncoding} the {@code text} input encoder uses at transfer time; Adam
 * with softmax cross-entropy and early stopping on the validation loss; export with the text input
 * spec (tokeniser, vocabulary, length) in the manifest, the class names as labels and provenance.
 * Runs without word vectors go through the SDK's {@link ClassifierPretrainer}; runs with vectors
 * load them into the embedding before training (and keep it fixed when frozen).
 */
public final class TextPretrainer {

  private final DeviceConfig device;
  private final Consumer<String> progress;

  /**
   * Creates a pretrainer.
   *
   * @param device where to train
   * @param progress receives one line per epoch
   */
  public TextPretrainer(DeviceConfig device, Consumer<String> progress) {
    this.device = device;
    this.progress = progress;
  }

  /**
   * Trains and stores the model.
   *
   * @param request what to train
   * @return the outcome
   */
  public TextPretrainResult run(TextPretrainRequest request) {
    long started = System.nanoTime();
    Dataset<Text> data = request.data();
    ClassLabels labels = labelsOf(data);
    StratifiedSplit split =
        StratifiedSplit.of(labels, request.validationFraction(), request.seed());
    Dataset<Text> train = data.subset(split.train());
    Vocabulary vocabulary;
    int dimension;
    if (request.vectors() != null) {
      vocabulary = request.vectors().vocabulary(request.maxVocabulary());
      dimension = request.vectors().dimension();
    } else {
      List<List<String>> docs = new ArrayList<>(train.size());
      for (Text t : train.examples()) {
        docs.add(request.tokenizer().tokenize(t.value()));
      }
      vocabulary =
          Vocabulary.build(
              docs, request.minFrequency(), request.maxVocabulary(), Vocabulary.DEFAULT_RESERVED);
      dimension = request.dimension();
    }
    TextInputSpec spec = TextInputSpec.word(request.tokenizer(), vocabulary, request.maxLength());
    TextEncoding encoding = new TextEncoding(spec);
    int classes = labels.numClasses();
    ArrayDataset trainSet = encode(encoding, train, classes);
    ArrayDataset validationSet =
        split.validation().length == 0
            ? null
            : encode(encoding, data.subset(split.validation()), classes);
    NetworkSpec network =
        TextRecipes.build(
            request.recipe(), request.maxLength(), vocabulary.size(), dimension, classes);
    Map<String, Object> inputSpec = spec.toMap();
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("modality", "text");
    provenance.put("producer", "graft pretrain text");
    provenance.put("recipe", request.recipe());
    provenance.put("dataset", data.info().name());
    provenance.put("dataLocation", data.info().location());
    provenance.put("dataDigest", data.info().digest());
    provenance.put("examples", data.size());
    provenance.put("validationFraction", request.validationFraction());
    provenance.put("vocabularySize", vocabulary.size());
    provenance.put("maxLength", request.maxLength());
    provenance.put("embeddingDimension", dimension);
    provenance.put(
        "wordVectors",
        request.vectors() == null ? "none" : request.vectors().size() + " x " + dimension);
    provenance.put("frozenEmbedding", request.freezeEmbedding());
    if (request.vectors() != null) {
      provenance.put("wordVectorsDigest", request.vectors().digest());
    }
    double accuracy;
    int epochsRun;
    int bestEpoch;
    if (request.vectors() == null) {
      ClassifierPretrainer.Outcome o =
          new ClassifierPretrainer(device, progress)
              .run(
                  new ClassifierPretrainer.Request(
                      network,
                      labels.names(),
                      trainSet,
                      validationSet,
                      inputSpec,
                      provenance,
                      request.epochs(),
                      request.batchSize(),
                      request.learningRate(),
                      request.patience(),
                      request.seed(),
                      request.target()));
      accuracy = o.validationAccuracy();
      epochsRun = o.epochsRun();
      bestEpoch = o.bestEpoch();
    } else {
      float[] table = request.vectors().embeddingTable(vocabulary, request.seed());
      Trained r =
          trainWithVectors(
              request, network, table, trainSet, validationSet, labels, inputSpec, provenance);
      epochsRun = r.epochsRun();
      bestEpoch = r.bestEpoch();
      accuracy = r.accuracy();
    }
    return new TextPretrainResult(
        request.target().toAbsolutePath().normalize(),
        request.recipe(),
        labels.names(),
        vocabulary.size(),
        split.train().length,
        split.validation().length,
        epochsRun,
        bestEpoch,
        accuracy,
        (System.nanoTime() - started) / 1e9);
  }

  private record Trained(int epochsRun, int bestEpoch, double accuracy) {}

  private Trained trainWithVectors(
      TextPretrainRequest request,
      NetworkSpec network,
      float[] table,
      ArrayDataset trainSet,
      ArrayDataset validationSet,
      ClassLabels labels,
      Map<String, Object> inputSpec,
      Map<String, Object> provenance) {
    GraphModel.Builder builder =
        GraphModel.builder()
            .setNetwork(network)
            .setLoss(LossSpec.softmaxCrossEntropy())
            .optOptimizer(OptimizerSpec.adam(request.learningRate()))
            .optSeed(request.seed())
            .optDevice(device);
    if (request.freezeEmbedding()) {
      builder.optFineTuning(
          FineTuning.layers(
              network.layers().stream()
                  .map(LayerSpec::name)
                  .filter(n -> !n.equals(TextRecipes.EMBEDDING))
                  .toArray(String[]::new)));
    }
    try (GraphModel model = builder.build()) {
      List<String> loaded =
          model.loadWeights(
              Map.of(TextRecipes.EMBEDDING + "/embeddings", table),
              layer -> layer.equals(TextRecipes.EMBEDDING));
      if (loaded.isEmpty()) {
        throw new IllegalStateException("the recipe has no '" + TextRecipes.EMBEDDING + "' layer");
      }
      TrainerConfig config =
          TrainerConfig.of(request.epochs(), request.batchSize(), request.seed());
      if (validationSet != null) {
        config =
            config.withEarlyStopping(
                new EarlyStopping(EarlyStopping.Metric.VAL_LOSS, request.patience(), 0, true));
      }
      TrainingResult result =
          Trainer.builder()
              .setModel(model)
              .setConfig(config)
              .optListener(new Progress(progress, request.epochs()))
              .build()
              .fit(trainSet, validationSet);
      double accuracy =
          validationSet == null
              ? Double.NaN
              : Evaluator.evaluate(model, validationSet, 256).accuracy();
      Map<String, Object> p = new LinkedHashMap<>(provenance);
      p.put("networkName", network.name());
      p.put("trainExamples", trainSet.size());
      p.put("validationExamples", validationSet == null ? 0 : validationSet.size());
      p.put("epochs", request.epochs());
      p.put("epochsRun", result.history().size());
      p.put("bestEpoch", result.bestEpoch() + 1);
      p.put("stoppedEarly", result.stoppedEarly());
      p.put("batchSize", request.batchSize());
      p.put("learningRate", request.learningRate());
      p.put("patience", request.patience());
      p.put("seed", request.seed());
      p.put("finalTrainLoss", result.last().trainLoss());
      if (!Double.isNaN(accuracy)) {
        p.put("validationAccuracy", accuracy);
      }
      ModelStoreWriter.write(model, labels.names(), inputSpec, p, request.target());
      return new Trained(result.history().size(), result.bestEpoch() + 1, accuracy);
    }
  }

  private static ArrayDataset encode(TextEncoding encoding, Dataset<Text> data, int classes) {
    int per = encoding.exampleSize();
    float[] x = new float[data.size() * per];
    for (int i = 0; i < data.size(); i++) {
      encoding.encodeInto(data.example(i).value(), x, i * per);
    }
    return ArrayDataset.ofClasses(x, per, data.classLabels().values(), classes);
  }

  static ClassLabels labelsOf(Dataset<Text> data) {
    if (data.targets().isEmpty() || !(data.targets().get() instanceof ClassLabels labels)) {
      throw new InvalidInputException(
          GraftErrors.INVALID_LABELS,
          "data set '"
              + data.info().name()
              + "' ("
              + data.info().location()
              + ") has no class"
              + " labels; pretraining needs labelled texts (e.g. text-csv with a label column, or"
              + " fortune files whose names are the classes).");
    }
    if (labels.numClasses() < 2) {
      throw new InvalidInputException(
          GraftErrors.INVALID_LABELS,
          "data set '"
              + data.info().name()
              + "' has "
              + labels.numClasses()
              + " class;"
              + " pretraining a classifier needs two or more.");
    }
    int[] counts = labels.counts();
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] == 0) {
        throw new InvalidInputException(
            GraftErrors.INVALID_LABELS,
            "class '"
                + labels.names().get(c)
                + "' of data set '"
                + data.info().name()
                + "' has no"
                + " examples; a classifier cannot learn a class it never sees. Add texts of that"
                + " class or leave it out (reader option classes/categories).");
      }
    }
    return labels;
  }

  /** Reports each epoch. */
  private record Progress(Consumer<String> out, int epochs) implements TrainingListener {
    @Override
    public void onEpochEnd(EpochSummary s) {
      StringBuilder line =
          new StringBuilder(
              String.format(
                  Locale.ROOT, "epoch %d/%d: loss %.4f", s.epoch() + 1, epochs, s.trainLoss()));
      if (s.validation() != null) {
        line.append(
            String.format(
                Locale.ROOT,
                ", val_loss %.4f, val_accuracy %.4f",
                s.validation().loss(),
                s.validation().accuracy()));
      }
      line.append(String.format(Locale.ROOT, " (%.1f s)", s.seconds()));
      out.accept(line.toString());
    }
  }
}
