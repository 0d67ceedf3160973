package dev.graft.cli;

import dev.graft.api.error.GraftException;
import dev.graft.engine.GraftVersion;
import dev.graft.engine.plugin.PluginProblem;
import dev.graft.tensorflow.runtime.NativeInfo;
import dev.graft.tensorflow.runtime.TensorFlowRuntime;
import dev.graft.tensorflow.runtime.TfDevice;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code graft doctor}: checks the installation (Java, TensorFlow natives, devices, plugins, model
 * store) and prints what it found; exits 4 if anything needs fixing.
 */
@Command(
    name = "doctor",
    description =
        "Check Java, DJL, the TensorFlow natives and devices, the plugins folder and plugins, and"
            + " the model store; exit 4 if problems were found.")
final class DoctorCommand implements Callable<Integer> {

  @ParentCommand GraftCli root;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<String> problems = new ArrayList<>();
    out.println("Graft        " + GraftVersion.current());
    out.println(
        "Java         "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ", "
            + System.getProperty("java.home")
            + ")");
    out.println(
        "OS           "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch")
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " CPUs, max heap "
            + Runtime.getRuntime().maxMemory() / (1024 * 1024)
            + " MiB");
    try {
      NativeInfo info = TensorFlowRuntime.start();
      out.println("DJL          " + info.djlVersion());
      out.println("TensorFlow   " + info.tensorFlowVersion() + " (" + info.platform() + ")");
      out.println("Natives      " + info.nativeLibraryDir());
      for (TfDevice device : info.devices()) {
        out.println("Device       " + device.label() + "  " + device.name());
      }
      if (info.gpus().isEmpty()) {
        out.println("GPU          none visible (CPU only)");
      }
    } catch (GraftException e) {
      problems.add(e.getMessage());
      out.println("TensorFlow   NOT AVAILABLE");
    }
    {
      HostSession session = root.session();
      out.println(
          "Plugins dir  "
              + session.host().pluginsDir().map(Object::toString).orElse("(none configured)"));
      out.println(
          "Plugins      "
              + session.host().plugins().size()
              + " found, "
              + session.host().plugins().stream().filter(p -> p.state().equals("STARTED")).count()
              + " started");
      for (PluginProblem p : session.host().problems()) {
        problems.add(p.toString());
      }
      checkWritable("Model store", session.config().modelStore(), out, problems);
      checkWritable("Cache", session.config().cacheDir(), out, problems);
    }
    out.println();
    if (problems.isEmpty()) {
      out.println("No problems found.");
      return GraftCli.EXIT_OK;
    }
    out.println("Problems found (" + problems.size() + "):");
    problems.forEach(p -> out.println("  - " + p));
    return GraftCli.EXIT_PROBLEMS;
  }

  private static void checkWritable(
      String label, Path dir, PrintWriter out, List<String> problems) {
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    boolean ok = existing != null && Files.isDirectory(existing) && Files.isWritable(existing);
    out.printf("%-12s %s%s%n", label, dir, ok ? "" : "  (NOT WRITABLE)");
    if (!ok) {
      problems.add(label + " folder " + dir + " is not writable; set a writable folder.");
    }
  }
}
