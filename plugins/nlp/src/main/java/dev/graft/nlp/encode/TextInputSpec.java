package dev.graft.nlp.encode;

import dev.graft.api.error.ConfigException;
import dev.graft.nlp.NlpErrors;
import dev.graft.nlp.token.Normalization;
import dev.graft.nlp.token.Vocabulary;
import dev.graft.nlp.token.WordTokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a text model takes its input, as recorded in its manifest ({@code inputSpec}) or in a foreign
 * SavedModel's {@code graft-input.json} sidecar. The map form:
 *
 * <pre>{@code
 * {"kind": "text", "modality": "text", "tokenizer": "word", "maxLength": 64,
 *  "lowercase": true, "normalization": "nfkc", "stripAccents": false, "keepPunctuation": false,
 *  "vocabulary": ["[PAD]", "[UNK]", "the", ...], "layout": "ids", "shape": [64]}
 * }</pre>
 *
 * <p>{@code tokenizer} is {@code word} ({@link WordTokenizer}) or {@code wordpiece} (BERT's, with
 * {@code [CLS]}/{@code [SEP]}); the vocabulary is inline ({@code vocabulary}, the form Graft
 * writes) or a {@code vocab.txt} named by {@code vocabularyFile} (the form for BERT vocabularies in
 * sidecars): an absolute path, or a path relative to {@code modelDirectory} when the spec holds
 * that key, otherwise relative to the working folder. {@code layout} is {@code ids} (one row of
 * {@code maxLength} ids) or {@code ids-mask-segments} (three rows: ids, attention mask, segment
 * ids). Keys other than these (e.g. {@code shape}, {@code augmentation}) are ignored.
 *
 * @param tokenizer {@code word} or {@code wordpiece}
 * @param maxLength the sequence length, 1 to 4096
 * @param lowercase lower-case (word) / uncased (wordpiece)
 * @param normalization the word tokeniser's Unicode normalisation
 * @param stripAccents the word tokeniser's accent stripping
 * @param keepPunctuation the word tokeniser's punctuation tokens
 * @param vocabulary the inline vocabulary, or null when {@code vocabularyFile} is given
 * @param vocabularyFile a {@code vocab.txt}, or null
 * @param layout {@code ids} or {@code ids-mask-segments}
 */
