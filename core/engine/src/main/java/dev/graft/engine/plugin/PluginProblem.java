package dev.graft.engine.plugin;

import dev.graft.api.error.ErrorId;

/**
 * A plugin or extension the host could not use. The host skips it and keeps going; {@code graft
 * plugins} and {@code graft doctor} list every problem.
 *
 * @param pluginId the plugin id, or {@code ?} when the manifest could not be read
 * @param location the plugin's jar, zip or folder
 * @param errorId the stable error id
 * @param reason what went wrong and what to do
 */
public record PluginProblem(String pluginId, String location, ErrorId errorId, String reason) {

  @Override
  public String toString() {
    return errorId.code() + " plugin '" + pluginId + "' (" + location + "): " + reason;
  }
}
