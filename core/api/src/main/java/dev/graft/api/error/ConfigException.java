package dev.graft.api.error;

/**
 * An invalid configuration value: a config record field, a job-spec entry, a CLI option or a system
 * property. The message names the field and the bad value and says which values are allowed.
 */
public class ConfigException extends GraftException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param detail the field, its bad value, and the allowed values
   */
  public ConfigException(String detail) {
    super(GraftErrors.INVALID_CONFIG, detail);
  }

  /**
   * Creates an exception with a specific id.
   *
   * @param errorId the stable id
   * @param detail the field, its bad value, and the allowed values
   */
  public ConfigException(ErrorId errorId, String detail) {
    super(errorId, detail);
  }

  /**
   * Checks a condition on a config field.
   *
   * @param condition what must hold
   * @param field the field name as the user writes it
   * @param value the bad value
   * @param expectation what is allowed, e.g. "a positive integer"
   * @throws ConfigException if {@code condition} is false
   */
  public static void require(boolean condition, String field, Object value, String expectation) {
    if (!condition) {
      throw new ConfigException(
          "'" + field + "' is " + value + "; it must be " + expectation + ".");
    }
  }
}
