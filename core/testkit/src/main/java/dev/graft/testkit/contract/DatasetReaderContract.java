package dev.graft.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.GraftException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link DatasetReader} satisfies. Subclass it, return the reader from {@link
 * #extension()}, and write a small valid input in {@link #writeValidInput(Path)}:
 *
 * <pre>{@code
 * class CsvReaderContractTest extends DatasetReaderContract {
 *   protected DatasetReader extension() { return new CsvReader(); }
 *   protected Path writeValidInput(Path dir) throws Exception { ...; return dir.resolve("a.csv"); }
 * }
 * }</pre>
 *
 * <p>It checks: declared formats and example type; a valid input reads into a non-empty data set
 * whose examples have the declared type, with one target per example and a stable content digest;
 * reading twice gives the same digest and labels (determinism); a path that does not exist fails
 * with a {@link GraftException} whose message names it; an unknown option is rejected.
 */
public abstract class DatasetReaderContract extends ExtensionContract<DatasetReader> {

  @TempDir Path temp;

  /**
   * Writes a small valid input for the reader under {@code dir}.
   *
   * @param dir an empty temporary folder
   * @return the path to pass to {@link DatasetReader#read}
   * @throws Exception if writing fails
   */
  protected abstract Path writeValidInput(Path dir) throws Exception;

  /**
   * Reader options the valid input needs (e.g. an image size); none by default.
   *
   * @return the options
   */
  protected Map<String, String> validOptions() {
    return Map.of();
  }

  @Test
  void declaresFormatsAndExampleType() {
    assertFalse(extension().formats().isEmpty(), "formats");
    assertNotNull(extension().exampleType(), "exampleType");
  }

  @Test
  void readsAValidInputDeterministically() throws Exception {
    Path input = writeValidInput(temp);
    ReadOptions options =
        new ReadOptions(dev.graft.api.data.BadInputPolicy.FAIL, 0, validOptions());
    ReadResult<?> first = extension().read(input, options);
    ReadResult<?> second = extension().read(input, options);
    Dataset<?> data = first.dataset();
    assertTrue(data.size() > 0, "the valid input read as an empty data set");
    assertTrue(first.skipped().isEmpty(), "a valid input skipped entries: " + first.skipped());
    for (Object example : data.examples()) {
      assertTrue(
          extension().exampleType().isInstance(example),
          "example " + example + " is not a " + extension().exampleType().getName());
    }
    data.targets().ifPresent(t -> assertEquals(data.size(), t.size(), "one target per example"));
    assertFalse(data.info().digest().isBlank(), "the data set has no content digest");
    assertEquals(
        data.info().digest(), second.dataset().info().digest(), "digest differs between reads");
    assertEquals(data.size(), second.dataset().size());
  }

  @Test
  void aMissingPathIsAClearError() {
    Path missing = temp.resolve("does-not-exist");
    GraftException e =
        assertThrows(
            GraftException.class,
            () ->
                extension()
                    .read(
                        missing,
                        new ReadOptions(
                            dev.graft.api.data.BadInputPolicy.FAIL, 0, validOptions())));
    assertTrue(
        e.getMessage().contains("does-not-exist"), "the error names the path: " + e.getMessage());
  }

  @Test
  void anUnknownOptionIsRejected() throws Exception {
    Path input = writeValidInput(temp);
    Map<String, String> options = new java.util.HashMap<>(validOptions());
    options.put("no-such-option-xyz", "1");
    GraftException e =
        assertThrows(
            GraftException.class,
            () ->
                extension()
                    .read(
                        input,
                        new ReadOptions(dev.graft.api.data.BadInputPolicy.FAIL, 0, options)));
    assertTrue(e.getMessage().contains("no-such-option-xyz"), e.getMessage());
  }
}
