package dev.graft.vision.bench;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.DatasetReader;
import dev.graft.api.source.InputEncoder;
import dev.graft.engine.GraftConfig;
import dev.graft.engine.inject.GraftModule;
import dev.graft.engine.job.JobSpec;
import dev.graft.engine.pipeline.PipelineListener;
import dev.graft.engine.pipeline.TransferPipeline;
import dev.graft.engine.plugin.ExtensionRegistry;
import dev.graft.engine.plugin.PluginHost;
import dev.graft.engine.run.CurvePoint;
import dev.graft.engine.run.MetricSummary;
import dev.graft.engine.run.RankedSource;
import dev.graft.engine.run.RunResult;
import dev.graft.engine.run.StrategyOutcome;
import dev.graft.vision.encode.ImageInputEncoder;
import dev.graft.vision.read.IdxReader;
import dev.graft.vision.read.ImageCsvReader;
import dev.graft.vision.read.ImageFolderReader;
import dev.graft.vision.read.PixelCsvReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the vision benches share: the host with the vision extensions, logging, outcome tables. */
final class BenchSupport {

  private BenchSupport() {}

  /** The vision plugin's extensions, bound as if they were built in (class path, no PF4J jar). */
  static final class VisionModule extends AbstractModule {
    @Override
    protected void configure() {
      Multibinder<DatasetReader> readers = Multibinder.newSetBinder(binder(), DatasetReader.class);
      readers.addBinding().to(PixelCsvReader.class);
      readers.addBinding().to(IdxReader.class);
      readers.addBinding().to(ImageFolderReader.class);
      readers.addBinding().to(ImageCsvReader.class);
      Multibinder.newSetBinder(binder(), InputEncoder.class)
          .addBinding()
          .to(ImageInputEncoder.class);
    }
  }

  static void log(StringBuilder report, String line) {
    report.append(line).append(System.lineSeparator());
    System.out.println(line);
    System.out.flush();
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "n/a";
    }
  }

  /**
   * Runs a job through the engine's pipeline on a host with the vision extensions.
   *
   * @param spec the job
   * @param baseDir the job's folder
   * @param store the model store
   * @param cache the feature cache folder
   * @param report receives progress lines
   * @return the result
   */
  static RunResult runJob(
      JobSpec spec, Path baseDir, Path store, Path cache, StringBuilder report) {
    GraftConfig config = new GraftConfig(Optional.empty(), DeviceConfig.cpu(), store, cache);
    Injector injector = Guice.createInjector(new GraftModule(config), new VisionModule());
    ExtensionRegistry registry = injector.getInstance(ExtensionRegistry.class);
    PipelineListener listener =
        new PipelineListener() {
          @Override
          public void stepStarted(String step) {
            log(report, "pipeline: " + step + " (loadavg " + loadAverage() + ")");
          }

          @Override
          public void note(String message) {
            log(report, "pipeline note: " + message);
          }
        };
    try {
      return new TransferPipeline(registry, config).run(spec, baseDir, listener);
    } finally {
      injector.getInstance(PluginHost.class).close();
    }
  }

  /**
   * Ranks a job's sources with its estimators only (no training), on the labelled examples of the
   * job's first seed, on a host with the vision extensions.
   *
   * @param spec the job
   * @param baseDir the job's folder
   * @param store the model store
   * @param cache the feature cache folder
   * @return the ranking rows, best first, with each estimator's score and time
   */
  static List<RankedSource> rankJob(JobSpec spec, Path baseDir, Path store, Path cache) {
    GraftConfig config = new GraftConfig(Optional.empty(), DeviceConfig.cpu(), store, cache);
    Injector injector = Guice.createInjector(new GraftModule(config), new VisionModule());
    ExtensionRegistry registry = injector.getInstance(ExtensionRegistry.class);
    try {
      return new TransferPipeline(registry, config).rank(spec, baseDir, new PipelineListener() {});
    } finally {
      injector.getInstance(PluginHost.class).close();
    }
  }

  /** Logs the ranking, one line per outcome (curve or accuracy with its 95% interval), winner. */
  static void logOutcomes(RunResult result, StringBuilder report) {
    result.ranking().forEach(r -> log(report, "ranking: " + r));
    for (StrategyOutcome o : result.outcomes()) {
      StringBuilder line =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "%-13s %-20s verdict %-17s diff %+.4f [%+.4f, %+.4f] train %.0f s:",
                  o.strategyId(),
                  o.sourceId(),
                  o.verdict(),
                  o.differenceMean(),
                  o.differenceLower(),
                  o.differenceUpper(),
                  o.trainSeconds()));
      for (CurvePoint p : o.curve()) {
        line.append(
            String.format(
                Locale.ROOT,
                "  k=%d %.4f [%.4f, %.4f]",
                p.labelsPerClass(),
                p.mean(),
                p.lower(),
                p.upper()));
      }
      MetricSummary acc = o.metric("accuracy");
      if (o.curve().isEmpty() && acc != null) {
        line.append(
            String.format(
                Locale.ROOT,
                "  accuracy %.4f [%.4f, %.4f] per run %s",
                acc.mean(),
                acc.lower(),
                acc.upper(),
                acc.perRun()));
      }
      log(report, line.toString());
    }
  }
}
