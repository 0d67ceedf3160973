package dev.graft.tensorflow.savedmodel;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.io.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * SHA-256 digests of the files of a SavedModel directory, and their verification against a {@link
 * ModelManifest}. Stateless and thread-safe.
 */
public final class ModelDigests {

  private ModelDigests() {}

  /**
   * Digests every regular file below {@code directory}, except the manifest itself.
   *
   * @param directory the SavedModel directory
   * @return SHA-256 hex digests keyed by relative path with {@code /} separators, sorted
   * @throws GraftException {@code GRAFT-IO-001} if a file cannot be read
   */
  public static SortedMap<String, String> digest(Path directory) {
    SortedMap<String, String> digests = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files = walk.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_READABLE,
          "cannot list the files of " + directory + ": " + e.getMessage(),
          e);
    }
    for (Path file : files) {
      String relative = relativeName(directory, file);
      if (!relative.equals(ModelManifest.FILE_NAME)) {
        digests.put(relative, sha256(file));
      }
    }
    return digests;
  }

  /**
   * Checks that the directory's files are exactly those in the manifest, with the same digests.
   *
   * @param directory the SavedModel directory
   * @param manifest its manifest
   * @throws GraftException {@code GRAFT-MODEL-001} naming the first file that is missing, unlisted
   *     or whose digest differs (with expected and actual digests)
   */
  public static void verify(Path directory, ModelManifest manifest) {
    SortedMap<String, String> actual = digest(directory);
    for (Map.Entry<String, String> expected : manifest.files().entrySet()) {
      String found = actual.get(expected.getKey());
      if (found == null) {
        throw new GraftException(
            GraftErrors.MODEL_INVALID,
            "model file "
                + directory.resolve(expected.getKey())
                + " listed in "
                + ModelManifest.FILE_NAME
                + " is missing; copy the whole model directory again.");
      }
      if (!found.equals(expected.getValue())) {
        throw new GraftException(
            GraftErrors.MODEL_INVALID,
            "model file "
                + directory.resolve(expected.getKey())
                + " has SHA-256 "
                + found
                + " but "
                + ModelManifest.FILE_NAME
                + " expects "
                + expected.getValue()
                + "; the file was modified or damaged. Copy or export the model again.");
      }
    }
    for (String file : actual.keySet()) {
      if (!manifest.files().containsKey(file)) {
        throw new GraftException(
            GraftErrors.MODEL_INVALID,
            "model file "
                + directory.resolve(file)
                + " is not listed in "
                + ModelManifest.FILE_NAME
                + "; remove it or export the model again.");
      }
    }
  }

  /**
   * The SHA-256 of one file.
   *
   * @param file the file
   * @return lower-case hex
   * @throws GraftException {@code GRAFT-IO-001} if it cannot be read
   */
  public static String sha256(Path file) {
    MessageDigest digest = Digests.newSha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_READABLE, "cannot read " + file + ": " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String relativeName(Path directory, Path file) {
    return directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }
}
