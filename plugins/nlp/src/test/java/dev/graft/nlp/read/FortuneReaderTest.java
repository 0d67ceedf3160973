package dev.graft.nlp.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.InvalidInputException;
import dev.graft.nlp.NlpErrors;
import dev.graft.nlp.Text;
import dev.graft.nlp.data.NlpData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FortuneReaderTest {

  @TempDir Path temp;

  private final FortuneReader reader = new FortuneReader();

  private static ReadOptions opts(Map<String, String> o) {
    return new ReadOptions(BadInputPolicy.FAIL, 0, o);
  }

  @Test
  void recordsAreSeparatedByPercentLinesAndTheFileNameIsTheClass() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("f"));
    Files.writeString(dir.resolve("food"), "Eat your greens.\n%\nA pie\nin two lines.\n%\n");
    Files.writeString(dir.resolve("food.dat"), "index");
    Files.writeString(
        dir.resolve("sports"), "_\bB_\bo_\bl_\bd goal!\n%\nLast one without a separator");
    Dataset<Text> d = reader.read(dir, ReadOptions.defaults()).dataset();
    assertEquals(List.of("food", "sports"), d.classLabels().names());
    assertEquals(4, d.size());
    assertEquals("A pie\nin two lines.", d.example(1).value());
    assertEquals(dir.resolve("food") + ":3", d.example(1).origin());
    assertEquals("Bold goal!", d.example(2).value(), "overstrikes are removed");
    assertEquals("Last one without a separator", d.example(3).value());
    assertTrue(reader.accepts(dir.resolve("food")));
    assertFalse(reader.accepts(dir.resolve("sports")), "no .dat index next to it");
  }

  @Test
  void emptyRecordsAndInvalidUtf8AreBadRecords() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("f"));
    Files.writeString(dir.resolve("a"), "one\n%\n%\ntwo\n%\n");
    Files.write(dir.resolve("b"), "fine\n%\nna\u00efve\n%\n".getBytes(StandardCharsets.ISO_8859_1));
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> reader.read(dir, ReadOptions.defaults()));
    assertTrue(e.getMessage().contains(dir.resolve("a") + ":3: the text is empty"), e.getMessage());
    assertTrue(e.getMessage().contains(dir.resolve("b") + ":3: invalid UTF-8"), e.getMessage());
    ReadResult<Text> r = reader.read(dir, new ReadOptions(BadInputPolicy.SKIP, 0, Map.of()));
    assertEquals(3, r.dataset().size());
    assertEquals(2, r.skipped().size());
  }

  @Test
  void theShippedSubsetReadsWithCategoriesAndSuggestsMisspelledOnes() {
    Path dir = NlpData.copyFortunes(temp.resolve("shipped"));
    Dataset<Text> d = reader.read(dir, opts(Map.of("categories", "startrek,food"))).dataset();
    assertEquals(List.of("startrek", "food"), d.classLabels().names());
    assertEquals(227 + 198, d.size());
    assertEquals(227, d.classLabels().counts()[0]);
    assertTrue(d.examples().stream().noneMatch(t -> t.value().indexOf('\b') >= 0));
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> reader.read(dir, opts(Map.of("categories", "sport"))));
    assertEquals(NlpErrors.EMPTY_CLASS, e.errorId());
    assertTrue(e.getMessage().contains("did you mean 'sports'"), e.getMessage());
    Dataset<Text> unlabelled = reader.read(dir, opts(Map.of("label", "none"))).dataset();
    assertFalse(unlabelled.targets().isPresent());
    assertEquals(NlpData.categories().size(), 15);
    assertTrue(unlabelled.size() > 3000);
  }

  @Test
  void debiansFortunesReadWithTheDefaultPolicy() {
    Assumptions.assumeTrue(
        Files.isRegularFile(FortuneReader.DEBIAN_FOLDER.resolve("science")),
        "Debian's fortunes package is not installed");
    Dataset<Text> d =
        reader
            .read(FortuneReader.DEBIAN_FOLDER, opts(Map.of("categories", "science,food,startrek")))
            .dataset();
    assertEquals(List.of("science", "food", "startrek"), d.classLabels().names());
    assertTrue(d.classLabels().counts()[0] > 600, "science has 625 fortunes");
  }

  @Test
  void debiansGermanSpanishAndItalianFortunesAreUtf8() {
    for (String language : List.of("de", "es", "it")) {
      Path dir = FortuneReader.DEBIAN_FOLDER.resolve(language);
      Assumptions.assumeTrue(Files.isDirectory(dir), "fortunes-" + language + " is not installed");
      ReadResult<Text> r = reader.read(dir, new ReadOptions(BadInputPolicy.SKIP, 0, Map.of()));
      assertTrue(r.dataset().size() > 1000, language + ": " + r.dataset().size());
      assertTrue(r.dataset().classLabels().numClasses() > 5, language);
      assertTrue(
          r.skipped().size() * 100 < r.dataset().size(),
          language
              + " skipped "
              + r.skipped().size()
              + ": "
              + r.skipped().subList(0, Math.min(3, r.skipped().size())));
    }
    // Debian bookworm's German files hold a few empty records (e.g. de/computer): SKIP keeps the
    // rest and lists them, the default policy fails naming them
    Path deDir = FortuneReader.DEBIAN_FOLDER.resolve("de");
    ReadResult<Text> de = reader.read(deDir, new ReadOptions(BadInputPolicy.SKIP, 0, Map.of()));
    if (!de.skipped().isEmpty()) {
      InvalidInputException e =
          assertThrows(
              InvalidInputException.class, () -> reader.read(deDir, ReadOptions.defaults()));
      assertTrue(e.getMessage().contains(de.skipped().get(0).location()), e.getMessage());
    }
    assertTrue(
        de.dataset().examples().stream().anyMatch(t -> t.value().contains("ü")), "umlauts decode");
  }
}
