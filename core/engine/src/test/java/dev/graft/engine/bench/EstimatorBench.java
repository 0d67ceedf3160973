package dev.graft.engine.bench;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.estimate.EstimationInput;
import dev.graft.api.estimate.TransferabilityEstimator;
import dev.graft.api.estimate.TransferabilityScore;
import dev.graft.engine.estimate.BuiltinEstimators;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times estimators on synthetic Gaussian-mixture features and reports wall time, process CPU time
 * (a load-independent cross-check on a shared machine), peak resident memory (VmHWM, since JVM
 * start) and peak Java heap (during the call). Run on demand, not by {@code mvn test}:
 *
 * <pre>
 * mvn -q -o -pl core/engine test-compile
 * java -Xmx6g -cp "$(cat core/engine/target/bench.classpath)" dev.graft.engine.bench.EstimatorBench \
 *     logme 10000x1024x10 50000x2048x100
 * </pre>
 *
 * ({@code bench.classpath} is written by {@code mvn -pl core/engine dependency:build-classpath
 * -Dmdep.outputFile=target/bench.classpath} plus {@code target/classes:target/test-classes}.) Each
 * case is {@code NxDxC}; the first argument is a comma-separated list of estimator ids, or {@code
 * all}. Each case runs in the order given, after one small warm-up; with {@code
 * -Dgraft.bench.rounds=N} each case runs N times and the fastest round is reported (other load on a
 * shared machine only ever slows a round down).
 */
public final class EstimatorBench {

  /** Rounds per case ({@code -Dgraft.bench.rounds}, default 1); the best round is reported. */
  private static final int ROUNDS = Integer.getInteger("graft.bench.rounds", 1);

  private EstimatorBench() {}

  /**
   * Runs the benchmark.
   *
   * @param args estimator ids, then cases {@code NxDxC}
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: EstimatorBench <ids|all> <NxDxC>...");
      System.exit(2);
    }
    List<TransferabilityEstimator> estimators = new ArrayList<>();
    for (Class<? extends TransferabilityEstimator> type : BuiltinEstimators.all()) {
      TransferabilityEstimator e = type.getDeclaredConstructor().newInstance();
      if (args[0].equals("all") || List.of(args[0].split(",")).contains(e.id())) {
        estimators.add(e);
      }
    }
    for (TransferabilityEstimator e : estimators) {
      if (!e.capabilities().requirements().contains(dev.graft.api.extension.Requirement.FEATURES)) {
        continue;
      }
      e.estimate(input(2000, 256, 10, 1)); // warm-up: JIT-compile the kernels
    }
    System.out.println(
        "| estimator | n | d | classes | time (s) | CPU (s) | peak RSS (MiB) | peak heap (MiB) |"
            + " score |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (int a = 1; a < args.length; a++) {
      String[] p = args[a].split("x");
      int n = Integer.parseInt(p[0]);
      int d = Integer.parseInt(p[1]);
      int c = Integer.parseInt(p[2]);
      EstimationInput in = input(n, d, c, 42);
      for (TransferabilityEstimator e : estimators) {
        if (!e.capabilities()
            .requirements()
            .contains(dev.graft.api.extension.Requirement.FEATURES)) {
          continue;
        }
        double secs = Double.POSITIVE_INFINITY;
        double cpu = Double.POSITIVE_INFINITY;
        TransferabilityScore s = null;
        resetPeaks();
        for (int round = 0; round < ROUNDS; round++) {
          long cpu0 = processCpuNanos();
          long t0 = System.nanoTime();
          s = e.estimate(in);
          secs = Math.min(secs, (System.nanoTime() - t0) / 1e9);
          cpu = Math.min(cpu, (processCpuNanos() - cpu0) / 1e9);
        }
        System.out.printf(
            Locale.ROOT,
            "| %s | %d | %d | %d | %.2f | %.2f | %d | %d | %.6f |%n",
            e.id(),
            n,
            d,
            c,
            secs,
            cpu,
            peakRssMib(),
            peakHeapMib(),
            s.value());
      }
    }
  }

  /** Class means on a random direction per class plus unit Gaussian noise. */
  static EstimationInput input(int n, int d, int c, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[][] means = new double[c][d];
    for (int k = 0; k < c; k++) {
      for (int j = 0; j < d; j++) {
        means[k][j] = rnd.nextDouble(-1, 1);
      }
    }
    double[] x = new double[n * d];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % c;
      for (int j = 0; j < d; j++) {
        x[i * d + j] = means[y[i]][j] + gaussian(rnd);
      }
    }
    return EstimationInput.of(FeatureMatrix.wrap(n, d, x), ClassLabels.of(y, c));
  }

  private static double gaussian(SplittableRandom rnd) {
    double u = rnd.nextDouble();
    double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeapMib() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum >> 20;
  }

  private static long peakRssMib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
      }
    }
    return -1;
  }
}
