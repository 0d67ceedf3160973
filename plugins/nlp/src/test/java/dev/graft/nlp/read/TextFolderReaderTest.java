package dev.graft.nlp.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.nlp.NlpErrors;
import dev.graft.nlp.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFolderReaderTest {

  @TempDir Path temp;

  private final TextFolderReader reader = new TextFolderReader();

  private Path file(String rel, byte[] content) throws IOException {
    Path p = temp.resolve("root").resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.write(p, content);
  }

  @Test
  void oneTextPerFileClassPerFolder() throws IOException {
    file("sports/b.txt", "Goal in the last minute.\n".getBytes());
    file("sports/deep/a.txt", "A tennis match.".getBytes());
    file("food/x.txt", "Soup of the day".getBytes());
    file("food/notes.md", "ignored".getBytes());
    file("README", "root file".getBytes());
    file(".hidden/y.txt", "hidden".getBytes());
    Path root = temp.resolve("root");
    assertTrue(reader.accepts(root));
    Dataset<Text> d = reader.read(root, ReadOptions.defaults()).dataset();
    assertEquals(List.of("food", "sports"), d.classLabels().names());
    assertEquals(3, d.size());
    assertEquals("Goal in the last minute.", d.example(1).value());
    assertEquals("1", d.info().properties().get("ignored-root-files"));
    Dataset<Text> md =
        reader
            .read(root, new ReadOptions(BadInputPolicy.FAIL, 0, Map.of("extensions", "md,txt")))
            .dataset();
    assertEquals(4, md.size());
  }

  @Test
  void emptyClassFoldersAndInvalidFilesFollowThePolicy() throws IOException {
    file("a/1.txt", "fine".getBytes());
    file("a/2.txt", new byte[] {'o', 'k', '\n', (byte) 0xc3, (byte) 0x28});
    file("a/3.txt", "   \n".getBytes());
    Files.createDirectories(temp.resolve("root/empty"));
    Path root = temp.resolve("root");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> reader.read(root, ReadOptions.defaults()));
    assertEquals(GraftErrors.BAD_INPUTS, e.errorId());
    assertTrue(e.getMessage().contains("2.txt:2: invalid UTF-8"), e.getMessage());
    assertTrue(e.getMessage().contains("3.txt: the text is empty"), e.getMessage());
    assertTrue(e.getMessage().contains("class 'empty': the class has no examples"), e.getMessage());
    ReadResult<Text> r = reader.read(root, new ReadOptions(BadInputPolicy.SKIP, 0, Map.of()));
    assertEquals(List.of("a"), r.dataset().classLabels().names());
    assertEquals(3, r.skipped().size());
  }

  @Test
  void onlyEmptyFoldersIsNoExamples() throws IOException {
    Files.createDirectories(temp.resolve("root/empty"));
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                reader.read(
                    temp.resolve("root"), new ReadOptions(BadInputPolicy.SKIP, 0, Map.of())));
    assertEquals(NlpErrors.NO_EXAMPLES, e.errorId());
  }
}
