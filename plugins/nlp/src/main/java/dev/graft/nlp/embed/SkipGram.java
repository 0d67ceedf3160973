package dev.graft.nlp.embed;

import dev.graft.api.error.InvalidInputException;
import dev.graft.nlp.NlpErrors;
import dev.graft.nlp.token.Vocabulary;
import dev.graft.nlp.token.WordTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Skip-gram with negative sampling (Mikolov et al., 2013; the algorithm of word2vec's {@code -cbow
 * 0}): for every word and each context word within a randomly shrunk window, one positive and
 * {@code negatives} negative logistic updates against words drawn from the unigram distribution
 * raised to 3/4; frequent words are subsampled; the learning rate decays linearly to 0.01% of its
 * start. Single-threaded and seeded: the same corpus, settings and seed give the same vectors.
 */
public final class SkipGram {

  /**
   * Training settings.
   *
   * @param dimension vector width (default 64)
   * @param window the largest context distance (default 5)
   * @param negatives negative samples per positive (default 5)
   * @param epochs passes over the corpus (default 5)
   * @param learningRate the starting rate (default 0.025)
   * @param subsample the frequent-word subsampling threshold (default 1e-4; 0 = off)
   * @param minCount the fewest occurrences a word needs to get a vector (default 3)
   * @param maxVocabulary the most words (default 30000)
   * @param seed the seed
   */
  public record Config(
      int dimension,
      int window,
      int negatives,
      int epochs,
      double learningRate,
      double subsample,
      int minCount,
      int maxVocabulary,
      long seed) {

    /** Validates. */
    public Config {
      if (dimension < 1
          || window < 1
          || negatives < 1
          || epochs < 1
          || !(learningRate > 0)
          || subsample < 0
          || minCount < 1
          || maxVocabulary < 3) {
        throw new IllegalArgumentException("invalid skip-gram settings: " + this);
      }
    }

    /**
     * The defaults with a seed.
     *
     * @param seed the seed
     * @return the settings
     */
    public static Config defaults(long seed) {
      return new Config(64, 5, 5, 5, 0.025, 1e-4, 3, 30_000, seed);
    }
  }

  private static final int TABLE_SIZE = 1 << 22;
  private static final float MAX_EXP = 6f;

  private final Config config;
  private final Consumer<String> progress;

  /**
   * Creates a trainer.
   *
   * @param config the settings
   * @param progress receives one line per epoch
   */
  public SkipGram(Config config, Consumer<String> progress) {
    this.config = config;
    this.progress = progress;
  }

