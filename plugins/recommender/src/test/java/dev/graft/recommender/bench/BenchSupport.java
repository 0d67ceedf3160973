package dev.graft.recommender.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Logging, intervals and machine facts the recommender benches share. */
final class BenchSupport {

  /** Two-sided 95% Student-t quantiles for 1..10 degrees of freedom. */
  private static final double[] T95 = {
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228
  };

  private BenchSupport() {}

  static void log(StringBuilder report, String line) {
    report.append(line).append(System.lineSeparator());
    System.out.println(line);
    System.out.flush();
  }

  /** Mean and 95% t-interval half-width. */
  static double[] meanCi(double[] v) {
    double mean = Arrays.stream(v).average().orElse(Double.NaN);
    if (v.length < 2) {
      return new double[] {mean, Double.NaN};
    }
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    double sd = Math.sqrt(ss / (v.length - 1));
    double t = v.length - 1 <= T95.length ? T95[v.length - 2] : 1.96;
    return new double[] {mean, t * sd / Math.sqrt(v.length)};
  }

  static String fmt(double[] mci) {
    return String.format(java.util.Locale.ROOT, "%.4f ± %.4f", mci[0], mci[1]);
  }

  static String machine() {
    String load = "";
    try {
      load = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      load = "unknown";
    }
    return Runtime.getRuntime().availableProcessors()
        + " CPUs, Java "
        + System.getProperty("java.version")
        + ", load average "
        + load;
  }

  static void write(StringBuilder report, String name) throws IOException {
    Path out = Path.of("target", "bench", name);
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
  }
}
