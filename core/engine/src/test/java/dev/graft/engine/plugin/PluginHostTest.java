package dev.graft.engine.plugin;

import static dev.graft.testkit.plugin.ExtensionSources.CONTEXT_LOADER_PROBE_BODY;
import static dev.graft.testkit.plugin.ExtensionSources.INJECTED_DEVICE_CONSTRUCTOR;
import static dev.graft.testkit.plugin.ExtensionSources.estimator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.estimate.EstimationInput;
import dev.graft.api.estimate.TransferabilityEstimator;
import dev.graft.engine.GraftConfig;
import dev.graft.engine.inject.GraftModule;
import dev.graft.testkit.plugin.ExtensionSources;
import dev.graft.testkit.plugin.PluginJarBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real plugin jars, compiled in a temp folder, loaded by the real host through Guice and PF4J. */
class PluginHostTest {

  @TempDir Path temp;

  private Path goodPlugin(Path dir, String pluginId, String id) {
    return ExtensionSources.probePlugin(pluginId, id).writeTo(dir);
  }

  private Injector injector(Path pluginsDir) {
    GraftConfig config =
        GraftConfig.resolve(Optional.of(pluginsDir), java.util.Map.of())
            .withDevice(DeviceConfig.cpu());
    return Guice.createInjector(new GraftModule(config));
  }

  private static EstimationInput input() {
    return EstimationInput.of(FeatureMatrix.of(new double[][] {{0}, {1}}), ClassLabels.of(0, 1));
  }

  @Test
  void discoversInjectsAndGuardsPluginExtensions() {
    Path plugins = temp.resolve("plugins");
    goodPlugin(plugins, "acme-probe", "acme-probe");
    Injector injector = injector(plugins);
    ExtensionRegistry registry = injector.getInstance(ExtensionRegistry.class);
    PluginHost host = injector.getInstance(PluginHost.class);
    try (host) {
      assertEquals(List.of(), host.problems());
      assertEquals(1, host.plugins().size());
      PluginInfo info = host.plugins().get(0);
      assertEquals("acme-probe", info.id());
      assertEquals("1.2.3", info.version());
      assertEquals("STARTED", info.state());

      RegisteredExtension<TransferabilityEstimator> ext =
          registry.all(TransferabilityEstimator.class).stream()
              .filter(r -> r.id().equals("acme-probe"))
              .findFirst()
              .orElseThrow();
      assertEquals("acme-probe", ext.origin());
      // constructor injection of a host service
      assertEquals("test estimator on cpu", ext.description());
      // the call ran with the plugin's class loader as context class loader
      assertEquals(1.0, ext.instance().estimate(input()).value());
    }
  }

