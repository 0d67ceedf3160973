package dev.graft.nlp.read;

import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Capabilities;
import dev.graft.nlp.NlpErrors;
import dev.graft.nlp.Text;
import dev.graft.sdk.read.ReaderOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.pf4j.Extension;

/**
 * Reads a folder with one sub-folder per class holding one text per file ({@code
 * root/sports/001.txt}), the layout of Keras's {@code text_dataset_from_directory} and the 20
 * Newsgroups / IMDB archives. Class folders are searched recursively; names starting with a dot are
 * ignored; plain files directly in the root are ignored and counted in the fact {@code
 * ignored-root-files}. Files are read in path order.
 *
 * <table>
 *   <caption>options</caption>
 *   <tr><td>{@code extensions}</td><td>comma-separated file endings (default {@code .txt})</td></tr>
 *   <tr><td>{@code classes}, {@code max-chars}</td><td>as for {@code text-csv}</td></tr>
 * </table>
 */
@Extension
public final class TextFolderReader implements DatasetReader {

  /** The reader id. */
  public static final String ID = "text-folder";

  static final Map<String, String> OPTIONS =
      Map.of(
          "extensions", "comma-separated file endings, e.g. .txt,.md",
          "classes", "comma-separated class names to keep",
          "max-chars", "longest text in characters, longer ones are truncated");

  /** Creates the reader. */
  public TextFolderReader() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Texts from a folder with one sub-folder per class, one text per .txt file.";
  }

  @Override
  public Capabilities capabilities() {
    return TextReaders.CAPABILITIES;
  }

  @Override
  public Set<String> formats() {
    return Set.of("text-folder");
  }

  @Override
  public Class<?> exampleType() {
    return Text.class;
  }

  @Override
  public boolean accepts(Path path) {
    if (!Files.isDirectory(path)) {
      return false;
    }
    try (Stream<Path> s = Files.list(path)) {
      return s.anyMatch(p -> Files.isDirectory(p) && !hidden(p));
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public ReadResult<Text> read(Path path, ReadOptions options) {
    ReaderOptions opts = ReaderOptions.check(ID, options, OPTIONS);
    int maxChars = (int) opts.longValue("max-chars", TextRecords.DEFAULT_MAX_CHARS, 1, 10_000_000);
    List<String> requested = TextReaders.classes(opts);
    Set<String> extensions = new LinkedHashSet<>();
    for (String e : opts.string("extensions").orElse(".txt").split(",")) {
      if (!e.isBlank()) {
        String x = e.strip().toLowerCase(Locale.ROOT);
        extensions.add(x.startsWith(".") ? x : "." + x);
      }
    }
    if (!Files.isDirectory(path)) {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE,
          path + " is not a folder; " + ID + " reads root/<class>/<file>.txt.");
    }
    TextRecords out = new TextRecords(ID, path, options, maxChars);
    List<Path> classDirs = new ArrayList<>();
    int rootFiles = 0;
    try (Stream<Path> s = Files.list(path)) {
      for (Path p : s.sorted().toList()) {
        if (hidden(p)) {
          continue;
        }
        if (Files.isDirectory(p)) {
          classDirs.add(p);
        } else {
          rootFiles++;
        }
      }
    } catch (IOException e) {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE, "cannot list " + path + ": " + e + ".", e);
    }
    for (Path dir : classDirs) {
      String label = dir.getFileName().toString();
      if (!requested.isEmpty() && !requested.contains(label)) {
        continue;
      }
      out.declareClass(label);
      List<Path> files;
      try (Stream<Path> s = Files.walk(dir)) {
        files =
            s.filter(Files::isRegularFile)
                .filter(p -> !hidden(p))
                .filter(p -> matches(p, extensions))
                .sorted()
                .toList();
      } catch (IOException e) {
        throw new InvalidInputException(
            GraftErrors.FILE_NOT_READABLE, "cannot list " + dir + ": " + e + ".", e);
      }
      for (Path f : files) {
        if (out.full()) {
          break;
        }
        Utf8Lines.Line whole = Utf8Lines.whole(f);
        if (!whole.valid()) {
          out.bad(NlpErrors.INVALID_UTF8, f + ":" + whole.number(), whole.error());
        } else {
          out.add(whole.text(), label, f.toString());
        }
      }
    }
    out.fact("format", "text-folder");
    out.fact("ignored-root-files", Integer.toString(rootFiles));
    out.fact("extensions", String.join(",", extensions));
    return out.finish(true, requested);
  }

  private static boolean hidden(Path p) {
    return p.getFileName().toString().startsWith(".");
  }

  private static boolean matches(Path p, Set<String> extensions) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return extensions.stream().anyMatch(n::endsWith);
  }
}
