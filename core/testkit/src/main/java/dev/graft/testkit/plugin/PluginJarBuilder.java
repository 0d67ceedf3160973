package dev.graft.testkit.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds a real PF4J plugin jar from Java source text, for tests: the sources are compiled with the
 * JDK compiler against the test's class path (so PF4J's {@code @Extension} annotation processor
 * runs and writes {@code META-INF/extensions.idx}, exactly as in a Maven build), and packed with
 * the PF4J manifest entries.
 *
 * <pre>{@code
 * Path jar = PluginJarBuilder.plugin("hello", "1.0.0")
 *     .requires(">=0.1.0")
 *     .source("com.acme.HelloEstimator", "package com.acme; ...")
 *     .writeTo(pluginsDir);
 * }</pre>
 *
 * <p>Faults can be built on purpose: {@link #omitManifestEntry} for a bad manifest, {@link
 * #dropClass} for a class missing at run time.
 */
public final class PluginJarBuilder {

  private final Map<String, String> manifest = new LinkedHashMap<>();
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Map<String, byte[]> resources = new LinkedHashMap<>();
  private final Set<String> dropped = new HashSet<>();
  private final Set<String> omitted = new HashSet<>();
  private String fileName;

  private PluginJarBuilder(String id, String version) {
    manifest.put("Plugin-Id", id);
    manifest.put("Plugin-Version", version);
    manifest.put("Plugin-Provider", "Graft tests");
    this.fileName = id + "-" + version + ".jar";
  }

  /**
   * Starts a plugin.
   *
   * @param id the {@code Plugin-Id}
   * @param version the {@code Plugin-Version}
   * @return the builder
   */
  public static PluginJarBuilder plugin(String id, String version) {
    return new PluginJarBuilder(id, version);
  }

  /**
   * Sets {@code Plugin-Requires}.
   *
   * @param range a version range such as {@code >=0.1.0 & <0.2.0}
   * @return this
   */
  public PluginJarBuilder requires(String range) {
    return manifestEntry("Plugin-Requires", range);
  }

  /**
   * Sets {@code Plugin-Class}.
   *
   * @param className a class extending {@code org.pf4j.Plugin}, included in the sources
   * @return this
   */
  public PluginJarBuilder pluginClass(String className) {
    return manifestEntry("Plugin-Class", className);
  }

  /**
   * Adds or replaces a manifest entry.
   *
   * @param name the attribute name
   * @param value its value
   * @return this
   */
  public PluginJarBuilder manifestEntry(String name, String value) {
    manifest.put(name, value);
    return this;
  }

  /**
   * Leaves a manifest entry out (e.g. {@code Plugin-Id}, to build a broken plugin).
   *
   * @param name the attribute name
   * @return this
   */
  public PluginJarBuilder omitManifestEntry(String name) {
    omitted.add(name);
    return this;
  }

  /**
   * Adds a Java source file.
   *
   * @param className the fully qualified class name
   * @param code the source text
   * @return this
   */
  public PluginJarBuilder source(String className, String code) {
    sources.put(className, code);
    return this;
  }

  /**
   * Adds a resource.
   *
   * @param path the path inside the jar
   * @param content the bytes
   * @return this
   */
  public PluginJarBuilder resource(String path, byte[] content) {
    resources.put(path, content.clone());
    return this;
  }

  /**
   * Compiles a class but leaves it out of the jar, so loading a class that uses it fails.
   *
   * @param className the fully qualified class name
   * @return this
   */
  public PluginJarBuilder dropClass(String className) {
    dropped.add(className);
    return this;
  }

  /**
   * Names the jar file (default {@code id-version.jar}).
   *
   * @param name the file name
   * @return this
   */
  public PluginJarBuilder fileName(String name) {
    this.fileName = name;
    return this;
  }

  /**
   * Compiles and writes the jar into {@code dir}.
   *
   * @param dir the folder (usually a plugins folder)
   * @return the jar path
   * @throws IllegalStateException if compilation fails (with the compiler's diagnostics)
   */
  public Path writeTo(Path dir) {
    Map<String, byte[]> outputs = compile();
    Manifest mf = new Manifest();
    Attributes main = mf.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.forEach(
        (k, v) -> {
          if (!omitted.contains(k)) {
            main.putValue(k, v);
          }
        });
    Path jar = dir.resolve(fileName);
    try {
      Files.createDirectories(dir);
      try (OutputStream out = Files.newOutputStream(jar);
          JarOutputStream jos = new JarOutputStream(out, mf)) {
        for (Map.Entry<String, byte[]> e : new TreeMap<>(outputs).entrySet()) {
          if (isDropped(e.getKey())) {
            continue;
          }
          jos.putNextEntry(new JarEntry(e.getKey()));
          jos.write(e.getValue());
          jos.closeEntry();
        }
        for (Map.Entry<String, byte[]> e : resources.entrySet()) {
          jos.putNextEntry(new JarEntry(e.getKey()));
          jos.write(e.getValue());
          jos.closeEntry();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write plugin jar " + jar, e);
    }
    return jar;
  }

  /**
   * Compiles and writes the plugin as a PF4J zip into {@code dir}: {@code plugin.properties} (from
   * the manifest entries), compiled classes and resources under {@code classes/}. This is the form
   * for plugins that bring their own third-party jars (under {@code lib/}).
   *
   * @param dir the folder (usually a plugins folder)
   * @return the zip path
   */
  public Path writeZipTo(Path dir) {
    Map<String, byte[]> outputs = compile();
    StringBuilder props = new StringBuilder();
    manifest.forEach(
        (k, v) -> {
          if (!omitted.contains(k)) {
            String key =
                "plugin." + k.substring("Plugin-".length()).toLowerCase(java.util.Locale.ROOT);
            props.append(key).append('=').append(v).append('\n');
          }
        });
    Path zip =
        dir.resolve(fileName.replaceAll("\\.jar$", "") + (fileName.endsWith(".zip") ? "" : ".zip"));
    try {
      Files.createDirectories(dir);
      try (OutputStream out = Files.newOutputStream(zip);
          java.util.zip.ZipOutputStream zos = new java.util.zip.ZipOutputStream(out)) {
        zos.putNextEntry(new java.util.zip.ZipEntry("plugin.properties"));
        zos.write(props.toString().getBytes(StandardCharsets.UTF_8));
        zos.closeEntry();
        Map<String, byte[]> all = new TreeMap<>(outputs);
        all.putAll(resources);
        for (Map.Entry<String, byte[]> e : all.entrySet()) {
          if (isDropped(e.getKey())) {
            continue;
          }
          zos.putNextEntry(new java.util.zip.ZipEntry("classes/" + e.getKey()));
          zos.write(e.getValue());
          zos.closeEntry();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write plugin zip " + zip, e);
    }
    return zip;
  }

  private boolean isDropped(String entryName) {
    return entryName.endsWith(".class")
        && dropped.contains(entryName.substring(0, entryName.length() - 6).replace('/', '.'));
  }

  private Map<String, byte[]> compile() {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("no Java compiler available: run tests on a JDK, not a JRE.");
    }
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach((name, code) -> units.add(new SourceFile(name, code)));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Map<String, byte[]> outputs = new TreeMap<>();
    Path classes = null;
    try {
      classes = Files.createTempDirectory("graft-plugin-classes");
      try (StandardJavaFileManager files =
          compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
        List<String> options =
            List.of(
                "-classpath",
                System.getProperty("java.class.path"),
                "--release",
                "17",
                "-d",
                classes.toString());
        Boolean ok = compiler.getTask(null, files, diagnostics, options, null, units).call();
        if (!Boolean.TRUE.equals(ok)) {
          StringBuilder sb = new StringBuilder("plugin sources do not compile:");
          for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            sb.append('\n').append(d);
          }
          throw new IllegalStateException(sb.toString());
        }
      }
      Path root = classes;
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
          outputs.put(
              root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compile plugin sources", e);
    } finally {
      deleteQuietly(classes);
    }
    return outputs;
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete temporary folder " + dir, e);
    }
  }

  private static final class SourceFile extends SimpleJavaFileObject {
    private final String code;

    SourceFile(String className, String code) {
      super(URI.create("string:///" + className.replace('.', '/') + ".java"), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