  @Test
  void brokenPluginsAreReportedAndTheOthersStillLoad() {
    Path plugins = temp.resolve("plugins");
    goodPlugin(plugins, "good", "good-estimator");

    // 1. manifest without Plugin-Id
    PluginJarBuilder.plugin("no-id", "1.0.0")
        .omitManifestEntry("Plugin-Id")
        .source(
            "com.acme.noid.E",
            estimator(
                "com.acme.noid",
                "E",
                "no-id",
                String.format(INJECTED_DEVICE_CONSTRUCTOR, "E"),
                CONTEXT_LOADER_PROBE_BODY))
        .writeTo(plugins);
    // 2. requires a Graft version this host is not
    PluginJarBuilder.plugin("future", "1.0.0")
        .requires(">=9.0.0")
        .source(
            "com.acme.future.E",
            estimator(
                "com.acme.future",
                "E",
                "future",
                String.format(INJECTED_DEVICE_CONSTRUCTOR, "E"),
                CONTEXT_LOADER_PROBE_BODY))
        .writeTo(plugins);
    // 3. an extension whose superclass is missing from the jar
    PluginJarBuilder.plugin("missing-class", "1.0.0")
        .source("com.acme.missing.Base", "package com.acme.missing; public abstract class Base {}")
        .source(
            "com.acme.missing.E",
            estimator(
                    "com.acme.missing",
                    "E",
                    "missing",
                    String.format(INJECTED_DEVICE_CONSTRUCTOR, "E"),
                    CONTEXT_LOADER_PROBE_BODY)
                .replace("public class E implements", "public class E extends Base implements"))
        .dropClass("com.acme.missing.Base")
        .writeTo(plugins);
    // 4. an extension whose constructor throws
    PluginJarBuilder.plugin("throws", "1.0.0")
        .source(
            "com.acme.throwing.E",
            estimator(
                "com.acme.throwing",
                "E",
                "throwing",
                "  public E() { this.device = null; throw new IllegalStateException(\"no licence"
                    + " key\"); }",
                CONTEXT_LOADER_PROBE_BODY))
        .writeTo(plugins);
    // 5. a second plugin declaring an id that is already taken
    goodPlugin(plugins, "zz-duplicate", "good-estimator");
    // 6. a plugin whose extension fails at call time
    PluginJarBuilder.plugin("flaky", "1.0.0")
        .source(
            "com.acme.flaky.E",
            estimator(
                "com.acme.flaky",
                "E",
                "flaky",
                String.format(INJECTED_DEVICE_CONSTRUCTOR, "E"),
                "    throw new ArithmeticException(\"division by zero\");"))
        .writeTo(plugins);

    Injector injector = injector(plugins);
    ExtensionRegistry registry = injector.getInstance(ExtensionRegistry.class);
    try (PluginHost host = injector.getInstance(PluginHost.class)) {
      List<String> codes =
          host.problems().stream()
              .map(p -> p.errorId().code())
              .sorted()
              .collect(Collectors.toList());
      assertEquals(
          List.of(
                  GraftErrors.PLUGIN_BAD_MANIFEST.code(),
                  GraftErrors.PLUGIN_INCOMPATIBLE.code(),
                  GraftErrors.PLUGIN_CLASS_LOADING.code(),
                  GraftErrors.EXTENSION_CREATION.code(),
                  GraftErrors.DUPLICATE_EXTENSION_ID.code())
              .stream()
              .sorted()
              .collect(Collectors.toList()),
          codes,
          () -> "problems: " + host.problems());

      PluginProblem incompatible = find(host, GraftErrors.PLUGIN_INCOMPATIBLE.code());
      assertEquals("future", incompatible.pluginId());
      assertTrue(incompatible.reason().contains(">=9.0.0"), incompatible.reason());
      PluginProblem badManifest = find(host, GraftErrors.PLUGIN_BAD_MANIFEST.code());
      assertTrue(badManifest.location().endsWith("no-id-1.0.0.jar"), badManifest.location());
      PluginProblem creation = find(host, GraftErrors.EXTENSION_CREATION.code());
      assertEquals("throws", creation.pluginId());
      assertTrue(creation.reason().contains("no licence key"), creation.reason());
      PluginProblem duplicate = find(host, GraftErrors.DUPLICATE_EXTENSION_ID.code());
      assertEquals("zz-duplicate", duplicate.pluginId());
      assertTrue(duplicate.reason().contains("plugin 'good'"), duplicate.reason());
      PluginProblem missing = find(host, GraftErrors.PLUGIN_CLASS_LOADING.code());
      assertEquals("missing-class", missing.pluginId());
      assertTrue(missing.reason().contains("com/acme/missing/Base"), missing.reason());

      // the working extensions are all there
      assertEquals(
          "good",
          registry.all(TransferabilityEstimator.class).stream()
              .filter(r -> r.id().equals("good-estimator"))
              .findFirst()
              .orElseThrow()
              .origin());
      assertEquals(
          1.0,
          registry
              .require(TransferabilityEstimator.class, "good-estimator")
              .estimate(input())
              .value());
      assertTrue(host.isStarted("throws"));
      assertFalse(host.isStarted("future"));

      // a failure inside a plugin call names the plugin and does not escape as a raw exception
      TransferabilityEstimator flaky = registry.require(TransferabilityEstimator.class, "flaky");
      GraftException e = assertThrows(GraftException.class, () -> flaky.estimate(input()));
      assertEquals(GraftErrors.PLUGIN_FAILED, e.errorId());
      assertTrue(e.getMessage().contains("plugin 'flaky'"), e.getMessage());
      assertTrue(e.getMessage().contains("division by zero"), e.getMessage());

      GraftException unknown =
          assertThrows(
              GraftException.class, () -> registry.require(TransferabilityEstimator.class, "nope"));
      assertEquals(GraftErrors.UNKNOWN_EXTENSION, unknown.errorId());
      assertTrue(unknown.getMessage().contains("good-estimator"), unknown.getMessage());
    }
  }

  @Test
  void loadsZipPlugins() {
    Path plugins = temp.resolve("plugins");
    ExtensionSources.probePlugin("zipped", "zipped-probe").writeZipTo(plugins);
    Injector injector = injector(plugins);
    ExtensionRegistry registry = injector.getInstance(ExtensionRegistry.class);
    try (PluginHost host = injector.getInstance(PluginHost.class)) {
      assertEquals(List.of(), host.problems());
      assertTrue(host.isStarted("zipped"));
      assertEquals(
          1.0,
          registry
              .require(TransferabilityEstimator.class, "zipped-probe")
              .estimate(input())
              .value());
    }
  }

  @Test
  void missingPluginsFolderIsAProblemNotACrash() {
    Injector injector = injector(temp.resolve("does-not-exist"));
    ExtensionRegistry registry = injector.getInstance(ExtensionRegistry.class);
    PluginHost host = injector.getInstance(PluginHost.class);
    assertEquals(1, host.problems().size());
    assertEquals(GraftErrors.PLUGINS_DIR_INVALID, host.problems().get(0).errorId());
    assertTrue(host.problems().get(0).reason().contains("does not exist"));
    assertTrue(
        registry.all(TransferabilityEstimator.class).stream()
            .allMatch(r -> r.origin().equals(RegisteredExtension.BUILTIN)));
  }

  @Test
  void closingUnloadsPlugins() throws Exception {
    Path plugins = temp.resolve("plugins");
    Path jar = goodPlugin(plugins, "acme-probe", "acme-probe");
    Injector injector = injector(plugins);
    injector.getInstance(ExtensionRegistry.class);
    PluginHost host = injector.getInstance(PluginHost.class);
    assertTrue(host.isStarted("acme-probe"));
    host.close();
    assertFalse(host.isStarted("acme-probe"));
    // the jar is no longer held open: it can be replaced
    Files.delete(jar);
    assertFalse(Files.exists(jar));
  }

  private static PluginProblem find(PluginHost host, String code) {
    return host.problems().stream()
        .filter(p -> p.errorId().code().equals(code))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + code + " in " + host.problems()));
  }
}
