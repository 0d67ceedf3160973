package dev.graft.engine;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.source.SourceLoader;
import dev.graft.engine.inject.GraftModule;
import dev.graft.engine.job.JobSpec;
import dev.graft.engine.job.JobSpecs;
import dev.graft.engine.pipeline.PipelineListener;
import dev.graft.engine.pipeline.TransferPipeline;
import dev.graft.engine.plugin.ExtensionRegistry;
import dev.graft.engine.plugin.PluginHost;
import dev.graft.engine.run.RankedSource;
import dev.graft.engine.run.RunResult;
import dev.graft.engine.serve.ModelPredictor;
import dev.graft.engine.source.ModelStoreLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Graft embedded in a host application: run transfer jobs, rank sources, and serve exported models
 * from Java.
 *
 * <pre>{@code
 * try (Graft graft = Graft.builder().optPluginsDir(Path.of("plugins")).optThreads(2, 1).build()) {
 *   RunResult result = graft.run(Path.of("jobs/digits.yaml"));
 *   try (ModelPredictor model = graft.loadModel(Path.of("jobs/runs/digits/model"))) {
 *     Dataset<?> images = graft.read("image-folder", Path.of("incoming"), Map.of());
 *     int[] classes = model.predictClasses(images);
 *   }
 * }
 * }</pre>
 *
 * <p>Thread-safety: a runtime may be shared; {@link #run} and {@link #rank} may be called from
 * several threads (each call works on its own data; TensorFlow serialises what must be), and {@link
 * ModelPredictor#predict} is thread-safe. Closing the runtime closes every predictor it loaded that
 * is still open and unloads the plugins; TensorFlow's native memory of those models is released.
 */
public final class Graft implements AutoCloseable {

  private final GraftConfig config;
  private final ExtensionRegistry registry;
  private final PluginHost host;
  private final List<ModelPredictor> predictors = new ArrayList<>();
  private boolean closed;

  private Graft(GraftConfig config, Injector injector) {
    this.config = config;
    this.registry = injector.getInstance(ExtensionRegistry.class);
    this.host = injector.getInstance(PluginHost.class);
  }

  /**
   * Starts a builder. Everything is optional: without settings the runtime uses no plugins folder
   * (unless {@code GRAFT_PLUGINS} is set), the CPU, and {@code ~/.graft} for models and caches.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The configuration in use.
   *
   * @return the config
   */
  public GraftConfig config() {
    return config;
  }

  /**
   * Every extension available (built-ins and plugins).
   *
   * @return the registry
   */
  public ExtensionRegistry extensions() {
    return registry;
  }

  /**
   * The plugin host: plugins found and problems met while loading them.
   *
   * @return the host
   */
  public PluginHost plugins() {
    return host;
  }

  /**
   * Runs a job from a YAML file; relative paths in it resolve against its folder.
   *
   * @param jobFile the job spec
   * @return the results (also written to the job's output folder)
   */
  public RunResult run(Path jobFile) {
    return run(JobSpecs.read(jobFile), jobFile.toAbsolutePath().getParent(), PipelineListener.NONE);
  }

  /**
   * Runs a job built in Java.
   *
   * @param spec the job
   * @param baseDir the folder relative paths resolve against
   * @param listener progress
   * @return the results
   */
  public RunResult run(JobSpec spec, Path baseDir, PipelineListener listener) {
    ensureOpen();
    return new TransferPipeline(registry, config).run(spec, baseDir, listener);
  }

  /**
   * Ranks a job's sources without training.
   *
   * @param spec the job
   * @param baseDir the folder relative paths resolve against
   * @return the ranking, best first
   */
  public List<RankedSource> rank(JobSpec spec, Path baseDir) {
    ensureOpen();
    return new TransferPipeline(registry, config).rank(spec, baseDir, PipelineListener.NONE);
  }

  /**
   * Reads data with a reader of the runtime (e.g. examples to predict).
   *
   * @param readerId a {@code DatasetReader} id
   * @param path the file or folder
   * @param options reader options
   * @return the data set
   */
  public Dataset<?> read(String readerId, Path path, Map<String, String> options) {
    ensureOpen();
    return registry
        .require(DatasetReader.class, readerId)
        .read(path, new ReadOptions(dev.graft.api.data.BadInputPolicy.FAIL, 0, options))
        .dataset();
  }

  /**
   * Loads an exported model for prediction. The predictor is thread-safe; close it when done (the
   * runtime closes any still open when it closes).
   *
   * @param directory the model folder (a run's {@code model/}, or a model-store entry)
   * @return the predictor
   */
  public synchronized ModelPredictor loadModel(Path directory) {
    ensureOpen();
    SourceLoader loader = registry.require(SourceLoader.class, ModelStoreLoader.ID);
    if (!(loader instanceof ModelStoreLoader store)) {
      throw new GraftException(
          GraftErrors.INTERNAL, "the model-store loader is not the built-in one: " + loader);
    }
    ModelPredictor p = ModelPredictor.load(directory, store);
    predictors.add(p);
    return p;
  }

  private synchronized void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("this Graft runtime is closed");
    }
  }

  /** Closes the predictors it loaded and unloads the plugins. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      predictors.forEach(ModelPredictor::close);
    } finally {
      host.close();
    }
  }

  /** Builds a {@link Graft} runtime; every setting is optional ({@code opt…}). */
  public static final class Builder {
    private Path pluginsDir;
    private DeviceConfig device = DeviceConfig.cpu();
    private Path modelStore;
    private Path cacheDir;
    private int intraOp;
    private int interOp;
    private final List<com.google.inject.Module> extensions = new ArrayList<>();

    private Builder() {}

    /**
     * Adds an extension of the host application itself, without a plugin (e.g. an input encoder for
     * the application's own example type). It is registered like a built-in.
     *
     * @param point the extension point, e.g. {@code InputEncoder.class}
     * @param extension the instance (shared, so thread-safe)
     * @param <T> the point type
     * @return this
     */
    public <T extends dev.graft.api.extension.GraftExtension> Builder optExtension(
        Class<T> point, T extension) {
      extensions.add(
          binder ->
              com.google.inject.multibindings.Multibinder.newSetBinder(binder, point)
                  .addBinding()
                  .toInstance(extension));
      return this;
    }

    /**
     * The plugins folder (default: {@code GRAFT_PLUGINS}, else none).
     *
     * @param dir the folder
     * @return this
     */
    public Builder optPluginsDir(Path dir) {
      this.pluginsDir = dir;
      return this;
    }

    /**
     * The device (default CPU).
     *
     * @param config the device
     * @return this
     */
    public Builder optDevice(DeviceConfig config) {
      this.device = config;
      return this;
    }

    /**
     * The model store folder (default {@code ~/.graft/models}).
     *
     * @param dir the folder
     * @return this
     */
    public Builder optModelStore(Path dir) {
      this.modelStore = dir;
      return this;
    }

    /**
     * The feature cache folder (default {@code ~/.graft/cache}).
     *
     * @param dir the folder
     * @return this
     */
    public Builder optCacheDir(Path dir) {
      this.cacheDir = dir;
      return this;
    }

    /**
     * TensorFlow thread pools (0 = TensorFlow's default).
     *
     * @param intraOpThreads threads inside one op
     * @param interOpThreads ops in parallel
     * @return this
     */
    public Builder optThreads(int intraOpThreads, int interOpThreads) {
      this.intraOp = intraOpThreads;
      this.interOp = interOpThreads;
      return this;
    }

    /**
     * Builds the runtime: loads the plugins and creates the extensions.
     *
     * @return the runtime
     */
    public Graft build() {
      GraftConfig defaults = GraftConfig.resolve(Optional.ofNullable(pluginsDir), System.getenv());
      GraftConfig config =
          new GraftConfig(
              defaults.pluginsDir(),
              device.withThreads(intraOp, interOp),
              modelStore != null ? modelStore : defaults.modelStore(),
              cacheDir != null ? cacheDir : defaults.cacheDir());
      List<com.google.inject.Module> modules = new ArrayList<>(extensions);
      modules.add(new GraftModule(config));
      return new Graft(config, Guice.createInjector(modules));
    }
  }
}
