package dev.graft.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this Graft build, and the form plugins' {@code Plugin-Requires} is checked
 * against.
 */
public final class GraftVersion {

  private static final String VERSION = load();

  private GraftVersion() {}

  private static String load() {
    try (InputStream in = GraftVersion.class.getResourceAsStream("graft-version.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "graft-version.properties is missing from graft-engine.jar; the jar is corrupt.");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("graft.version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read graft-version.properties", e);
    }
  }

  /**
   * The full version, e.g. {@code 0.1.0-SNAPSHOT}.
   *
   * @return the version
   */
  public static String current() {
    return VERSION;
  }

  /**
   * The release part ({@code 0.1.0} for {@code 0.1.0-SNAPSHOT}), which plugin version ranges are
   * checked against: a snapshot of 0.1.0 satisfies {@code >=0.1.0}.
   *
   * @return major.minor.patch
   */
  public static String release() {
    int dash = VERSION.indexOf('-');
    return dash < 0 ? VERSION : VERSION.substring(0, dash);
  }
}
