package dev.graft.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir Path temp;

  @Test
  void replacesContentAndLeavesNoTemporaryFiles() throws IOException {
    Path f = temp.resolve("sub/report.json");
    AtomicFiles.writeString(f, "{\"v\":1}");
    AtomicFiles.writeString(f, "{\"v\":2}");
    assertEquals("{\"v\":2}", Files.readString(f));
    try (Stream<Path> files = Files.list(f.getParent())) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void aFailedWriteKeepsThePreviousFile() throws IOException {
    Path f = temp.resolve("model.bin");
    AtomicFiles.writeString(f, "old");
    GraftException e =
        assertThrows(
            GraftException.class,
            () ->
                AtomicFiles.write(
                    f,
                    out -> {
                      out.write("half".getBytes());
                      throw new IOException("disk full");
                    }));
    assertEquals(GraftErrors.FILE_NOT_WRITABLE, e.errorId());
    assertEquals("old", Files.readString(f));
    try (Stream<Path> files = Files.list(temp)) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void replacesAFolderAndHandsBackThePreviousOne() throws IOException {
    Path target = temp.resolve("model");
    Files.createDirectories(target);
    Files.writeString(target.resolve("v"), "1");
    Path staged = temp.resolve(".model.staged");
    Files.createDirectories(staged);
    Files.writeString(staged.resolve("v"), "2");

    Path old = AtomicFiles.replaceDirectory(staged, target);
    assertEquals("2", Files.readString(target.resolve("v")));
    assertEquals("1", Files.readString(old.resolve("v")));
    AtomicFiles.deleteTree(old);
    try (Stream<Path> files = Files.list(temp)) {
      assertEquals(1, files.count());
    }
    Path fresh = temp.resolve(".other.staged");
    Files.createDirectories(fresh);
    assertEquals(null, AtomicFiles.replaceDirectory(fresh, temp.resolve("other")));
    assertTrue(Files.isDirectory(temp.resolve("other")));
  }
}
