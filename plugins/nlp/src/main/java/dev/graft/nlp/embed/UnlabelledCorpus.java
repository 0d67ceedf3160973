package dev.graft.nlp.embed;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.nlp.Text;
import dev.graft.nlp.read.FortuneReader;
import dev.graft.sdk.read.TextInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Unlabelled text for self-supervised pretraining: fortune files (every record, no labels) and the
 * plain-text documentation Debian installs ({@code /usr/share/doc/<package>/README*} and {@code
 * copyright}, gzipped or not), split into paragraphs at blank lines. Files that are not valid UTF-8
 * are left out and counted, not silently dropped.
 */
public final class UnlabelledCorpus {

  /** Where Debian installs package documentation. */
  public static final Path DEBIAN_DOCS = Path.of("/usr/share/doc");

  private final List<String> texts = new ArrayList<>();
  private final java.util.Set<String> seen = new java.util.HashSet<>();
  private int duplicates;
  private final List<String> sources = new ArrayList<>();
  private int files;
  private int skippedFiles;
  private long chars;

  /** An empty corpus. */
  public UnlabelledCorpus() {}

  /**
   * Adds every record of the fortune files in a folder (or one file), optionally excluding
   * categories (e.g. a target task's classes, so their texts are not seen in pretraining). Symbolic
   * links in the folder are not followed (in Debian's {@code /usr/share/games/fortunes} they point
   * at the Italian files of {@code fortunes-it} and at {@code .u8} twins).
   *
   * @param path a fortune file or folder
   * @param exclude category (file) names to leave out
   * @return this corpus
   */
  public UnlabelledCorpus addFortunes(Path path, Collection<String> exclude) {
    List<String> categories = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> s = Files.list(path)) {
        s.filter(Files::isRegularFile)
            .filter(p -> !Files.isSymbolicLink(p))
            .map(p -> p.getFileName().toString())
            .filter(n -> !n.startsWith(".") && !n.endsWith(".dat") && !n.endsWith(".u8"))
            .filter(n -> !exclude.contains(n))
            .sorted()
            .forEach(categories::add);
      } catch (IOException e) {
        throw new InvalidInputException(
            GraftErrors.FILE_NOT_READABLE, "cannot list " + path + ": " + e + ".", e);
      }
    }
    var options = new java.util.HashMap<String, String>(java.util.Map.of("label", "none"));
    if (!categories.isEmpty()) {
      options.put("categories", String.join(",", categories));
    }
    var result = new FortuneReader().read(path, new ReadOptions(BadInputPolicy.SKIP, 0, options));
    for (Object o : result.dataset().examples()) {
      add(((Text) o).value());
    }
    files += categories.isEmpty() ? 1 : categories.size();
    sources.add(
        path
            + " ("
            + result.dataset().size()
            + " fortunes, "
            + result.skipped().size()
            + " skipped)");
    return this;
  }

  /**
   * Adds Debian's package documentation: {@code README*} and {@code copyright} files directly in
   * each {@code <root>/<package>/} folder, until {@code maxChars} characters have been added.
   *
   * @param root usually {@link #DEBIAN_DOCS}
   * @param maxChars the most characters to add from this root
   * @return this corpus
   */
  public UnlabelledCorpus addDocumentation(Path root, long maxChars) {
    if (!Files.isDirectory(root)) {
      return this;
    }
    long before = chars;
    int added = 0;
    List<Path> candidates = new ArrayList<>();
    try (Stream<Path> packages = Files.list(root)) {
      for (Path pkg : packages.sorted().toList()) {
        if (!Files.isDirectory(pkg)) {
          continue;
        }
        try (Stream<Path> s = Files.list(pkg)) {
          s.filter(Files::isRegularFile)
              .filter(
                  p -> {
                    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    return n.startsWith("readme") || n.equals("copyright");
                  })
              .sorted()
              .forEach(candidates::add);
        } catch (IOException e) {
          skippedFiles++;
        }
      }
    } catch (IOException e) {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE, "cannot list " + root + ": " + e + ".", e);
    }
    for (Path f : candidates) {
      if (chars - before >= maxChars) {
        break;
      }
      String text = strictUtf8(f);
      if (text == null) {
        skippedFiles++;
        continue;
      }
      files++;
      added++;
      for (String paragraph : text.split("\\n\\s*\\n")) {
        if (!paragraph.isBlank()) {
          add(paragraph);
        }
      }
    }
    sources.add(root + " (" + added + " README/copyright files)");
    return this;
  }

  /**
   * Adds texts.
   *
   * @param more the texts
   * @return this corpus
   */
  public UnlabelledCorpus addTexts(Collection<String> more) {
    more.forEach(this::add);
    sources.add("given texts (" + more.size() + ")");
    return this;
  }

  private void add(String text) {
    String key = text.strip().replaceAll("\\s+", " ");
    if (!seen.add(key)) {
      duplicates++;
      return;
    }
    texts.add(text);
    chars += text.length();
  }

  /**
   * Texts left out because an identical text (white space aside) was already added: licence
   * paragraphs repeated across Debian's copyright files, fortunes present in several files.
   *
   * @return the count
   */
  public int duplicates() {
    return duplicates;
  }

  private static String strictUtf8(Path f) {
    try (InputStream in = TextInput.open(f)) {
      byte[] bytes = in.readAllBytes();
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    } catch (IOException | InvalidInputException e) {
      return null;
    }
  }

  /**
   * The texts (documents, fortunes or paragraphs).
   *
   * @return an unmodifiable list
   */
  public List<String> texts() {
    return List.copyOf(texts);
  }

  /**
   * What was added, one line per source.
   *
   * @return the descriptions
   */
  public List<String> sources() {
    return List.copyOf(sources);
  }

  /**
   * Files read.
   *
   * @return the count
   */
  public int files() {
    return files;
  }

  /**
   * Files left out because they were unreadable or not UTF-8.
   *
   * @return the count
   */
  public int skippedFiles() {
    return skippedFiles;
  }

  /**
   * Characters in all.
   *
   * @return the count
   */
  public long chars() {
    return chars;
  }
}
