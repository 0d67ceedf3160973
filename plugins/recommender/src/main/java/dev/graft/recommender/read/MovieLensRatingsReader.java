package dev.graft.recommender.read;

import dev.graft.api.data.ReadOptions;
import dev.graft.api.error.InvalidInputException;
import dev.graft.recommender.RecommenderErrors;
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
 * MovieLens {@code ratings.csv} (ml-latest, ml-20m, ml-25m, ml-32m): a header {@code
 * userId,movieId,rating,timestamp}, numeric ids, half-star ratings from 0.5 to 5, Unix seconds.
 * Item metadata: {@code items: movies.csv}. See {@link InteractionReader} for the options.
 */
@Extension
public final class MovieLensRatingsReader extends InteractionReader {

  /** The extension id. */
  public static final String ID = "movielens-ratings";

  static final String HEADER = "userId,movieId,rating,timestamp";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "MovieLens ratings.csv (userId,movieId,rating,timestamp), explicit or implicit, optional"
        + " movies.csv genres and a leave-last-out or time holdout.";
  }

  @Override
  public Set<String> formats() {
    return Set.of(ID);
  }

  @Override
  public boolean accepts(Path path) {
    if (!Files.isRegularFile(path) || !path.getFileName().toString().endsWith(".csv")) {
      return false;
    }
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String first = in.readLine();
      return first != null && first.trim().equals(HEADER);
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  protected Layout layout(Path path, String firstLine, ReadOptions options) {
    String header = firstLine.replace("\uFEFF", "").trim();
    if (!header.equals(HEADER)) {
      throw new InvalidInputException(
          RecommenderErrors.MALFORMED_ROW,
          path
              + ":1 header is '"
              + header
              + "'; MovieLens ratings.csv starts with '"
              + HEADER
              + "'. For other column layouts use the interactions-csv reader.");
    }
    return new Layout(',', true, 4, 0, 1, 2, 3, Feedback.EXPLICIT, RatingScale.MOVIELENS, true);
  }
}
