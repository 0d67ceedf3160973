package dev.graft.sdk.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassFoldersTest {

  @TempDir Path root;

  private Path touch(String rel) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, "x");
  }

  @Test
  void holdsClassFoldersNeedsASubFolderWithAnExample() throws IOException {
    touch("top.png");
    touch("notes/readme.md");
    assertFalse(ClassFolders.holdsClassFolders(root, p -> p.toString().endsWith(".png")));
    touch("cat/a.png");
    assertTrue(ClassFolders.holdsClassFolders(root, p -> p.toString().endsWith(".png")));
    assertFalse(ClassFolders.holdsClassFolders(root.resolve("top.png"), p -> true));
    assertFalse(ClassFolders.holdsClassFolders(root.resolve("missing"), p -> true));
  }

  @Test
  void listAndCollectReportNonExamplesAndEmptyClassesInOrder() throws IOException {
    touch("readme.md");
    touch("_noise/n.png");
    touch("dog/b.png");
    touch("dog/notes.txt");
    touch("cat/a.png");
    touch("empty/x.txt");
    ClassFolders.Listing listing =
        ClassFolders.list(root, d -> d.getFileName().toString().startsWith("_"));
    assertEquals(1, listing.ignoredRootFiles());
    assertEquals(1, listing.ignoredFolders());
    assertEquals(
        List.of("cat", "dog", "empty"),
        listing.classDirs().stream().map(p -> p.getFileName().toString()).toList());
    BadInputLog log = new BadInputLog();
    ClassFolders.Classes classes =
        ClassFolders.collect(
            root,
            listing.classDirs(),
            p -> p.toString().endsWith(".png"),
            log,
            GraftErrors.BAD_INPUTS,
            p -> "not a png: " + p.getFileName(),
            GraftErrors.BAD_INPUTS,
            "no pngs");
    assertEquals(List.of("cat", "dog"), classes.names());
    assertEquals(
        List.of(List.of(root.resolve("cat/a.png")), List.of(root.resolve("dog/b.png"))),
        classes.files());
    assertEquals(
        List.of(
            new dev.graft.api.data.ReadResult.SkippedInput("dog/notes.txt", "not a png: notes.txt"),
            new dev.graft.api.data.ReadResult.SkippedInput("empty/x.txt", "not a png: x.txt"),
            new dev.graft.api.data.ReadResult.SkippedInput("empty/", "no pngs")),
        log.entries());
  }

  @Test
  void childrenAreSortedAndSkipHiddenNames() throws IOException {
    touch("b/1.txt");
    touch("a/1.txt");
    touch(".git/x");
    touch("readme.md");
    List<String> names =
        ClassFolders.sortedChildren(root).stream().map(p -> p.getFileName().toString()).toList();
    assertEquals(List.of("a", "b", "readme.md"), names);
  }

  @Test
  void filesUnderWalksSortedAndSkipsHiddenParts() throws IOException {
    touch("cat/z.png");
    touch("cat/sub/a.png");
    touch("cat/a.png");
    touch("cat/.DS_Store");
    touch("cat/.thumbs/t.png");
    List<String> files =
        ClassFolders.filesUnder(root.resolve("cat")).stream()
            .map(p -> ClassFolders.relative(root, p))
            .toList();
    assertEquals(List.of("cat/a.png", "cat/sub/a.png", "cat/z.png"), files);
  }

  @Test
  void missingFolderIsAnIoError() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> ClassFolders.sortedChildren(root.resolve("nope")));
    assertEquals(GraftErrors.FILE_NOT_READABLE, e.errorId());
    assertTrue(e.getMessage().contains("cannot list folder "), e.getMessage());
    e =
        assertThrows(
            InvalidInputException.class, () -> ClassFolders.filesUnder(root.resolve("nope")));
    assertTrue(e.getMessage().contains("cannot list class folder "), e.getMessage());
  }

  @Test
  void selectTakesEverythingWithoutALimit() {
    Path a = Path.of("a");
    Path b = Path.of("b");
    Path c = Path.of("c");
    List<Path> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    ClassFolders.select(List.of(List.of(a, b), List.of(c)), 0, files, labels);
    assertEquals(List.of(a, b, c), files);
    assertEquals(List.of(0, 0, 1), labels);
  }

  @Test
  void selectWithALimitIsRoundRobinThenGroupedByClass() {
    Path a1 = Path.of("a1");
    Path a2 = Path.of("a2");
    Path a3 = Path.of("a3");
    Path b1 = Path.of("b1");
    Path c1 = Path.of("c1");
    Path c2 = Path.of("c2");
    List<Path> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    ClassFolders.select(
        List.of(List.of(a1, a2, a3), List.of(b1), List.of(c1, c2)), 5, files, labels);
    assertEquals(List.of(a1, a2, b1, c1, c2), files);
    assertEquals(List.of(0, 0, 1, 2, 2), labels);
  }
}
