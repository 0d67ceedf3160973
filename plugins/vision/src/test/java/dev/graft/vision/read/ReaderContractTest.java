package dev.graft.vision.read;

import dev.graft.api.data.DatasetReader;
import dev.graft.testkit.contract.DatasetReaderContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/** Every vision reader passes the testkit's dataset-reader contract. */
class ReaderContractTest {

  @Nested
  class ImageFolder extends DatasetReaderContract {
    @Override
    protected DatasetReader extension() {
      return new ImageFolderReader();
    }

    @Override
    protected Path writeValidInput(Path dir) {
      Path root = dir.resolve("images");
      TestImages.write(TestImages.gray(8, 8), "png", root.resolve("cat/a.png"));
      TestImages.write(TestImages.rgb(8, 8), "png", root.resolve("dog/b.png"));
      return root;
    }
  }

  @Nested
  class ImageCsv extends DatasetReaderContract {
    @Override
    protected DatasetReader extension() {
      return new ImageCsvReader();
    }

    @Override
    protected Path writeValidInput(Path dir) throws Exception {
      TestImages.write(TestImages.gray(8, 8), "png", dir.resolve("a.png"));
      TestImages.write(TestImages.gray(8, 8), "png", dir.resolve("b.png"));
      return Files.writeString(
          dir.resolve("manifest.csv"), "path,label\na.png,x\nb.png,y\n", StandardCharsets.UTF_8);
    }
  }

  @Nested
  class PixelCsv extends DatasetReaderContract {
    @Override
    protected DatasetReader extension() {
      return new PixelCsvReader();
    }

    @Override
    protected Map<String, String> validOptions() {
      return Map.of("width", "2", "height", "2", "max-value", "16");
    }

    @Override
    protected Path writeValidInput(Path dir) throws Exception {
      return Files.writeString(
          dir.resolve("pixels.csv"), "0,4,8,16,0\n16,8,4,0,1\n", StandardCharsets.UTF_8);
    }
  }
}
