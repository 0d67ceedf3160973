package dev.graft.recommender.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.data.RegressionTargets;
import dev.graft.api.error.InvalidInputException;
import dev.graft.recommender.RecommenderErrors;
import dev.graft.recommender.data.Catalog;
import dev.graft.recommender.data.Feedback;
import dev.graft.recommender.data.ItemContent;
import dev.graft.recommender.data.UserHistory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers on hand-written files in the exact MovieLens formats. */
class MovieLensReadersTest {

  @TempDir Path temp;

  static Path fixture(Path dir, String name) throws IOException {
    try (InputStream in = MovieLensReadersTest.class.getResourceAsStream("/movielens/" + name)) {
      Path p = dir.resolve(name);
      Files.copy(in, p);
      return p;
    }
  }

  private static ReadOptions options(Map<String, String> o) {
    return new ReadOptions(BadInputPolicy.FAIL, 0, o);
  }

  @SuppressWarnings("unchecked")
  private static List<UserHistory> users(ReadResult<?> r) {
    return (List<UserHistory>) r.dataset().examples();
  }

  @Test
  void ratingsCsvReadsUsersItemsRatingsAndGenres() throws IOException {
    Path ratings = fixture(temp, "ratings.csv");
    fixture(temp, "movies.csv");
    MovieLensRatingsReader reader = new MovieLensRatingsReader();
    assertTrue(reader.accepts(ratings));
    ReadResult<?> r = reader.read(ratings, options(Map.of("items", "movies.csv")));
    List<UserHistory> users = users(r);
    assertEquals(List.of("1", "2", "3"), users.stream().map(UserHistory::userId).toList());
    UserHistory u1 = users.get(0);
    Catalog c = u1.catalog();
    assertEquals(Feedback.EXPLICIT, c.feedback());
    assertEquals(12, c.size(), "13 movies listed, 12 rated");
    // time order: 3 (964981247), 6, 1, 50, 47 (964983815)
    assertEquals(List.of("3", "6", "1", "50", "47"), ids(u1));
    assertArrayEquals(new float[] {4f, 4f, 4f, 5f, 5f}, u1.values());
    assertEquals(0.5f, users.get(2).values()[0]);
    ItemContent content = c.content().orElseThrow();
    assertTrue(content.names().contains("genre:Thriller"));
    float[] heat = content.row(c.indexOf("6"));
    assertEquals(1f, heat[content.names().indexOf("genre:Crime")]);
    assertEquals(0f, heat[content.names().indexOf("genre:Comedy")]);
    // the quoted title with a comma parsed: 50 is Crime|Mystery|Thriller
    assertEquals(1f, content.row(c.indexOf("50"))[content.names().indexOf("genre:Mystery")]);
    // Jumanji (2) has no ratings: reported, not in the catalogue
    assertEquals(-1, c.indexOf("2"));
    assertEquals(1, r.skipped().size());
    assertTrue(r.skipped().get(0).location().endsWith("movies.csv:2"), r.skipped().toString());
    assertTrue(r.dataset().targets().isEmpty(), "no holdout, no targets");
    assertEquals("13", r.dataset().info().properties().get("interactions"));
  }

  @Test
  void uDataReadsTheTabSeparated100kLayoutWithUItemGenres() throws IOException {
    Path data = fixture(temp, "u.data");
    fixture(temp, "u.item");
    MovieLens100kReader reader = new MovieLens100kReader();
    assertTrue(reader.accepts(data));
    assertFalse(new MovieLensRatingsReader().accepts(data));
    ReadResult<?> r = reader.read(data, options(Map.of("items", "u.item")));
    List<UserHistory> users = users(r);
    assertEquals(10, users.size());
    assertEquals(11, users.get(0).catalog().size());
    UserHistory u196 = users.get(0);
    assertEquals("196", u196.userId());
    assertEquals(List.of("242", "393"), ids(u196));
    assertArrayEquals(new long[] {881250949L, 881251863L}, u196.timestamps());
    ItemContent g = u196.catalog().content().orElseThrow();
    assertEquals(1f, g.row(u196.catalog().indexOf("242"))[g.names().indexOf("genre:Comedy")]);
    // 1682 is in u.item but unrated
    assertEquals(1, r.skipped().size());
    assertTrue(r.skipped().get(0).location().endsWith("u.item:1682"), r.skipped().toString());
  }

