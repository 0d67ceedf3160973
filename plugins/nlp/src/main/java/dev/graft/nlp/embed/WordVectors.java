package dev.graft.nlp.embed;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.io.AtomicFiles;
import dev.graft.nlp.NlpErrors;
import dev.graft.nlp.token.Vocabulary;
import dev.graft.sdk.read.TextInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Word vectors: one {@code dimension}-wide vector per token, in the order of a token list (most
 * frequent first for vectors trained by {@link SkipGram}). Reads and writes the word2vec text
 * format ({@code "<count> <dimension>"} header, then {@code token v1 v2 ...} per line), which GloVe
 * and fastText {@code .vec} files also use (GloVe files have no header line; both are accepted).
 * Immutable.
 */
public final class WordVectors {

  private final List<String> tokens;
  private final Map<String, Integer> index;
  private final float[] values;
  private final int dimension;

  /**
   * Creates vectors.
   *
   * @param tokens the tokens, distinct
   * @param values {@code tokens.size() * dimension} values, row-major
   * @param dimension the vector width
   */
  public WordVectors(List<String> tokens, float[] values, int dimension) {
    if (dimension < 1 || values.length != (long) tokens.size() * dimension) {
      throw new IllegalArgumentException(
          tokens.size()
              + " tokens of width "
              + dimension
              + " need "
              + (long) tokens.size() * dimension
              + " values, got "
              + values.length);
    }
    this.tokens = List.copyOf(tokens);
    this.values = values.clone();
    this.dimension = dimension;
    this.index = new HashMap<>(tokens.size() * 2);
    for (int i = 0; i < tokens.size(); i++) {
      if (index.put(tokens.get(i), i) != null) {
        throw new IllegalArgumentException("token '" + tokens.get(i) + "' appears twice");
      }
    }
  }

  /**
   * The tokens in row order.
   *
   * @return an unmodifiable list
   */
  public List<String> tokens() {
    return tokens;
  }

  /**
   * The vector width.
   *
   * @return the dimension
   */
  public int dimension() {
    return dimension;
  }

  /**
   * The number of vectors.
   *
   * @return the count
   */
  public int size() {
    return tokens.size();
  }

  /**
   * Whether a token has a vector.
   *
   * @param token the token
   * @return true if present
   */
  public boolean contains(String token) {
    return index.containsKey(token);
  }

  /**
   * A token's vector.
   *
   * @param token the token
   * @return a copy of its vector
   * @throws IllegalArgumentException if the token has none
   */
  public float[] vector(String token) {
    Integer row = index.get(token);
    if (row == null) {
      throw new IllegalArgumentException("no vector for '" + token + "'");
    }
    float[] out = new float[dimension];
    System.arraycopy(values, row * dimension, out, 0, dimension);
    return out;
  }

  /**
   * Cosine similarity of two tokens' vectors.
   *
   * @param a a token
   * @param b another token
   * @return the cosine in [-1, 1]
   */
  public double similarity(String a, String b) {
    return cosine(vector(a), vector(b));
  }

  /**
   * The {@code k} tokens most similar to {@code token} by cosine (the token itself left out).
   *
   * @param token the query token
   * @param k how many
   * @return the neighbours, most similar first
   */
  public List<String> nearest(String token, int k) {
    float[] q = vector(token);
    List<Map.Entry<String, Double>> scored = new ArrayList<>();
    for (String t : tokens) {
      if (!t.equals(token)) {
        scored.add(Map.entry(t, cosine(q, vector(t))));
      }
    }
    scored.sort((x, y) -> Double.compare(y.getValue(), x.getValue()));
    return scored.stream().limit(k).map(Map.Entry::getKey).toList();
  }

  /**
   * A network vocabulary for these vectors: {@code [PAD]}, {@code [UNK]}, then the first {@code
   * maxSize - 2} tokens (the most frequent for trained vectors).
   *
   * @param maxSize the most tokens in all
   * @return the vocabulary
   */
  public Vocabulary vocabulary(int maxSize) {
    List<String> out = new ArrayList<>(Vocabulary.DEFAULT_RESERVED);
    for (String t : tokens) {
      if (out.size() >= maxSize) {
        break;
      }
      if (!Vocabulary.DEFAULT_RESERVED.contains(t)) {
        out.add(t);
      }
    }
    return Vocabulary.of(out);
  }

