package dev.graft.api.io;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Write-then-rename: a file is written next to its destination under a temporary name, flushed to
 * disk, then moved into place in one step, so readers see either the old complete file or the new
 * complete file — never half of one — and a failure leaves what was there before untouched.
 */
public final class AtomicFiles {

  /** Writes content to a stream. */
  @FunctionalInterface
  public interface Writer {
    /**
     * Writes the content.
     *
     * @param out the stream to the temporary file
     * @throws IOException on failure
     */
    void write(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes bytes atomically.
   *
   * @param target the destination
   * @param content the bytes
   * @throws GraftException GRAFT-IO-002 naming the file if it cannot be written
   */
  public static void write(Path target, byte[] content) {
    write(target, out -> out.write(content));
  }

  /**
   * Writes UTF-8 text atomically.
   *
   * @param target the destination
   * @param text the text
   */
  public static void writeString(Path target, String text) {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes through a stream atomically.
   *
   * @param target the destination
   * @param writer writes the content
   * @throws GraftException GRAFT-IO-002 naming the file if it cannot be written
   */
  public static void write(Path target, Writer writer) {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        writer.write(out);
      }
      try (var channel =
          java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      moveIntoPlace(tmp, absolute);
      tmp = null;
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_WRITABLE,
          "cannot write "
              + absolute
              + ": "
              + e
              + ". Check free space and permissions; the previous file, if any, is unchanged.",
          e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException cleanup) {
          // the write already failed and is being reported; a leftover hidden .tmp is harmless
        }
      }
    }
  }

  /**
   * Moves a finished temporary file or folder onto {@code target} in one step (atomic where the
   * file system supports it; a replace otherwise).
   *
   * @param tmp the finished temporary path, in the same folder as {@code target}
   * @param target the destination
   * @throws IOException if the move fails
   */
  public static void moveIntoPlace(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Replaces the folder {@code target} with the finished folder {@code staged} (a sibling): a
   * rename cannot replace a non-empty folder, so an existing {@code target} is first moved aside,
   * {@code staged} is moved in, and the old one is moved back if that fails.
   *
   * @param staged the finished folder, next to {@code target}
   * @param target the destination
   * @return where the previous {@code target} now is (delete it when done), or {@code null} if
   *     there was none
   * @throws IOException if the swap fails; {@code target} then holds what it held before
   */
  public static Path replaceDirectory(Path staged, Path target) throws IOException {
    Path backup = null;
    if (Files.exists(target)) {
      backup = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
      Files.delete(backup);
      moveIntoPlace(target, backup);
    }
    try {
      moveIntoPlace(staged, target);
    } catch (IOException e) {
      if (backup != null) {
        moveIntoPlace(backup, target);
      }
      throw e;
    }
    return backup;
  }

  /**
   * Deletes a file or folder tree; nothing happens if it does not exist.
   *
   * @param root the file or folder
   * @throws IOException if something cannot be deleted
   */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