  @Test
  void leaveLastOutHoldsOutEachUsersLatestRatingAsRelevance() throws IOException {
    Path ratings = fixture(temp, "ratings.csv");
    ReadResult<?> r =
        new MovieLensRatingsReader().read(ratings, options(Map.of("holdout", "last")));
    Dataset<?> d = r.dataset();
    List<UserHistory> users = users(r);
    RegressionTargets t = (RegressionTargets) d.targets().orElseThrow();
    Catalog c = users.get(0).catalog();
    assertEquals(c.size(), t.values().cols());
    // user 1's latest is movie 47 (5.0), user 2's is 1704 (4.5), user 3's is 527 (0.5)
    assertEquals(5.0, t.values().get(0, c.indexOf("47")));
    assertEquals(4.5, t.values().get(1, c.indexOf("1704")));
    assertEquals(0.5, t.values().get(2, c.indexOf("527")));
    assertEquals(3, (int) java.util.Arrays.stream(t.values().data()).filter(v -> v > 0).count());
    assertFalse(ids(users.get(0)).contains("47"), "the held-out rating is not in the history");
    assertEquals(4, users.get(0).size());
  }

  @Test
  void duplicatesKeepTheLaterRowAndAreReported() throws IOException {
    Path p =
        Files.writeString(
            temp.resolve("ratings.csv"),
            MovieLensRatingsReader.HEADER + "\n1,10,2.0,100\n1,11,3.0,101\n1,10,4.5,102\n",
            StandardCharsets.UTF_8);
    ReadResult<?> r = new MovieLensRatingsReader().read(p, ReadOptions.defaults());
    UserHistory u = users(r).get(0);
    assertEquals(List.of("11", "10"), ids(u));
    assertArrayEquals(new float[] {3f, 4.5f}, u.values());
    assertEquals(1, r.skipped().size());
    assertEquals("ratings.csv:2", r.skipped().get(0).location());
    assertTrue(r.skipped().get(0).reason().contains("keep-last"), r.skipped().get(0).reason());
    assertEquals("1", r.dataset().info().properties().get("duplicates"));
  }

