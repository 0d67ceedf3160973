package ${package};

import dev.graft.api.error.ErrorId;

/**
 * The error ids of the {@code ${pluginId}} plugin. Codes are stable: users search for them and
 * scripts match on them; document each one.
 */
public enum ${classPrefix}Errors implements ErrorId {
  /** A CSV file has no header row or no column with the label column's name. */
  NO_LABEL_COLUMN("${pluginId.toUpperCase()}-001", "no label column"),
  /** A CSV row has the wrong number of values or a value that is not a number. */
  BAD_ROW("${pluginId.toUpperCase()}-002", "malformed CSV row");

  private final String code;
  private final String title;

  ${classPrefix}Errors(String code, String title) {
    this.code = code;
    this.title = title;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String title() {
    return title;
  }
}
