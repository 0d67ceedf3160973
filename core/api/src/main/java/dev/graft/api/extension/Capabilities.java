package dev.graft.api.extension;

import dev.graft.api.error.ConfigException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What an extension supports and what it needs: the modalities and task types it handles and the
 * {@link Requirement}s that must be met before it can run.
 *
 * @param modalities the modalities handled ({@link Modality#ANY} for modality-agnostic ones)
 * @param tasks the task types handled
 * @param requirements what must be available for it to run
 */
public record Capabilities(
    Set<Modality> modalities, Set<TaskType> tasks, Set<Requirement> requirements) {

  /** Validates and freezes the sets. */
  public Capabilities {
    ConfigException.require(
        modalities != null && !modalities.isEmpty(),
        "capabilities.modalities",
        modalities,
        "a non-empty set (use Modality.ANY for modality-agnostic extensions)");
    ConfigException.require(
        tasks != null && !tasks.isEmpty(), "capabilities.tasks", tasks, "a non-empty set");
    ConfigException.require(
        requirements != null, "capabilities.requirements", null, "a set (may be empty)");
    modalities = Collections.unmodifiableSet(EnumSet.copyOf(modalities));
    tasks = Collections.unmodifiableSet(EnumSet.copyOf(tasks));
    requirements =
        requirements.isEmpty()
            ? Set.of()
            : Collections.unmodifiableSet(EnumSet.copyOf(requirements));
  }

  /**
   * Capabilities for a modality-agnostic extension.
   *
   * @param tasks the task types handled
   * @param requirements what it needs
   * @return the capabilities
   */
  public static Capabilities anyModality(Set<TaskType> tasks, Set<Requirement> requirements) {
    return new Capabilities(EnumSet.of(Modality.ANY), tasks, requirements);
  }

  /**
   * Whether this extension handles {@code modality} (true for every modality if it declares ANY).
   *
   * @param modality the modality asked about
   * @return true if supported
   */
  public boolean supports(Modality modality) {
    return modalities.contains(Modality.ANY) || modalities.contains(modality);
  }

  /**
   * Whether this extension handles {@code task}.
   *
   * @param task the task type asked about
   * @return true if supported
   */
  public boolean supports(TaskType task) {
    return tasks.contains(task);
  }

  /**
   * The requirements not in {@code available}.
   *
   * @param available what the caller can provide
   * @return the unmet requirements, empty if it can run
   */
  public Set<Requirement> unmet(Set<Requirement> available) {
    if (requirements.isEmpty()) {
      return Set.of();
    }
    EnumSet<Requirement> missing = EnumSet.copyOf(requirements);
    missing.removeAll(available);
    return Collections.unmodifiableSet(missing);
  }
}
