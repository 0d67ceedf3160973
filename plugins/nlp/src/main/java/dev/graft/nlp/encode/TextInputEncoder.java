package dev.graft.nlp.encode;

import dev.graft.api.data.Dataset;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.TaskType;
import dev.graft.api.source.EncodedInputs;
import dev.graft.api.source.InputEncoder;
import dev.graft.nlp.Text;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.pf4j.Extension;

/**
 * The {@code text} input encoder: turns a {@code Dataset<Text>} (or any data set of {@link
 * CharSequence}s) into the token-id tensor a model's manifest describes ({@link TextInputSpec}):
 * tokenise, map to vocabulary ids, truncate and pad to {@code maxLength}. Ids are written as
 * float32 whole numbers, the form the toolkit's embedding layer reads. Text has no augmentation, so
 * {@code augment} and {@code seed} are ignored; the same data and spec always give the same values.
 * Thread-safe; the last resolved spec is cached, so the repeated calls of one training run tokenise
 * with the same vocabulary object.
 */
@Extension
public final class TextInputEncoder implements InputEncoder {

  /** The extension id. */
  public static final String ID = "text";

  private static final int PARALLEL_THRESHOLD = 2048;

  private volatile Cached cached;

  private record Cached(Map<String, Object> key, TextEncoding encoding) {}

  /** Creates the encoder. */
  public TextInputEncoder() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Encodes texts into a model's token-id input (word or WordPiece tokeniser, vocabulary,"
        + " padding and truncation) following the manifest's text input spec.";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(
        EnumSet.of(Modality.TEXT),
        EnumSet.of(TaskType.CLASSIFICATION, TaskType.REGRESSION),
        Set.of());
  }

  @Override
  public String inputKind() {
    return TextInputSpec.KIND;
  }

  /**
   * Resolves (or reuses) the encoding of a spec map.
   *
   * @param inputSpec the map form
   * @return the encoding
   */
  public TextEncoding encoding(Map<String, Object> inputSpec) {
    Cached c = cached;
    if (c != null && c.key().equals(inputSpec)) {
      return c.encoding();
    }
    TextEncoding e = new TextEncoding(TextInputSpec.fromMap(inputSpec));
    cached =
        new Cached(
            inputSpec == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.HashMap<>(inputSpec)),
            e);
    return e;
  }

  @Override
  public EncodedInputs encode(
      Dataset<?> data, Map<String, Object> inputSpec, boolean augment, long seed) {
    TextEncoding encoding = encoding(inputSpec);
    int n = data.size();
    int per = encoding.exampleSize();
    float[] values = new float[Math.multiplyExact(n, per)];
    IntStream indices = IntStream.range(0, n);
    if (n > PARALLEL_THRESHOLD) {
      indices = indices.parallel();
    }
    indices.forEach(i -> encoding.encodeInto(text(data, i), values, i * per));
    return new EncodedInputs(values, n, encoding.spec().exampleShape());
  }

  static String text(Dataset<?> data, int index) {
    Object example = data.example(index);
    if (example instanceof Text t) {
      return t.value();
    }
    if (example instanceof CharSequence s) {
      return s.toString();
    }
    throw new InvalidInputException(
        GraftErrors.REQUIREMENT_NOT_MET,
        "example "
            + index
            + " of data set '"
            + data.info().name()
            + "' is a "
            + (example == null ? "null" : example.getClass().getName())
            + ", not text; the model takes text. Read the data with a text reader (text-csv,"
            + " text-jsonl, text-folder, fortune) or pick a source of the data's modality.");
  }
}
