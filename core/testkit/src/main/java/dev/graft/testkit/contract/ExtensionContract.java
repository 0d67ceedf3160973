package dev.graft.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.extension.ExtensionIds;
import dev.graft.api.extension.GraftExtension;
import org.junit.jupiter.api.Test;

/**
 * What every Graft extension must satisfy, whatever its point: a valid stable id, a one-line
 * description, declared capabilities, and the same answers on every call. Subclass the contract of
 * the extension's point — {@link DatasetReaderContract}, {@link TransferabilityEstimatorContract},
 * {@link TransferStrategyContract}, {@link EvaluatorContract}, {@link SourceLoaderContract} — and
 * this class directly only for points without one (input encoders, commands).
 *
 * @param <T> the extension type
 */
public abstract class ExtensionContract<T extends GraftExtension> {

  /**
   * A fresh instance of the extension under test.
   *
   * @return the extension
   */
  protected abstract T extension();

  @Test
  void idIsAValidStableId() {
    String id = extension().id();
    assertTrue(
        id != null && ExtensionIds.PATTERN.matcher(id).matches(),
        "id '" + id + "' must be lower-case words joined by hyphens");
    assertTrue(id.equals(extension().id()), "id must not change between instances");
  }

  @Test
  void descriptionIsOneNonBlankLine() {
    String d = extension().description();
    assertNotNull(d, "description");
    assertFalse(d.isBlank(), "description must not be blank");
    assertFalse(d.contains("\n"), "description must be one line");
  }

  @Test
  void capabilitiesAreDeclared() {
    assertNotNull(extension().capabilities(), "capabilities");
  }
}
