package dev.graft.nlp.read;

import dev.graft.api.data.DatasetReader;
import dev.graft.testkit.contract.DatasetReaderContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;

/** Every text reader passes the testkit's dataset-reader contract. */
class ReaderContractTest {

  @Nested
  class Csv extends DatasetReaderContract {
    @Override
    protected DatasetReader extension() {
      return new TextCsvReader();
    }

    @Override
    protected Path writeValidInput(Path dir) throws Exception {
      return Files.writeString(
          dir.resolve("t.csv"), "text,label\n\"a, b\",x\nc,y\n", StandardCharsets.UTF_8);
    }
  }

  @Nested
  class Jsonl extends DatasetReaderContract {
    @Override
    protected DatasetReader extension() {
      return new JsonlTextReader();
    }

    @Override
    protected Path writeValidInput(Path dir) throws Exception {
      return Files.writeString(
          dir.resolve("t.jsonl"),
          "{\"text\": \"a\", \"label\": \"x\"}\n{\"text\": \"b\", \"label\": \"y\"}\n",
          StandardCharsets.UTF_8);
    }
  }

  @Nested
  class Folder extends DatasetReaderContract {
    @Override
    protected DatasetReader extension() {
      return new TextFolderReader();
    }

    @Override
    protected Path writeValidInput(Path dir) throws Exception {
      Files.createDirectories(dir.resolve("root/x"));
      Files.createDirectories(dir.resolve("root/y"));
      Files.writeString(dir.resolve("root/x/1.txt"), "first");
      Files.writeString(dir.resolve("root/y/1.txt"), "second");
      return dir.resolve("root");
    }
  }

  @Nested
  class Fortune extends DatasetReaderContract {
    @Override
    protected DatasetReader extension() {
      return new FortuneReader();
    }

    @Override
    protected Path writeValidInput(Path dir) throws Exception {
      Files.createDirectories(dir.resolve("fortunes"));
      Files.writeString(dir.resolve("fortunes/food"), "Soup.\n%\nBread.\n%\n");
      Files.writeString(dir.resolve("fortunes/sports"), "Goal.\n%\n");
      return dir.resolve("fortunes");
    }
  }
}
