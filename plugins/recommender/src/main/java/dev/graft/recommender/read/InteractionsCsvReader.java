package dev.graft.recommender.read;

import dev.graft.api.data.ReadOptions;
import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.recommender.data.Feedback;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Any delimited interaction log with a column mapping. Options beyond {@link InteractionReader}'s:
 *
 * <ul>
 *   <li>{@code user-column}, {@code item-column}: header names (or 0-based indices without a
 *       header); default {@code user} and {@code item};
 *   <li>{@code rating-column}: the rating column; without it every row is an implicit positive;
 *   <li>{@code timestamp-column}: the time column; without it the row order is the clock;
 *   <li>{@code delimiter}: a single character, or {@code tab}; default {@code ,};
 *   <li>{@code header}: {@code true} (default) or {@code false}.
 * </ul>
 *
 * <p>Ids are text unless {@code numeric-ids: true}; no rating scale is enforced unless {@code
 * scale} is given.
 */
@Extension
public final class InteractionsCsvReader extends InteractionReader {

  /** The extension id. */
  public static final String ID = "interactions-csv";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Delimited interaction logs with a column mapping (user, item, optional rating and"
        + " timestamp), explicit or implicit feedback.";
  }

  @Override
  public Set<String> formats() {
    return Set.of(ID);
  }

  @Override
  protected List<String> extraOptions() {
    return List.of(
        "user-column", "item-column", "rating-column", "timestamp-column", "delimiter", "header");
  }

  @Override
  public boolean accepts(Path path) {
    String name =
        path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(path) && (name.endsWith(".csv") || name.endsWith(".tsv"));
  }

  @Override
  protected Layout layout(Path path, String firstLine, ReadOptions options) {
    String d = options.option("delimiter").orElse(",");
    char delimiter;
    if (d.equalsIgnoreCase("tab") || d.equals("\\t") || d.equals("\t")) {
      delimiter = '\t';
    } else if (d.length() == 1) {
      delimiter = d.charAt(0);
    } else {
      throw new ConfigException(
          GraftErrors.INVALID_READER_OPTION,
          "option delimiter is '" + d + "'; use one character or 'tab'.");
    }
    boolean header = options.option("header").map(s -> bool("header", s)).orElse(true);
    List<String> names =
        header ? Delimited.split(firstLine.replace("\uFEFF", ""), delimiter) : List.of();
    int user =
        column(
            path,
            "user-column",
            options.option("user-column").orElse(header ? "user" : "0"),
            names);
    int item =
        column(
            path,
            "item-column",
            options.option("item-column").orElse(header ? "item" : "1"),
            names);
    int rating =
        options
            .option("rating-column")
            .map(c -> column(path, "rating-column", c, names))
            .orElse(-1);
    int time =
        options
            .option("timestamp-column")
            .map(c -> column(path, "timestamp-column", c, names))
            .orElse(-1);
    return new Layout(
        delimiter,
        header,
        0,
        user,
        item,
        rating,
        time,
        rating >= 0 ? Feedback.EXPLICIT : Feedback.IMPLICIT,
        null,
        false);
  }

  private static int column(Path path, String option, String value, List<String> header) {
    if (!header.isEmpty()) {
      for (int c = 0; c < header.size(); c++) {
        if (header.get(c).trim().equals(value)) {
          return c;
        }
      }
      throw new ConfigException(
          GraftErrors.INVALID_READER_OPTION,
          option
              + " '"
              + value
              + "' is not a column of "
              + path.getFileName()
              + "; its header has "
              + header
              + ".");
    }
    try {
      int c = Integer.parseInt(value.trim());
      if (c >= 0) {
        return c;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(
        GraftErrors.INVALID_READER_OPTION,
        option + " is '" + value + "'; without a header give a 0-based column index.");
  }
}
