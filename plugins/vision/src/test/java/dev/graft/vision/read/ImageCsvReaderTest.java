package dev.graft.vision.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.InvalidInputException;
import dev.graft.vision.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCsvReaderTest {

  @TempDir Path temp;

  private final ImageCsvReader reader = new ImageCsvReader();

  @Test
  void readsManifestRelativeToItsFolderInRowOrder() throws IOException {
    Path dir = temp.resolve("set");
    TestImages.write(TestImages.gray(6, 6), "png", dir.resolve("img/a.png"));
    TestImages.write(TestImages.gray(7, 7), "bmp", dir.resolve("img/b c.bmp"));
    Path csv = dir.resolve("labels.csv");
    Files.writeString(csv, "path,label\nimg/b c.bmp,zebra\n\"img/a.png\",ant\n");
    assertTrue(reader.accepts(csv));
    Dataset<Image> data = reader.read(csv, ReadOptions.defaults()).dataset();
    assertEquals(2, data.size());
    assertEquals(List.of("ant", "zebra"), data.classLabels().names());
    assertEquals(7, data.example(0).width());
    assertEquals(1, data.classLabels().get(0));
    assertEquals(0, data.classLabels().get(1));
    assertEquals(TestImages.grayValue(3, 2) / 255f, data.example(1).get(2, 3, 0), 1e-7);
  }

  @Test
  void missingFilesShortRowsAndBadImagesAreNamedByLine() throws IOException {
    Path dir = temp.resolve("bad");
    TestImages.write(TestImages.gray(6, 6), "png", dir.resolve("ok.png"));
    TestImages.bytes(dir.resolve("zero.png"), new byte[0]);
    Path csv = dir.resolve("m.csv");
    Files.writeString(csv, "ok.png,a\nmissing.png,b\nok.png\nzero.png,c\nok.png,\n");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> reader.read(csv, ReadOptions.defaults()));
    String m = e.getMessage();
    assertTrue(m.contains("m.csv:2: image 'missing.png' does not exist"), m);
    assertTrue(m.contains("m.csv:3: row has 1 fields; expected 2 (path,label)"), m);
    assertTrue(m.contains("m.csv:4 (zero.png): zero-byte file"), m);
    assertTrue(m.contains("m.csv:5: the label is empty"), m);
    ReadResult<Image> r = reader.read(csv, new ReadOptions(BadInputPolicy.SKIP, 0, Map.of()));
    assertEquals(1, r.dataset().size());
    assertEquals(4, r.skipped().size());
  }
}
