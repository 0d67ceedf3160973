package dev.graft.recommender;

import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.Requirement;
import dev.graft.api.extension.TaskType;
import java.util.EnumSet;
import java.util.Set;

/** Capabilities the recommender's extensions share. */
public final class RecommenderPlugin {

  /** The plugin id (the jar manifest's {@code Plugin-Id}). */
  public static final String ID = "recommender";

  private RecommenderPlugin() {}

  /**
   * Capabilities of a recommender extension: the recommendation modality, ranking and rating
   * (regression) tasks.
   *
   * @param requirements what it needs
   * @return the capabilities
   */
  public static Capabilities capabilities(Set<Requirement> requirements) {
    return new Capabilities(
        EnumSet.of(Modality.RECOMMENDATION),
        EnumSet.of(TaskType.RANKING, TaskType.REGRESSION),
        requirements);
  }
}