  /**
   * Tokenises texts and trains vectors.
   *
   * @param texts the unlabelled corpus (documents or paragraphs)
   * @param tokenizer the word tokeniser
   * @return the vectors, most frequent word first
   * @throws InvalidInputException NLP-EMBED-001 if fewer than 1,000 tokens or 10 words remain
   */
  public WordVectors train(List<String> texts, WordTokenizer tokenizer) {
    List<List<String>> docs = new ArrayList<>(texts.size());
    for (String t : texts) {
      docs.add(tokenizer.tokenize(t));
    }
    Vocabulary vocab =
        Vocabulary.build(
            docs, config.minCount(), config.maxVocabulary() + 2, Vocabulary.DEFAULT_RESERVED);
    int words = vocab.size() - 2;
    List<int[]> sentences = new ArrayList<>();
    long[] counts = new long[vocab.size()];
    long total = 0;
    for (List<String> d : docs) {
      int[] ids = new int[d.size()];
      int n = 0;
      for (String tok : d) {
        int id = vocab.id(tok);
        if (id >= 2) {
          ids[n++] = id;
          counts[id]++;
        }
      }
      if (n >= 2) {
        sentences.add(java.util.Arrays.copyOf(ids, n));
        total += n;
      }
    }
    if (total < 1000 || words < 10) {
      throw new InvalidInputException(
          NlpErrors.CORPUS_TOO_SMALL,
          "the corpus has "
              + total
              + " tokens of "
              + words
              + " words seen at least "
              + config.minCount()
              + " times; skip-gram needs at least 1,000 tokens and 10 words."
              + " Add text or lower the minimum count.");
    }
    int dim = config.dimension();
    int v = vocab.size();
    float[] syn0 = new float[v * dim];
    float[] syn1 = new float[v * dim];
    SplittableRandom rnd = new SplittableRandom(config.seed());
    for (int i = 0; i < syn0.length; i++) {
      syn0[i] = (float) ((rnd.nextDouble() - 0.5) / dim);
    }
    int[] table = unigramTable(counts);
    double[] keep = new double[v];
    for (int id = 2; id < v; id++) {
      if (config.subsample() > 0) {
        double f = counts[id] / (double) total;
        double t = config.subsample();
        keep[id] = Math.min(1.0, (Math.sqrt(f / t) + 1) * t / f);
      } else {
        keep[id] = 1.0;
      }
    }
    long planned = total * config.epochs();
    long done = 0;
    float[] neu1e = new float[dim];
    int[] kept = new int[1024];
    for (int epoch = 0; epoch < config.epochs(); epoch++) {
      long started = System.nanoTime();
      double lossSum = 0;
      long lossCount = 0;
      int[] order = permutation(sentences.size(), rnd);
      for (int si : order) {
        int[] s = sentences.get(si);
        if (kept.length < s.length) {
          kept = new int[s.length];
        }
        int len = 0;
        for (int id : s) {
          if (rnd.nextDouble() < keep[id]) {
            kept[len++] = id;
          }
        }
        done += s.length;
        float alpha =
            (float)
                Math.max(
                    config.learningRate() * 1e-4,
                    config.learningRate() * (1 - done / (double) (planned + 1)));
        for (int pos = 0; pos < len; pos++) {
          int center = kept[pos];
          int b = rnd.nextInt(config.window());
          for (int c = pos - config.window() + b; c <= pos + config.window() - b; c++) {
            if (c < 0 || c >= len || c == pos) {
              continue;
            }
            int l1 = kept[c] * dim;
            java.util.Arrays.fill(neu1e, 0f);
            for (int d = 0; d <= config.negatives(); d++) {
              int target;
              float label;
              if (d == 0) {
                target = center;
                label = 1f;
              } else {
                target = table[rnd.nextInt(TABLE_SIZE)];
                if (target == center) {
                  continue;
                }
                label = 0f;
              }
              int l2 = target * dim;
              float f = 0f;
              for (int k = 0; k < dim; k++) {
                f += syn0[l1 + k] * syn1[l2 + k];
              }
              float sig =
                  f > MAX_EXP ? 1f : f < -MAX_EXP ? 0f : (float) (1.0 / (1.0 + Math.exp(-f)));
              lossSum -= Math.log(Math.max(1e-7, label == 1f ? sig : 1 - sig));
              lossCount++;
              float g = (label - sig) * alpha;
              for (int k = 0; k < dim; k++) {
                neu1e[k] += g * syn1[l2 + k];
                syn1[l2 + k] += g * syn0[l1 + k];
              }
            }
            for (int k = 0; k < dim; k++) {
              syn0[l1 + k] += neu1e[k];
            }
          }
        }
      }
      progress.accept(
          String.format(
              java.util.Locale.ROOT,
              "skip-gram epoch %d/%d: loss %.4f, %d tokens, %d words (%.1f s)",
              epoch + 1,
              config.epochs(),
              lossSum / Math.max(1, lossCount),
              total,
              words,
              (System.nanoTime() - started) / 1e9));
    }
    List<String> tokens = new ArrayList<>(words);
    float[] values = new float[words * dim];
    for (int id = 2; id < v; id++) {
      tokens.add(vocab.token(id));
      System.arraycopy(syn0, id * dim, values, (id - 2) * dim, dim);
    }
    return new WordVectors(tokens, values, dim);
  }

  private static int[] unigramTable(long[] counts) {
    double norm = 0;
    for (int id = 2; id < counts.length; id++) {
      norm += Math.pow(counts[id], 0.75);
    }
    int[] table = new int[TABLE_SIZE];
    int id = 2;
    double cumulative = Math.pow(counts[id], 0.75) / norm;
    for (int a = 0; a < TABLE_SIZE; a++) {
      table[a] = id;
      if (a / (double) TABLE_SIZE > cumulative && id < counts.length - 1) {
        id++;
        cumulative += Math.pow(counts[id], 0.75) / norm;
      }
    }
    return table;
  }

  private static int[] permutation(int n, SplittableRandom rnd) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
