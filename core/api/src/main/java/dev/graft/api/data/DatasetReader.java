package dev.graft.api.data;

import dev.graft.api.extension.GraftExtension;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads target or source data in a format users have (image folders, IDX, CSV/JSONL text, WAV
 * folders, rating files) into a {@link Dataset}.
 *
 * <p>Bad input is never silently dropped: with {@link BadInputPolicy#FAIL} the reader throws an
 * {@link dev.graft.api.error.InvalidInputException} listing the offending files/rows; with {@link
 * BadInputPolicy#SKIP} it skips them and lists them in {@link ReadResult#skipped()}.
 */
public interface DatasetReader extends GraftExtension {

  /**
   * Format names this reader handles, e.g. {@code image-folder}, {@code idx}.
   *
   * @return the formats
   */
  Set<String> formats();

  /**
   * The Java type of the examples it produces, so the host can check that a source understands
   * them.
   *
   * @return the example class
   */
  Class<?> exampleType();

  /**
   * Whether {@code path} looks like something this reader can read (cheap check, no full parse).
   *
   * @param path a file or folder
   * @return true if it probably can
   */
  boolean accepts(Path path);

  /**
   * Reads a data set.
   *
   * @param path a file or folder
   * @param options how to read
   * @return the data set and what was skipped
   * @throws dev.graft.api.error.InvalidInputException naming the bad files or rows
   */
  ReadResult<?> read(Path path, ReadOptions options);
}
