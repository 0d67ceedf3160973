package dev.graft.api.extension;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import java.util.regex.Pattern;

/** Rules for extension ids. */
public final class ExtensionIds {

  /** Lower-case letters and digits in hyphen-separated words, starting with a letter. */
  public static final Pattern PATTERN = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  private ExtensionIds() {}

  /**
   * Checks an extension id.
   *
   * @param id the id an extension declares
   * @param owner the class declaring it, named in the error
   * @return the id
   * @throws GraftException GRAFT-PLUGIN-006 if the id is null or does not match {@link #PATTERN}
   */
  public static String validate(String id, String owner) {
    if (id == null || !PATTERN.matcher(id).matches() || id.length() > 64) {
      throw new GraftException(
          GraftErrors.INVALID_EXTENSION,
          "extension "
              + owner
              + " declares id '"
              + id
              + "'; ids are 1-64 lower-case letters/digits in hyphen-separated words starting"
              + " with a letter, e.g. 'linear-probe'.");
    }
    return id;
  }
}
