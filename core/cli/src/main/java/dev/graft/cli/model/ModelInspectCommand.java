package dev.graft.cli.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.tensorflow.savedmodel.MetaGraphInfo;
import dev.graft.tensorflow.savedmodel.ModelDigests;
import dev.graft.tensorflow.savedmodel.ModelManifest;
import dev.graft.tensorflow.savedmodel.SavedModelInfo;
import dev.graft.tensorflow.savedmodel.SavedModelInspector;
import dev.graft.tensorflow.savedmodel.SignatureInfo;
import dev.graft.tensorflow.savedmodel.TensorSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code graft model inspect DIR [--json]}: prints a SavedModel's tag sets and, for each signature,
 * its inputs and outputs with dtypes and shapes; for a Graft export also its manifest (labels,
 * provenance) after verifying the file digests. Does not start TensorFlow.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = "Print a SavedModel's tags, signatures, inputs and outputs.")
final class ModelInspectCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "DIR", description = "The SavedModel directory.")
  Path directory;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    SavedModelInfo info = SavedModelInspector.inspect(directory);
    ModelManifest manifest = null;
    if (ModelManifest.existsIn(directory)) {
      manifest = ModelManifest.readFrom(directory);
      ModelDigests.verify(directory, manifest);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(toJson(info, manifest));
    } else {
      printText(out, info, manifest);
    }
    out.flush();
    return 0;
  }

  private static void printText(PrintWriter out, SavedModelInfo info, ModelManifest manifest) {
    out.println("SavedModel " + info.directory().toAbsolutePath());
    for (MetaGraphInfo graph : info.metaGraphs()) {
      out.println(
          "meta graph tags "
              + graph.tags()
              + (graph.tensorFlowVersion().isEmpty()
                  ? ""
                  : " (written by TensorFlow " + graph.tensorFlowVersion() + ")"));
      for (SignatureInfo signature : graph.signatures().values()) {
        out.println("  signature " + signature.key() + " (" + signature.methodName() + ")");
        for (TensorSpec input : signature.inputs()) {
          out.println("    input  " + input.describe() + "  <- " + input.tensorName());
        }
        for (TensorSpec output : signature.outputs()) {
          out.println("    output " + output.describe() + "  <- " + output.tensorName());
        }
      }
    }
    if (manifest != null) {
      out.println(
          "graft manifest v"
              + manifest.formatVersion()
              + ": "
              + manifest.files().size()
              + " files, digests verified");
      if (!manifest.labels().isEmpty()) {
        out.println("  labels " + manifest.labels());
      }
      if (manifest.inputSpec() != null) {
        out.println("  input spec " + manifest.inputSpec());
      }
      manifest.provenance().forEach((key, value) -> out.println("  " + key + ": " + value));
    }
  }

  private static String toJson(SavedModelInfo info, ModelManifest manifest) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("directory", info.directory().toAbsolutePath().toString());
    List<Map<String, Object>> graphs = new ArrayList<>();
    for (MetaGraphInfo graph : info.metaGraphs()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("tags", graph.tags());
      entry.put("tensorflowVersion", graph.tensorFlowVersion());
      entry.put("signatures", graph.signatures());
      graphs.add(entry);
    }
    root.put("metaGraphs", graphs);
    if (manifest != null) {
      root.put("manifest", manifest);
    }
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.INTERNAL,
          "cannot write the inspection of " + info.directory() + " as JSON",
          e);
    }
  }
}