  /**
   * An embedding table for a vocabulary: each token's vector, {@code [PAD]} zeros, other tokens
   * without a vector small seeded uniform values (±0.05, the toolkit's embedding initialiser).
   *
   * @param vocabulary the network vocabulary
   * @param seed the seed for tokens without a vector
   * @return {@code vocabulary.size() * dimension} values
   */
  public float[] embeddingTable(Vocabulary vocabulary, long seed) {
    float[] table = new float[vocabulary.size() * dimension];
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int id = 0; id < vocabulary.size(); id++) {
      String t = vocabulary.token(id);
      Integer row = index.get(t);
      if (row != null) {
        System.arraycopy(values, row * dimension, table, id * dimension, dimension);
      } else if (!t.equals(Vocabulary.PAD)) {
        for (int d = 0; d < dimension; d++) {
          table[id * dimension + d] = (float) (rnd.nextDouble() * 0.1 - 0.05);
        }
      }
    }
    return table;
  }

  /**
   * Writes the word2vec text format, atomically.
   *
   * @param file the target
   */
  public void write(Path file) {
    StringWriter w = new StringWriter();
    w.append(Integer.toString(tokens.size()))
        .append(' ')
        .append(Integer.toString(dimension))
        .append('\n');
    for (int i = 0; i < tokens.size(); i++) {
      w.append(tokens.get(i));
      for (int d = 0; d < dimension; d++) {
        w.append(' ').append(String.format(Locale.ROOT, "%.6g", values[i * dimension + d]));
      }
      w.append('\n');
    }
    AtomicFiles.writeString(file, w.toString());
  }

  /**
   * Reads the word2vec / GloVe / fastText text format (gzip detected).
   *
   * @param file the file
   * @return the vectors
   * @throws InvalidInputException GRAFT-IO-001 if unreadable, NLP-TOKEN-001 naming the line if
   *     malformed
   */
  public static WordVectors read(Path file) {
    List<String> tokens = new ArrayList<>();
    List<float[]> rows = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    int dimension = -1;
    try (BufferedReader in = TextInput.lines(java.nio.file.Files.newInputStream(file))) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        String[] parts = line.strip().split(" +");
        if (line.isBlank()) {
          continue;
        }
        if (number == 1
            && parts.length == 2
            && parts[0].matches("\\d+")
            && parts[1].matches("\\d+")) {
          dimension = Integer.parseInt(parts[1]);
          continue;
        }
        if (dimension < 0) {
          dimension = parts.length - 1;
        }
        if (parts.length != dimension + 1 || dimension < 1) {
          throw new InvalidInputException(
              NlpErrors.INVALID_VOCABULARY,
              file
                  + ":"
                  + number
                  + ": expected a token and "
                  + dimension
                  + " numbers, found "
                  + parts.length
                  + " fields; use the word2vec text format.");
        }
        float[] v = new float[dimension];
        try {
          for (int d = 0; d < dimension; d++) {
            v[d] = Float.parseFloat(parts[d + 1]);
          }
        } catch (NumberFormatException e) {
          throw new InvalidInputException(
              NlpErrors.INVALID_VOCABULARY,
              file + ":" + number + ": a vector value is not a number (" + e.getMessage() + ").");
        }
        if (!seen.add(parts[0])) {
          continue;
        }
        tokens.add(parts[0]);
        rows.add(v);
      }
    } catch (IOException e) {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE,
          "cannot read the word vectors " + file + ": " + e + "; check the path.",
          e);
    }
    if (tokens.isEmpty()) {
      throw new InvalidInputException(
          NlpErrors.INVALID_VOCABULARY, file + " holds no word vectors.");
    }
    float[] values = new float[tokens.size() * dimension];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, values, i * dimension, dimension);
    }
    return new WordVectors(tokens, values, dimension);
  }

  /**
   * A content digest: SHA-256 over the tokens and the vector values, so a model records exactly
   * which vectors initialised it.
   *
   * @return {@code sha256:} and lower-case hex
   */
  public String digest() {
    java.security.MessageDigest sha = dev.graft.api.io.Digests.newSha256();
    for (String t : tokens) {
      sha.update(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      sha.update((byte) 0);
    }
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(values.length * 4);
    buf.asFloatBuffer().put(values);
    sha.update(buf.array());
    return "sha256:" + java.util.HexFormat.of().formatHex(sha.digest());
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }
}
