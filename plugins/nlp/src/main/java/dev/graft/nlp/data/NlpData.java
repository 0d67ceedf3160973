package dev.graft.nlp.data;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.nlp.Text;
import dev.graft.nlp.read.FortuneReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text data shipped inside the plugin jar: a compact subset of Debian's English fortune files
 * (15 categories, at most 300 records each; provenance and licence in {@code
 * dev/graft/nlp/data/NOTICE.md}), so tests and the demo scenario run without the {@code fortunes}
 * package. Read it with the {@code fortune} reader after {@link #copyFortunes(Path)}, or directly
 * with {@link #fortunes(List)}.
 */
public final class NlpData {

  /** The ten source categories of the topic-transfer scenario. */
  public static final List<String> SOURCE_CATEGORIES =
      List.of(
          "computers",
          "drugs",
          "education",
          "kids",
          "linux",
          "literature",
          "medicine",
          "politics",
          "science",
          "work");

  /** The five target categories of the topic-transfer scenario. */
  public static final List<String> TARGET_CATEGORIES =
      List.of("food", "law", "love", "sports", "startrek");

  private static final String ROOT = "/dev/graft/nlp/data/fortunes/";

  private NlpData() {}

  /**
   * The shipped categories, in file-name order.
   *
   * @return the category names
   */
  public static List<String> categories() {
    try (InputStream in = resource("INDEX")) {
      List<String> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          out.add(line.strip());
        }
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw broken(e);
    }
  }

  /**
   * Writes the shipped fortune files ({@code <category>.gz}) into a folder, which the {@code
   * fortune} reader then reads like Debian's {@code /usr/share/games/fortunes}.
   *
   * @param folder the target folder (created if needed)
   * @return the folder
   */
  public static Path copyFortunes(Path folder) {
    try {
      Files.createDirectories(folder);
      for (String c : categories()) {
        try (InputStream in = resource(c + ".gz")) {
          Files.copy(in, folder.resolve(c + ".gz"), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return folder;
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_WRITABLE,
          "cannot write the shipped fortunes into " + folder + ": " + e + ".",
          e);
    }
  }

  /**
   * Reads shipped categories as a labelled data set (labels in the order given).
   *
   * @param categories category names from {@link #categories()}
   * @return the texts
   */
  @SuppressWarnings("unchecked")
  public static Dataset<Text> fortunes(List<String> categories) {
    Path dir;
    try {
      dir = Files.createTempDirectory("graft-fortunes");
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_WRITABLE, "cannot create a temporary folder: " + e + ".", e);
    }
    try {
      copyFortunes(dir);
      return (Dataset<Text>)
          new FortuneReader()
              .read(
                  dir,
                  new ReadOptions(
                      BadInputPolicy.FAIL, 0, Map.of("categories", String.join(",", categories))))
              .dataset();
    } finally {
      try (var s = Files.list(dir)) {
        for (Path p : s.toList()) {
          Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
      } catch (IOException e) {
        // the data is read; a leftover temporary file is not an error of the caller's
        dir.toFile().deleteOnExit();
      }
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = NlpData.class.getResourceAsStream(ROOT + name);
    if (in == null) {
      throw new IOException("the plugin jar lacks " + ROOT + name);
    }
    return in;
  }

  private static GraftException broken(IOException e) {
    return new GraftException(
        GraftErrors.INTERNAL, "the NLP plugin's shipped data is unreadable: " + e + ".", e);
  }
}
