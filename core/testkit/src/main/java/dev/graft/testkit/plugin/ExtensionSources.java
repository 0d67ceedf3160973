package dev.graft.testkit.plugin;

/**
 * Java source text of small, real extensions, for building test plugins with {@link
 * PluginJarBuilder}.
 */
public final class ExtensionSources {

  /** A constructor with {@code @jakarta.inject.Inject} taking the host's {@code DeviceConfig}. */
  public static final String INJECTED_DEVICE_CONSTRUCTOR =
      "  @jakarta.inject.Inject public %s(DeviceConfig d) { this.device = d.label(); }";

  /**
   * An estimate() body returning 1.0 when the call runs with the plugin's class loader as context
   * class loader, 0.0 otherwise.
   */
  public static final String CONTEXT_LOADER_PROBE_BODY =
      "    boolean ctx = Thread.currentThread().getContextClassLoader() =="
          + " getClass().getClassLoader();\n"
          + "    return new TransferabilityScore(id(), ctx ? 1.0 : 0.0, true, Map.of(), null);";

  private ExtensionSources() {}

  /**
   * A {@code TransferabilityEstimator} annotated with {@code @org.pf4j.Extension}. It has a {@code
   * device} field the constructor must set; its description is "test estimator on " + device.
   *
   * @param pkg the package
   * @param cls the simple class name
   * @param id the extension id
   * @param constructor the constructor source (use {@link #INJECTED_DEVICE_CONSTRUCTOR} formatted
   *     with {@code cls} for constructor injection)
   * @param estimateBody the body of {@code estimate(EstimationInput in)}
   * @return the source text
   */
  public static String estimator(
      String pkg, String cls, String id, String constructor, String estimateBody) {
    return "package "
        + pkg
        + ";\n"
        + "import dev.graft.api.estimate.*;\n"
        + "import dev.graft.api.extension.*;\n"
        + "import dev.graft.api.config.DeviceConfig;\n"
        + "import java.util.*;\n"
        + "@org.pf4j.Extension\n"
        + "public class "
        + cls
        + " implements TransferabilityEstimator {\n"
        + "  private final String device;\n"
        + constructor
        + "\n"
        + "  public String id() { return \""
        + id
        + "\"; }\n"
        + "  public String description() { return \"test estimator on \" + device; }\n"
        + "  public Capabilities capabilities() { return Capabilities.anyModality("
        + "EnumSet.of(TaskType.CLASSIFICATION), EnumSet.of(Requirement.FEATURES)); }\n"
        + "  public boolean higherIsBetter() { return true; }\n"
        + "  public String interpretation() { return \"test\"; }\n"
        + "  public TransferabilityScore estimate(EstimationInput in) {\n"
        + estimateBody
        + "\n  }\n}\n";
  }

  /**
   * A working estimator plugin: {@code estimator} with an injected constructor and the context
   * loader probe, in package {@code com.acme.<pluginId>}.
   *
   * @param pluginId the plugin id
   * @param extensionId the estimator id
   * @return a builder ready to write
   */
  public static PluginJarBuilder probePlugin(String pluginId, String extensionId) {
    String pkg = "com.acme." + pluginId.replace('-', '_');
    return PluginJarBuilder.plugin(pluginId, "1.2.3")
        .requires(">=0.1.0")
        .source(
            pkg + ".Probe",
            estimator(
                pkg,
                "Probe",
                extensionId,
                String.format(INJECTED_DEVICE_CONSTRUCTOR, "Probe"),
                CONTEXT_LOADER_PROBE_BODY));
  }
}
