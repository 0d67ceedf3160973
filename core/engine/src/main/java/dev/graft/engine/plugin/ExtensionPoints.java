package dev.graft.engine.plugin;

import dev.graft.api.command.PluginCommand;
import dev.graft.api.data.DatasetReader;
import dev.graft.api.estimate.TransferabilityEstimator;
import dev.graft.api.evaluate.Evaluator;
import dev.graft.api.extension.GraftExtension;
import dev.graft.api.source.InputEncoder;
import dev.graft.api.source.SourceLoader;
import dev.graft.api.transfer.TransferStrategy;
import java.util.List;
import java.util.Locale;

/** The extension points the host knows, in the order reports list them. */
public final class ExtensionPoints {

  /** All extension points. */
  public static final List<Class<? extends GraftExtension>> ALL =
      List.of(
          DatasetReader.class,
          SourceLoader.class,
          TransferabilityEstimator.class,
          TransferStrategy.class,
          Evaluator.class,
          InputEncoder.class,
          PluginCommand.class);

  private ExtensionPoints() {}

  /**
   * The short name used in reports and the CLI, e.g. {@code transferability-estimator}.
   *
   * @param point an extension point
   * @return its kebab-case name
   */
  public static String displayName(Class<?> point) {
    return point.getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
