package dev.graft.recommender.read;

import dev.graft.api.data.ReadOptions;
import dev.graft.recommender.data.Feedback;
import dev.graft.recommender.data.RatingScale;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.pf4j.Extension;

/**
 * MovieLens-100K {@code u.data} (and its {@code u1.base}... splits): tab-separated {@code user item
 * rating timestamp}, no header, numeric ids, whole-star ratings from 1 to 5. Item metadata: {@code
 * items: u.item}. See {@link InteractionReader} for the options.
 */
@Extension
public final class MovieLens100kReader extends InteractionReader {

  /** The extension id. */
  public static final String ID = "movielens-100k";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "MovieLens-100K u.data (user, item, rating, timestamp; tab-separated), optional u.item"
        + " genres and a leave-last-out or time holdout.";
  }

  @Override
  public Set<String> formats() {
    return Set.of(ID);
  }

  @Override
  public boolean accepts(Path path) {
    if (!Files.isRegularFile(path)) {
      return false;
    }
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String first = in.readLine();
      return first != null && first.trim().matches("\\d+\\t\\d+\\t\\d+(\\.\\d+)?\\t\\d+");
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  protected Layout layout(Path path, String firstLine, ReadOptions options) {
    return new Layout(
        '\t', false, 4, 0, 1, 2, 3, Feedback.EXPLICIT, RatingScale.MOVIELENS_100K, true);
  }
}
