package dev.graft.speech.read;

import dev.graft.api.data.DatasetReader;
import dev.graft.speech.TestAudio;
import dev.graft.testkit.contract.DatasetReaderContract;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;

/** Both speech readers pass the testkit's dataset-reader contract. */
class ReaderContractTest {

  @Nested
  class WavFolder extends DatasetReaderContract {
    @Override
    protected DatasetReader extension() {
      return new WavFolderReader();
    }

    @Override
    protected Path writeValidInput(Path dir) {
      Path root = dir.resolve("commands");
      TestAudio.write(root.resolve("yes/a.wav"), TestAudio.toneWav(440, 16_000, 0.2));
      TestAudio.write(root.resolve("no/b.wav"), TestAudio.toneWav(300, 8_000, 0.2));
      return root;
    }
  }

  @Nested
  class AudioCsv extends DatasetReaderContract {
    @Override
    protected DatasetReader extension() {
      return new AudioCsvReader();
    }

    @Override
    protected Path writeValidInput(Path dir) throws Exception {
      TestAudio.write(dir.resolve("a.wav"), TestAudio.toneWav(440, 16_000, 0.2));
      TestAudio.write(dir.resolve("b.wav"), TestAudio.toneWav(300, 16_000, 0.2));
      return Files.writeString(
          dir.resolve("clips.csv"), "path,label,speaker\na.wav,yes,s1\nb.wav,no,s2\n");
    }
  }
}
