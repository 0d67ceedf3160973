package dev.graft.recommender.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.error.ConfigException;
import dev.graft.api.extension.Modality;
import dev.graft.api.source.Source;
import dev.graft.api.source.SourceDescriptor;
import dev.graft.api.source.SourceQuery;
import dev.graft.recommender.model.FactorModel;
import dev.graft.recommender.model.FactorModels;
import dev.graft.recommender.model.Objective;
import dev.graft.recommender.transfer.RecommenderModelLoader;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

  @TempDir Path temp;

  @Test
  void trainsAMovieLensFileIntoASourceFolderTheLoaderOpens() throws Exception {
    Path ratings = temp.resolve("ratings.csv");
    try (InputStream in = getClass().getResourceAsStream("/movielens/ratings.csv")) {
      Files.copy(in, ratings);
    }
    StringWriter out = new StringWriter();
    int rc =
        new TrainCommand()
            .execute(
                List.of(
                    "--reader",
                    "movielens-ratings",
                    "--data",
                    ratings.toString(),
                    "--out",
                    temp.resolve("sources/movies").toString(),
                    "--dimension",
                    "4",
                    "--epochs",
                    "3"),
                new PrintWriter(out),
                new PrintWriter(new StringWriter()));
    assertEquals(0, rc);
    assertTrue(out.toString().contains("13 interactions of 3 users"), out.toString());
    FactorModel m = FactorModels.read(temp.resolve("sources/movies"));
    assertEquals(Objective.MSE, m.objective(), "explicit ratings train biased MF");
    assertEquals(List.of("1", "2", "3"), m.userIds());
    RecommenderModelLoader loader = new RecommenderModelLoader();
    List<SourceDescriptor> found =
        loader.discover(
            new SourceQuery(
                Modality.RECOMMENDATION,
                Optional.of(temp.resolve("sources").toString()),
                Map.of()));
    try (Source s = loader.open(found.get(0))) {
      assertEquals("movies", s.descriptor().id());
    }
    assertThrows(
        ConfigException.class,
        () ->
            new TrainCommand()
                .execute(
                    List.of("--reader", "images", "--data", "x", "--out", "y"),
                    new PrintWriter(new StringWriter()),
                    new PrintWriter(new StringWriter())));
  }
}
