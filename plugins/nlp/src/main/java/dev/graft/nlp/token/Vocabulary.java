package dev.graft.nlp.token;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.io.AtomicFiles;
import dev.graft.nlp.NlpErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Token ids: token {@code i} of the list has id {@code i}. Built from token counts ({@link #build})
 * or read from a {@code vocab.txt} (one token per line, the format of BERT vocabularies). Unknown
 * tokens map to the id of {@link #unknownToken()} (the vocabulary must hold it). Immutable.
 */
public final class Vocabulary {

  /** Padding token, id 0 in built vocabularies. */
  public static final String PAD = "[PAD]";

  /** Unknown-token marker, id 1 in built vocabularies. */
  public static final String UNK = "[UNK]";

  /** The reserved tokens of a built vocabulary, in id order. */
  public static final List<String> DEFAULT_RESERVED = List.of(PAD, UNK);

  private final List<String> tokens;
  private final Map<String, Integer> ids;
  private final int unknownId;
  private final int padId;

  private Vocabulary(List<String> tokens, String where) {
    this.tokens = List.copyOf(tokens);
    this.ids = new HashMap<>(tokens.size() * 2);
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (t == null || t.isEmpty() || !t.strip().equals(t)) {
        throw new InvalidInputException(
            NlpErrors.INVALID_VOCABULARY,
            where
                + ": token "
                + i
                + " (line "
                + (i + 1)
                + ") is empty or has surrounding space;"
                + " a vocabulary has one non-blank token per line.");
      }
      Integer before = ids.put(t, i);
      if (before != null) {
        throw new InvalidInputException(
            NlpErrors.INVALID_VOCABULARY,
            where
                + ": token '"
                + t
                + "' appears on lines "
                + (before + 1)
                + " and "
                + (i + 1)
                + "; every token must be unique.");
      }
    }
    Integer unk = ids.get(UNK);
    if (unk == null) {
      throw new InvalidInputException(
          NlpErrors.INVALID_VOCABULARY,
          where + " has no '" + UNK + "' token; add it (unknown words map to it).");
    }
    this.unknownId = unk;
    this.padId = ids.getOrDefault(PAD, 0);
  }

  /**
   * A vocabulary from a token list (index = id).
   *
   * @param tokens the tokens; must hold {@value #UNK}
   * @return the vocabulary
   * @throws InvalidInputException NLP-TOKEN-001 for duplicates, blanks or a missing {@value #UNK}
   */
  public static Vocabulary of(List<String> tokens) {
    return new Vocabulary(tokens, "the vocabulary");
  }

  /**
   * Builds a vocabulary from tokenised texts: the reserved tokens first, then every token seen at
   * least {@code minFrequency} times, most frequent first (ties in code-point order), up to {@code
   * maxSize} tokens in all.
   *
   * @param documents tokenised texts
   * @param minFrequency the fewest occurrences a token needs, 1 or more
   * @param maxSize the most tokens in all, reserved ones included
   * @param reserved the reserved tokens, ids 0.. (must hold {@value #UNK}; {@value #PAD} first by
   *     convention)
   * @return the vocabulary
   */
  public static Vocabulary build(
      Iterable<List<String>> documents, int minFrequency, int maxSize, List<String> reserved) {
    if (minFrequency < 1 || maxSize < reserved.size() + 1) {
      throw new IllegalArgumentException(
          "minFrequency must be 1 or more and maxSize more than the "
              + reserved.size()
              + " reserved tokens");
    }
    Map<String, Integer> counts = new HashMap<>();
    for (List<String> doc : documents) {
      for (String t : doc) {
        counts.merge(t, 1, Integer::sum);
      }
    }
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(
        (a, b) -> {
          int c = Integer.compare(b.getValue(), a.getValue());
          return c != 0 ? c : a.getKey().compareTo(b.getKey());
        });
    List<String> tokens = new ArrayList<>(reserved);
    for (Map.Entry<String, Integer> e : entries) {
      if (tokens.size() >= maxSize || e.getValue() < minFrequency) {
        break;
      }
      if (!reserved.contains(e.getKey())) {
        tokens.add(e.getKey());
      }
    }
    return new Vocabulary(tokens, "the built vocabulary");
  }

  /**
   * Reads a {@code vocab.txt}: one token per line, UTF-8, line {@code i} (from 0) is id {@code i}.
   *
   * @param file the file
   * @return the vocabulary
   * @throws InvalidInputException GRAFT-IO-001 if unreadable, NLP-TOKEN-001 if malformed
   */
  public static Vocabulary read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new InvalidInputException(
          NlpErrors.INVALID_VOCABULARY,
          file + " is not valid UTF-8; save the vocabulary as UTF-8.");
    } catch (IOException e) {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE,
          "cannot read the vocabulary " + file + ": " + e + "; check the path.",
          e);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    List<String> tokens = new ArrayList<>(lines.size());
    for (String l : lines) {
      tokens.add(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
    }
    return new Vocabulary(tokens, file.toString());
  }

  /**
   * Writes the vocabulary as {@code vocab.txt} (one token per line), atomically.
   *
   * @param file the target file
   */
  public void write(Path file) {
    AtomicFiles.writeString(file, String.join("\n", tokens) + "\n");
  }

  /**
   * The id of a token, or the unknown id.
   *
   * @param token the token
   * @return its id
   */
  public int id(String token) {
    Integer id = ids.get(token);
    return id == null ? unknownId : id;
  }

  /**
   * Whether the vocabulary holds a token.
   *
   * @param token the token
   * @return true if known
   */
  public boolean contains(String token) {
    return ids.containsKey(token);
  }

  /**
   * The token of an id.
   *
   * @param id the id
   * @return the token
   */
  public String token(int id) {
    return tokens.get(id);
  }

  /**
   * The number of tokens.
   *
   * @return the size
   */
  public int size() {
    return tokens.size();
  }

  /**
   * The tokens in id order.
   *
   * @return an unmodifiable list
   */
  public List<String> tokens() {
    return Collections.unmodifiableList(tokens);
  }

  /**
   * The unknown token.
   *
   * @return {@value #UNK}
   */
  public String unknownToken() {
    return UNK;
  }

  /**
   * The id unknown tokens map to.
   *
   * @return the id of {@value #UNK}
   */
  public int unknownId() {
    return unknownId;
  }

  /**
   * The padding id: that of {@value #PAD}, or 0 if the vocabulary has none.
   *
   * @return the id
   */
  public int padId() {
    return padId;
  }

  /**
   * Ids of tokens.
   *
   * @param tokens the tokens
   * @return their ids
   */
  public int[] ids(List<String> tokens) {
    int[] out = new int[tokens.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = id(tokens.get(i));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Vocabulary v && v.tokens.equals(tokens);
  }

  @Override
  public int hashCode() {
    return tokens.hashCode();
  }
}
