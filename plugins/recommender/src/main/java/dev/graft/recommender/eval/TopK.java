package dev.graft.recommender.eval;

import java.util.Arrays;

/**
 * Top-k selection over a score vector, in {@code O(n log k)}: items masked with {@code -Infinity}
 * are never returned, equal scores rank by ascending item index (the engine's {@code ranking}
 * evaluator uses the same order).
 */
public final class TopK {

  private TopK() {}

  /**
   * The {@code k} best items, best first.
   *
   * @param scores one score per item, {@code -Infinity} to exclude an item
   * @param k how many
   * @return up to {@code k} item indices
   */
  public static int[] of(double[] scores, int k) {
    int[] heap = new int[Math.max(1, k)];
    int size = 0;
    for (int i = 0; i < scores.length; i++) {
      double s = scores[i];
      if (s == Double.NEGATIVE_INFINITY) {
        continue;
      }
      if (size < k) {
        heap[size] = i;
        siftUp(heap, size++, scores);
      } else if (better(i, heap[0], scores)) {
        heap[0] = i;
        siftDown(heap, size, scores);
      }
    }
    int[] out = Arrays.copyOf(heap, size);
    Integer[] boxed = Arrays.stream(out).boxed().toArray(Integer[]::new);
    Arrays.sort(boxed, (a, b) -> better(a, b, scores) ? -1 : (better(b, a, scores) ? 1 : 0));
    for (int j = 0; j < size; j++) {
      out[j] = boxed[j];
    }
    return out;
  }

  /**
   * The {@code k} best items of a float score vector (a model's raw scores), with items in {@code
   * exclude} skipped.
   *
   * @param scores one score per item
   * @param k how many
   * @param exclude item indices not to return (e.g. already seen), may be empty
   * @return up to {@code k} item indices, best first
   */
  public static int[] of(float[] scores, int k, int[] exclude) {
    double[] d = new double[scores.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = scores[i];
    }
    for (int i : exclude) {
      d[i] = Double.NEGATIVE_INFINITY;
    }
    return of(d, k);
  }

  /** Whether item a ranks before item b. */
  static boolean better(int a, int b, double[] scores) {
    int c = Double.compare(scores[a], scores[b]);
    return c > 0 || (c == 0 && a < b);
  }

  // min-heap by rank: the root is the worst of the kept items
  private static void siftUp(int[] heap, int pos, double[] s) {
    while (pos > 0) {
      int parent = (pos - 1) / 2;
      if (better(heap[parent], heap[pos], s)) {
        swap(heap, parent, pos);
        pos = parent;
      } else {
        return;
      }
    }
  }

  private static void siftDown(int[] heap, int size, double[] s) {
    int pos = 0;
    while (true) {
      int l = 2 * pos + 1;
      int r = l + 1;
      int worst = pos;
      if (l < size && better(heap[worst], heap[l], s)) {
        worst = l;
      }
      if (r < size && better(heap[worst], heap[r], s)) {
        worst = r;
      }
      if (worst == pos) {
        return;
      }
      swap(heap, pos, worst);
      pos = worst;
    }
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
