package ${package};

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.GraftException;
import dev.graft.testkit.contract.DatasetReaderContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV reader passes the testkit's reader contract and reads what it promises. */
class CsvVectorReaderTest extends DatasetReaderContract {

  @Override
  protected DatasetReader extension() {
    return new CsvVectorReader();
  }

  @Override
  protected Path writeValidInput(Path dir) throws Exception {
    return Files.writeString(dir.resolve("points.csv"), "x,y,label\n1,2,a\n3,4,b\n5,6.5,a\n");
  }

  @Test
  void readsColumnsAndLabels(@TempDir Path dir) throws Exception {
    ReadResult<float[]> r =
        new CsvVectorReader().read(writeValidInput(dir), ReadOptions.defaults());
    Dataset<float[]> data = r.dataset();
    assertEquals(3, data.size());
    assertArrayEquals(new float[] {5f, 6.5f}, data.example(2));
    assertEquals(List.of("a", "b"), data.classLabels().names());
    assertArrayEquals(new int[] {0, 1, 0}, data.classLabels().values());
  }

  @Test
  void aBadRowFailsNamingItsLineOrIsSkipped(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.csv"), "x,label\n1,a\nseven,b\n2,b\n");
    GraftException e =
        assertThrows(
            GraftException.class, () -> new CsvVectorReader().read(file, ReadOptions.defaults()));
    assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("seven"), e.getMessage());
    ReadResult<float[]> skipped =
        new CsvVectorReader().read(file, new ReadOptions(BadInputPolicy.SKIP, 0, Map.of()));
    assertEquals(2, skipped.dataset().size());
    assertEquals(1, skipped.skipped().size());
  }

  @Test
  void aMissingLabelColumnIsNamed(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("nolabel.csv"), "x,y\n1,2\n");
    GraftException e =
        assertThrows(
            GraftException.class, () -> new CsvVectorReader().read(file, ReadOptions.defaults()));
    assertEquals(${classPrefix}Errors.NO_LABEL_COLUMN, e.errorId());
  }
}
