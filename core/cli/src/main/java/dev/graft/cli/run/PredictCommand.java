package dev.graft.cli.run;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.io.AtomicFiles;
import dev.graft.api.source.SourceLoader;
import dev.graft.cli.GraftCli;
import dev.graft.engine.serve.ModelPredictor;
import dev.graft.engine.source.ModelStoreLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code graft predict}: serve an exported model on new data. */
@Command(
    name = "predict",
    description =
        "Predict with an exported model (a run's model/ folder or a model-store entry) on data read"
            + " by a dataset reader; prints or writes one line per example.")
public final class PredictCommand implements Callable<Integer> {

  @ParentCommand GraftCli root;

  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "The model folder.")
  Path model;

  @Option(
      names = "--reader",
      required = true,
      paramLabel = "ID",
      description = "The dataset reader for the input, e.g. image-folder or pixel-csv.")
  String reader;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "PATH",
      description = "File or folder to read.")
  Path input;

  @Option(
      names = "--option",
      paramLabel = "KEY=VALUE",
      description = "A reader option, e.g. --option width=8 (repeatable).")
  Map<String, String> options = new LinkedHashMap<>();

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write CSV here instead of stdout.")
  Path output;

  @Option(names = "--top", defaultValue = "1", description = "Classes per example (default 1).")
  int top;

  @Override
  public Integer call() {
    if (top < 1) {
      throw new GraftException(
          GraftErrors.INVALID_CONFIG, "'--top' is " + top + "; it must be 1 or more.");
    }
    var registry = root.session().registry();
    DatasetReader r = registry.require(DatasetReader.class, reader);
    Dataset<?> data = r.read(input, new ReadOptions(BadInputPolicy.FAIL, 0, options)).dataset();
    SourceLoader loader = registry.require(SourceLoader.class, ModelStoreLoader.ID);
    try (ModelPredictor predictor = ModelPredictor.load(model, (ModelStoreLoader) loader)) {
      ProbabilityMatrix p = predictor.predict(data).probabilities().orElseThrow();
      String csv = format(p, predictor.labels());
      if (output != null) {
        AtomicFiles.writeString(output, csv);
        spec.commandLine()
            .getOut()
            .println("Wrote " + data.size() + " predictions to " + output.toAbsolutePath());
      } else {
        PrintWriter out = spec.commandLine().getOut();
        out.print(csv);
        out.flush();
      }
    }
    return GraftCli.EXIT_OK;
  }

  private String format(ProbabilityMatrix p, List<String> labels) {
    StringBuilder sb = new StringBuilder("index");
    for (int k = 1; k <= top; k++) {
      sb.append(",class").append(k).append(",probability").append(k);
    }
    sb.append('\n');
    int classes = p.classes();
    for (int i = 0; i < p.rows(); i++) {
      double[] row = p.values().row(i);
      Integer[] order = new Integer[classes];
      for (int c = 0; c < classes; c++) {
        order[c] = c;
      }
      java.util.Arrays.sort(order, (a, b) -> Double.compare(row[b], row[a]));
      sb.append(i);
      for (int k = 0; k < Math.min(top, classes); k++) {
        int c = order[k];
        sb.append(',').append(c < labels.size() ? labels.get(c) : Integer.toString(c));
        sb.append(',').append(String.format(Locale.ROOT, "%.6f", row[c]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
