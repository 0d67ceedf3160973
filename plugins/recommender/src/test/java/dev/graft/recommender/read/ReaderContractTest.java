package dev.graft.recommender.read;

import dev.graft.api.data.DatasetReader;
import dev.graft.testkit.contract.DatasetReaderContract;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/** Every recommender reader passes the testkit's dataset-reader contract. */
class ReaderContractTest {

  @Nested
  class RatingsCsv extends DatasetReaderContract {
    @Override
    protected DatasetReader extension() {
      return new MovieLensRatingsReader();
    }

    @Override
    protected Path writeValidInput(Path dir) throws Exception {
      return MovieLensReadersTest.fixture(dir, "ratings.csv");
    }
  }

  @Nested
  class UData extends DatasetReaderContract {
    @Override
    protected DatasetReader extension() {
      return new MovieLens100kReader();
    }

    @Override
    protected Path writeValidInput(Path dir) throws Exception {
      return MovieLensReadersTest.fixture(dir, "u.data");
    }

    @Override
    protected Map<String, String> validOptions() {
      return Map.of("holdout", "last");
    }
  }

  @Nested
  class InteractionsCsv extends DatasetReaderContract {
    @Override
    protected DatasetReader extension() {
      return new InteractionsCsvReader();
    }

    @Override
    protected Path writeValidInput(Path dir) throws Exception {
      return java.nio.file.Files.writeString(
          dir.resolve("log.csv"), "user,item,rating\na,x,1\na,y,2\nb,x,3\n");
    }

    @Override
    protected Map<String, String> validOptions() {
      return Map.of("rating-column", "rating");
    }
  }
}
