package dev.graft.sdk.cli;

import dev.graft.api.config.DeviceConfig;
import dev.graft.sdk.store.ModelStores;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * The options every {@code graft pretrain <modality>} command takes with the same names, defaults
 * and help: {@code --store}, {@code --validation}, {@code --batch-size}, {@code --learning-rate}
 * and {@code --device}. Use it as a picocli mixin in the command's options class:
 *
 * <pre>
 * &#64;Mixin PretrainOptions common;
 * ...
 * Path where = common.store(env);
 * new MyPretrainer(common.device(), PretrainOptions.lines(out, "  ")) ...
 * </pre>
 *
 * <p>Options whose defaults differ between modalities ({@code --epochs}, {@code --patience}, {@code
 * --seed}, {@code --name}) stay in each command. Also holds the small output helpers the pretrain
 * commands share.
 */
public final class PretrainOptions {

  @Option(
      names = "--store",
      paramLabel = "DIR",
      description = "the model store (default: $GRAFT_MODEL_STORE, else ~/.graft/models)")
  private Path store;

  @Option(
      names = "--validation",
      defaultValue = "0.1",
      paramLabel = "F",
      description = "stratified validation fraction, 0 to 0.5 (default: ${DEFAULT-VALUE})")
  private double validation;

  @Option(
      names = "--batch-size",
      defaultValue = "64",
      paramLabel = "N",
      description = "examples per step (default: ${DEFAULT-VALUE})")
  private int batchSize;

  @Option(
      names = "--learning-rate",
      defaultValue = "0.001",
      paramLabel = "R",
      description = "Adam learning rate (default: ${DEFAULT-VALUE})")
  private double learningRate;

  @Option(
      names = "--device",
      defaultValue = "cpu",
      paramLabel = "D",
      description = "cpu or gpu:N (default: ${DEFAULT-VALUE})")
  private String device;

  /** Creates the options with their defaults (picocli sets them when parsing). */
  public PretrainOptions() {
    this.validation = 0.1;
    this.batchSize = 64;
    this.learningRate = 0.001;
    this.device = "cpu";
  }

  /**
   * The model store: {@code --store}, else {@link ModelStores#defaultStore(Map)}.
   *
   * @param env the environment ({@code GRAFT_MODEL_STORE})
   * @return the store folder
   */
  public Path store(Map<String, String> env) {
    return store != null ? store : ModelStores.defaultStore(env);
  }

  /**
   * {@code --validation}: the stratified validation fraction.
   *
   * @return the fraction
   */
  public double validation() {
    return validation;
  }

  /**
   * {@code --batch-size}: examples per step.
   *
   * @return the batch size
   */
  public int batchSize() {
    return batchSize;
  }

  /**
   * {@code --learning-rate}: Adam's learning rate.
   *
   * @return the rate
   */
  public double learningRate() {
    return learningRate;
  }

  /**
   * {@code --device}, parsed (parsing happens on each call, where the command asks for it).
   *
   * @return the device
   * @throws dev.graft.api.error.ConfigException if it is neither {@code cpu} nor {@code gpu:N}
   */
  public DeviceConfig device() {
    return DeviceConfig.parse(device);
  }

  /**
   * A progress sink that prints each line with a prefix and flushes, so training progress shows as
   * it happens.
   *
   * @param out where to print
   * @param indent printed before each line, e.g. two spaces or nothing
   * @return the sink
   */
  public static Consumer<String> lines(PrintWriter out, String indent) {
    return line -> {
      out.println(indent + line);
      out.flush();
    };
  }

  /**
   * A validation accuracy as the pretrain commands print it: four decimals, or {@code n/a} for NaN
   * (no validation split).
   *
   * @param accuracy the accuracy
   * @return its text
   */
  public static String accuracy(double accuracy) {
    return Double.isNaN(accuracy) ? "n/a" : String.format(Locale.ROOT, "%.4f", accuracy);
  }
}
