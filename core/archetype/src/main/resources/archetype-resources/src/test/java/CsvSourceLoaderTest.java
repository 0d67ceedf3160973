package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.graft.api.data.Dataset;
import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.DatasetInfo;
import dev.graft.api.extension.Modality;
import dev.graft.api.source.Source;
import dev.graft.api.source.SourceDescriptor;
import dev.graft.api.source.SourceLoader;
import dev.graft.api.source.SourceQuery;
import dev.graft.testkit.contract.SourceLoaderContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The loader passes the testkit's source-loader contract and offers each CSV file's rows. */
class CsvSourceLoaderTest extends SourceLoaderContract {

  @Override
  protected SourceLoader extension() {
    return new CsvSourceLoader();
  }

  @Override
  protected SourceQuery writeValidSources(Path dir) throws Exception {
    Files.writeString(dir.resolve("a.csv"), "x,y,label\n1,2,p\n3,4,q\n");
    Files.writeString(dir.resolve("b.csv"), "x,y,label\n0,1,p\n2,2,q\n5,5,p\n");
    Files.writeString(dir.resolve("notes.txt"), "not a source\n");
    return new SourceQuery(Modality.TABULAR, Optional.of(dir.toString()), Map.of());
  }

  @Override
  protected Optional<Dataset<?>> probeData() {
    DatasetInfo info = new DatasetInfo("probe", Modality.TABULAR, "generated", "probe", Map.of());
    return Optional.of(
        Dataset.labelled(
            info,
            List.of(new float[] {7, 8}, new float[] {-1, 0.5f}),
            ClassLabels.of(new int[] {0, 1}, List.of("p", "q"))));
  }

  @Test
  void offersOneCandidatePerCsvFileWithItsRows() throws Exception {
    List<SourceDescriptor> found = extension().discover(writeValidSources(sourcesDir));
    assertEquals(List.of("csv:a", "csv:b"), found.stream().map(SourceDescriptor::id).toList());
    try (Source b = extension().open(found.get(1))) {
      assertEquals(3, b.labelledData().orElseThrow().size());
      assertEquals(5.0, b.features(b.labelledData().get()).get(2, 0), 1e-9);
    }
  }
}
