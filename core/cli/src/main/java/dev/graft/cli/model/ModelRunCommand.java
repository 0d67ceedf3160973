package dev.graft.cli.model;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.tensorflow.io.HostTensor;
import dev.graft.tensorflow.io.Npy;
import dev.graft.tensorflow.savedmodel.SavedModelRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code graft model run DIR --signature S --input NAME=FILE.npy ... --output OUT_DIR}: runs one
 * signature of a SavedModel on {@code .npy} inputs and writes one {@code .npy} per output, named
 * after the output key.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run a SavedModel signature on .npy inputs; write one .npy per output.")
final class ModelRunCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "DIR", description = "The SavedModel directory.")
  Path directory;

  @Option(
      names = {"-s", "--signature"},
      paramLabel = "KEY",
      defaultValue = "serving_default",
      description = "Signature to run (default: ${DEFAULT-VALUE}).")
  String signature;

  @Option(
      names = {"-i", "--input"},
      paramLabel = "NAME=FILE",
      required = true,
      description = "An input of the signature and the .npy file holding it; repeat per input.")
  Map<String, Path> inputs = new LinkedHashMap<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUT_DIR",
      required = true,
      description = "Folder for the outputs (created if missing); one KEY.npy per output.")
  Path outputDir;

  @Option(
      names = "--tags",
      split = ",",
      paramLabel = "TAG",
      description = "Meta graph tags (default: the only meta graph, or 'serve').")
  List<String> tags = List.of();

  @Option(
      names = "--device",
      defaultValue = "cpu",
      paramLabel = "DEVICE",
      description = "cpu, gpu or gpu:N (default: ${DEFAULT-VALUE}).")
  String device;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "0",
      description = "Run at most N rows at a time (default: all rows in one call).")
  int batchSize;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Map<String, HostTensor> values = new LinkedHashMap<>();
    inputs.forEach((name, file) -> values.put(name, Npy.read(file)));
    Map<String, HostTensor> outputs;
    try (SavedModelRunner runner =
        SavedModelRunner.builder(directory)
            .signature(signature)
            .tags(new LinkedHashSet<>(tags))
            .device(DeviceConfig.parse(device))
            .open()) {
      outputs = batchSize > 0 ? runner.runBatched(values, batchSize) : runner.run(values);
    }
    createOutputDir();
    PrintWriter out = spec.commandLine().getOut();
    Set<String> used = new LinkedHashSet<>();
    for (Map.Entry<String, HostTensor> output : outputs.entrySet()) {
      Path file = outputDir.resolve(uniqueFileName(output.getKey(), used));
      Npy.write(file, output.getValue());
      out.println(output.getKey() + " " + output.getValue().describe() + " -> " + file);
    }
    out.flush();
    return 0;
  }

  private void createOutputDir() {
    try {
      Files.createDirectories(outputDir);
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_WRITABLE,
          "cannot create output folder " + outputDir + ": " + e.getMessage(),
          e);
    }
  }

  /** Output keys may hold characters that are unsafe in file names; those become '_'. */
  private static String uniqueFileName(String key, Set<String> used) {
    String base = key.replaceAll("[^A-Za-z0-9._-]", "_");
    if (base.isEmpty() || base.startsWith(".")) {
      base = "_" + base;
    }
    String name = base;
    for (int n = 2; !used.add(name); n++) {
      name = base + "_" + n;
    }
    return name + ".npy";
  }
}