  @Test
  void ratingsOffTheScaleFailWithTheirLinesOrAreSkipped() throws IOException {
    Path p =
        Files.writeString(
            temp.resolve("ratings.csv"),
            MovieLensRatingsReader.HEADER
                + "\n1,10,4.0,100\n1,11,6.0,101\n2,10,0.0,102\n2,12,3.0,103\n",
            StandardCharsets.UTF_8);
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> new MovieLensRatingsReader().read(p, ReadOptions.defaults()));
    assertEquals(RecommenderErrors.RATING_OUT_OF_SCALE, e.errorId());
    assertTrue(e.getMessage().contains("ratings.csv:3"), e.getMessage());
    assertTrue(e.getMessage().contains("ratings.csv:4"), e.getMessage());
    assertTrue(e.getMessage().contains("0.5..5.0"), e.getMessage());
    ReadResult<?> skipped =
        new MovieLensRatingsReader().read(p, new ReadOptions(BadInputPolicy.SKIP, 0, Map.of()));
    assertEquals(2, skipped.skipped().size());
    assertEquals(2, skipped.dataset().size());
    // a wider declared scale accepts 6.0 but not 0.0
    ReadResult<?> wide =
        new MovieLensRatingsReader()
            .read(p, new ReadOptions(BadInputPolicy.SKIP, 0, Map.of("scale", "1..10")));
    assertEquals(1, wide.skipped().size());
  }

  @Test
  void nonNumericIdsAreRejectedWhereTheFormatDeclaresNumericOnes() throws IOException {
    Path p =
        Files.writeString(
            temp.resolve("ratings.csv"),
            MovieLensRatingsReader.HEADER + "\n1,10,4.0,100\nu2,10,3.0,101\n",
            StandardCharsets.UTF_8);
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> new MovieLensRatingsReader().read(p, ReadOptions.defaults()));
    assertEquals(RecommenderErrors.NON_NUMERIC_ID, e.errorId());
    assertTrue(
        e.getMessage().contains("ratings.csv:3") && e.getMessage().contains("'u2'"),
        e.getMessage());
    ReadResult<?> text =
        new MovieLensRatingsReader()
            .read(p, new ReadOptions(BadInputPolicy.FAIL, 0, Map.of("numeric-ids", "false")));
    assertEquals(2, text.dataset().size());
  }

  @Test
  void sparseUsersAndItemsAreFilteredAndReportedOrNothingIsLeft() throws IOException {
    Path p = fixture(temp, "u.data");
    ReadResult<?> r =
        new MovieLens100kReader()
            .read(p, new ReadOptions(BadInputPolicy.FAIL, 0, Map.of("min-user-interactions", "2")));
    // users 196, 186 and 22 rated twice; the others are dropped and listed
    assertEquals(List.of("196", "186", "22"), users(r).stream().map(UserHistory::userId).toList());
    assertEquals(7, r.skipped().size(), r.skipped().toString());
    assertTrue(r.skipped().stream().anyMatch(s -> s.location().equals("user 6")));
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                new MovieLens100kReader()
                    .read(
                        p,
                        new ReadOptions(
                            BadInputPolicy.FAIL,
                            0,
                            Map.of("min-user-interactions", "2", "min-item-interactions", "2"))));
    assertEquals(RecommenderErrors.NO_INTERACTIONS, e.errorId());
  }

  @Test
  void aWrongHeaderNamesTheOtherReader() throws IOException {
    Path p = Files.writeString(temp.resolve("r.csv"), "user,item\n1,2\n", StandardCharsets.UTF_8);
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> new MovieLensRatingsReader().read(p, ReadOptions.defaults()));
    assertTrue(e.getMessage().contains("interactions-csv"), e.getMessage());
  }

  @Test
  void genericCsvMapsColumnsAndReadsImplicitFeedbackWithTextIds() throws IOException {
    Path p =
        Files.writeString(
            temp.resolve("log.tsv"),
            "ts\tcustomer\tproduct\n5\talice\tbook-1\n3\talice\tbook-2\n4\tbob\tbook-1\n",
            StandardCharsets.UTF_8);
    ReadResult<?> r =
        new InteractionsCsvReader()
            .read(
                p,
                options(
                    Map.of(
                        "delimiter", "tab",
                        "user-column", "customer",
                        "item-column", "product",
                        "timestamp-column", "ts")));
    List<UserHistory> users = users(r);
    assertEquals(Feedback.IMPLICIT, users.get(0).catalog().feedback());
    assertEquals(List.of("book-2", "book-1"), ids(users.get(0)), "ordered by the ts column");
    assertArrayEquals(new float[] {1f, 1f}, users.get(0).values());
    dev.graft.api.error.ConfigException bad =
        assertThrows(
            dev.graft.api.error.ConfigException.class,
            () -> new InteractionsCsvReader().read(p, options(Map.of("user-column", "nobody"))));
    assertTrue(bad.getMessage().contains("nobody"), bad.getMessage());
  }

  @Test
  void implicitFeedbackFromRatingsKeepsThoseAtTheThreshold() throws IOException {
    Path ratings = fixture(temp, "ratings.csv");
    ReadResult<?> r =
        new MovieLensRatingsReader()
            .read(ratings, options(Map.of("feedback", "implicit", "positive-threshold", "4")));
    int total = users(r).stream().mapToInt(UserHistory::size).sum();
    assertEquals(8, total, "ratings >= 4");
    assertEquals(Feedback.IMPLICIT, users(r).get(0).catalog().feedback());
    assertEquals(2, users(r).size(), "user 3 has no rating of 4 or more");
  }

  private static List<String> ids(UserHistory h) {
    return java.util.Arrays.stream(h.items()).mapToObj(i -> h.catalog().itemIds().get(i)).toList();
  }
}
