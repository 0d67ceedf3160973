package dev.graft.nlp.bench;

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
import dev.graft.engine.run.RankedSource;
import dev.graft.engine.run.RunResult;
import dev.graft.engine.run.StrategyOutcome;
import dev.graft.nlp.encode.TextInputEncoder;
import dev.graft.nlp.read.FortuneReader;
import dev.graft.nlp.read.JsonlTextReader;
import dev.graft.nlp.read.TextCsvReader;
import dev.graft.nlp.read.TextFolderReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the NLP benches share: the host with the NLP extensions, logging, outcome tables. */
final class NlpBenchSupport {

  private NlpBenchSupport() {}

  /** The NLP plugin's extensions, bound as if they were built in (class path, no PF4J jar). */
  static final class NlpModule extends AbstractModule {
    @Override
    protected void configure() {
      Multibinder<DatasetReader> readers = Multibinder.newSetBinder(binder(), DatasetReader.class);
      readers.addBinding().to(TextCsvReader.class);
      readers.addBinding().to(JsonlTextReader.class);
      readers.addBinding().to(TextFolderReader.class);
      readers.addBinding().to(FortuneReader.class);
      Multibinder.newSetBinder(binder(), InputEncoder.class)
          .addBinding()
          .to(TextInputEncoder.class);
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

  static String header() {
    return String.format(
        Locale.ROOT,
        "cpus=%d java=%s tensorflow=%s loadavg-start=%s",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        org.tensorflow.TensorFlow.version(),
        loadAverage());
  }

  private static Injector injector(GraftConfig config) {
    return Guice.createInjector(new GraftModule(config), new NlpModule());
  }

  static RunResult runJob(
      JobSpec spec, Path baseDir, Path store, Path cache, StringBuilder report) {
    GraftConfig config = new GraftConfig(Optional.empty(), DeviceConfig.cpu(), store, cache);
    Injector injector = injector(config);
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

  static List<RankedSource> rankJob(JobSpec spec, Path baseDir, Path store, Path cache) {
    GraftConfig config = new GraftConfig(Optional.empty(), DeviceConfig.cpu(), store, cache);
    Injector injector = injector(config);
    ExtensionRegistry registry = injector.getInstance(ExtensionRegistry.class);
    try {
      return new TransferPipeline(registry, config).rank(spec, baseDir, new PipelineListener() {});
    } finally {
      injector.getInstance(PluginHost.class).close();
    }
  }

  /** One line per outcome: macro-F1 and accuracy with 95% intervals, the paired difference. */
  static void logOutcomes(RunResult result, StringBuilder report) {
    result.ranking().forEach(r -> log(report, "ranking: " + r));
    log(
        report,
        "strategy | source | macro-F1 mean [95% CI] | accuracy mean [95% CI] | macro-F1 - scratch"
            + " [95% CI] | verdict | per-seed macro-F1");
    for (StrategyOutcome o : result.outcomes()) {
      MetricSummary f1 = o.metric("macro-f1");
      MetricSummary acc = o.metric("accuracy");
      log(
          report,
          String.format(
              Locale.ROOT,
              "%s | %s | %.4f [%.4f, %.4f] | %.4f [%.4f, %.4f] | %+.4f [%+.4f, %+.4f] | %s | %s",
              o.strategyId(),
              o.sourceId(),
              f1.mean(),
              f1.lower(),
              f1.upper(),
              acc.mean(),
              acc.lower(),
              acc.upper(),
              o.differenceMean(),
              o.differenceLower(),
              o.differenceUpper(),
              o.verdict(),
              f1.perRun().stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).toList()));
    }
  }
}
