package dev.graft.speech.bench;

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
import dev.graft.engine.run.MetricSummary;
import dev.graft.engine.run.RunResult;
import dev.graft.engine.run.StrategyOutcome;
import dev.graft.speech.encode.AudioInputEncoder;
import dev.graft.speech.read.AudioCsvReader;
import dev.graft.speech.read.WavFolderReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** What the speech benches share: the host with the speech extensions, logging, outcome lines. */
final class SpeechBenchSupport {

  private SpeechBenchSupport() {}

  /** The speech plugin's readers and encoder, bound as if built in (class path, no PF4J zip). */
  static final class SpeechModule extends AbstractModule {
    @Override
    protected void configure() {
      Multibinder<DatasetReader> readers = Multibinder.newSetBinder(binder(), DatasetReader.class);
      readers.addBinding().to(WavFolderReader.class);
      readers.addBinding().to(AudioCsvReader.class);
      Multibinder.newSetBinder(binder(), InputEncoder.class)
          .addBinding()
          .to(AudioInputEncoder.class);
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

  /** Runs a job through the engine's pipeline on a host with the speech extensions. */
  static RunResult runJob(
      JobSpec spec, Path baseDir, Path store, Path cache, StringBuilder report) {
    GraftConfig config = new GraftConfig(Optional.empty(), DeviceConfig.cpu(), store, cache);
    Injector injector = Guice.createInjector(new GraftModule(config), new SpeechModule());
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

  /** Logs the ranking and one line per outcome (accuracy with its 95% interval). */
  static void logOutcomes(RunResult result, StringBuilder report) {
    result.ranking().forEach(r -> log(report, "ranking: " + r));
    for (StrategyOutcome o : result.outcomes()) {
      MetricSummary acc = o.metric("accuracy");
      log(
          report,
          String.format(
              Locale.ROOT,
              "%-13s %-18s verdict %-17s accuracy %.4f [%.4f, %.4f] vs scratch %+.4f [%+.4f, %+.4f]"
                  + " train %.0f s per run %s",
              o.strategyId(),
              o.sourceId(),
              o.verdict(),
              acc.mean(),
              acc.lower(),
              acc.upper(),
              o.differenceMean(),
              o.differenceLower(),
              o.differenceUpper(),
              o.trainSeconds(),
              acc.perRun()));
    }
    log(report, "winner: " + result.winner());
  }
}