public record TextInputSpec(
    String tokenizer,
    int maxLength,
    boolean lowercase,
    Normalization normalization,
    boolean stripAccents,
    boolean keepPunctuation,
    List<String> vocabulary,
    String vocabularyFile,
    String layout) {

  /** The input kind. */
  public static final String KIND = "text";

  /** Word tokeniser id. */
  public static final String WORD = "word";

  /** WordPiece tokeniser id. */
  public static final String WORDPIECE = "wordpiece";

  /** One row of ids. */
  public static final String IDS = "ids";

  /** Ids, mask and segments. */
  public static final String IDS_MASK_SEGMENTS = "ids-mask-segments";

  /** Validates. */
  public TextInputSpec {
    tokenizer = tokenizer == null ? WORD : tokenizer.toLowerCase(Locale.ROOT);
    require(
        tokenizer.equals(WORD) || tokenizer.equals(WORDPIECE),
        "tokenizer",
        tokenizer,
        "'word' or 'wordpiece'");
    require(maxLength >= 1 && maxLength <= 4096, "maxLength", maxLength, "1 to 4096");
    normalization = normalization == null ? Normalization.NFKC : normalization;
    layout = layout == null ? IDS : layout.toLowerCase(Locale.ROOT);
    require(
        layout.equals(IDS) || layout.equals(IDS_MASK_SEGMENTS),
        "layout",
        layout,
        "'ids' or 'ids-mask-segments'");
    require(
        vocabulary != null || vocabularyFile != null,
        "vocabulary",
        null,
        "an inline token list ('vocabulary') or a vocab.txt path ('vocabularyFile')");
    vocabulary = vocabulary == null ? null : List.copyOf(vocabulary);
  }

  /**
   * A word-tokeniser spec with an inline vocabulary and the {@code ids} layout.
   *
   * @param tokenizer the word tokeniser's settings
   * @param vocabulary the vocabulary
   * @param maxLength the sequence length
   * @return the spec
   */
  public static TextInputSpec word(WordTokenizer tokenizer, Vocabulary vocabulary, int maxLength) {
    return new TextInputSpec(
        WORD,
        maxLength,
        tokenizer.lowercase(),
        tokenizer.normalization(),
        tokenizer.stripAccents(),
        tokenizer.keepPunctuation(),
        vocabulary.tokens(),
        null,
        IDS);
  }

  /**
   * The word tokeniser of this spec.
   *
   * @return the tokeniser
   */
  public WordTokenizer wordTokenizer() {
    return new WordTokenizer(lowercase, normalization, stripAccents, keepPunctuation);
  }

  /**
   * The per-example shape of the encoded input.
   *
   * @return {@code [maxLength]} or {@code [3, maxLength]}
   */
  public int[] exampleShape() {
    return layout.equals(IDS) ? new int[] {maxLength} : new int[] {3, maxLength};
  }

  /**
   * The map form written into manifests, with {@code kind}, {@code modality} and {@code shape}.
   *
   * @return a mutable, ordered map
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", KIND);
    m.put("modality", "text");
    m.put("tokenizer", tokenizer);
    m.put("maxLength", maxLength);
    m.put("lowercase", lowercase);
    m.put("normalization", normalization.name().toLowerCase(Locale.ROOT));
    m.put("stripAccents", stripAccents);
    m.put("keepPunctuation", keepPunctuation);
    m.put("layout", layout);
    List<Integer> shape = new ArrayList<>();
    for (int d : exampleShape()) {
      shape.add(d);
    }
    m.put("shape", shape);
    if (vocabularyFile != null) {
      m.put("vocabularyFile", vocabularyFile);
    }
    if (vocabulary != null) {
      m.put("vocabulary", vocabulary);
    }
    return m;
  }

  /**
   * Reads the map form.
   *
   * @param map a manifest's or sidecar's input spec
   * @return the spec
   * @throws ConfigException NLP-ENCODE-001 naming the key for a missing or invalid value
   */
  public static TextInputSpec fromMap(Map<String, ?> map) {
    if (map == null) {
      throw new ConfigException(
          NlpErrors.INVALID_TEXT_SPEC,
          "the model has no input spec; the text encoder needs at least {\"kind\": \"text\","
              + " \"maxLength\": N, \"vocabulary\": [...]} (or \"vocabularyFile\").");
    }
    Object kind = map.get("kind");
    if (kind != null && !KIND.equals(kind)) {
      throw new ConfigException(
          NlpErrors.INVALID_TEXT_SPEC,
          "the model's input kind is '"
              + kind
              + "', not 'text'; the NLP plugin's text encoder"
              + " cannot encode for it. Use the encoder of that kind.");
    }
    Object len = map.get("maxLength");
    if (len == null && map.get("shape") instanceof List<?> shape && !shape.isEmpty()) {
      len = shape.get(shape.size() - 1);
    }
    int maxLength = integer(len, "maxLength");
    String tokenizer = string(map.get("tokenizer"), "tokenizer", WORD);
    boolean lowercase = bool(map.get("lowercase"), "lowercase", true);
    Normalization normalization;
    String norm = string(map.get("normalization"), "normalization", "nfkc");
    try {
      normalization = Normalization.parse(norm);
    } catch (IllegalArgumentException e) {
      throw invalid("normalization", norm, "none, nfc or nfkc");
    }
    List<String> vocabulary = null;
    Object v = map.get("vocabulary");
    if (v != null) {
      if (!(v instanceof List<?> list)) {
        throw invalid("vocabulary", v.getClass().getSimpleName(), "a list of tokens");
      }
      vocabulary = new ArrayList<>(list.size());
      for (Object o : list) {
        if (!(o instanceof String s)) {
          throw invalid("vocabulary", o, "strings only");
        }
        vocabulary.add(s);
      }
    }
    Object file = map.get("vocabularyFile");
    if (file != null
        && map.get("modelDirectory") instanceof String dir
        && !Path.of(file.toString()).isAbsolute()) {
      file = Path.of(dir).resolve(file.toString()).toString();
    }
    return new TextInputSpec(
        tokenizer,
        maxLength,
        lowercase,
        normalization,
        bool(map.get("stripAccents"), "stripAccents", false),
        bool(map.get("keepPunctuation"), "keepPunctuation", false),
        vocabulary,
        file == null ? null : file.toString(),
        string(map.get("layout"), "layout", IDS));
  }

  /**
   * The vocabulary file as a path, if the spec names one.
   *
   * @return the path or null
   */
  public Path vocabularyPath() {
    return vocabularyFile == null ? null : Path.of(vocabularyFile);
  }

  private static int integer(Object value, String key) {
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    if (value instanceof String s && s.trim().matches("\\d{1,5}")) {
      return Integer.parseInt(s.trim());
    }
    throw invalid(key, value, "a whole number (the sequence length)");
  }

  private static boolean bool(Object value, String key, boolean dflt) {
    if (value == null) {
      return dflt;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw invalid(key, value, "true or false");
  }

  private static String string(Object value, String key, String dflt) {
    if (value == null) {
      return dflt;
    }
    if (value instanceof String s) {
      return s;
    }
    throw invalid(key, value, "a string");
  }

  private static void require(boolean ok, String key, Object value, String expectation) {
    if (!ok) {
      throw invalid(key, value, expectation);
    }
  }

  private static ConfigException invalid(String key, Object value, String expectation) {
    return new ConfigException(
        NlpErrors.INVALID_TEXT_SPEC,
        "the text input spec's '"
            + key
            + "' is "
            + (value instanceof String ? "'" + value + "'" : value)
            + "; it must be "
            + expectation
            + ".");
  }
}
