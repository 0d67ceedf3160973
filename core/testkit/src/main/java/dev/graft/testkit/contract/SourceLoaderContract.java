package dev.graft.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.graft.api.data.Dataset;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.error.GraftException;
import dev.graft.api.extension.Modality;
import dev.graft.api.source.Source;
import dev.graft.api.source.SourceDescriptor;
import dev.graft.api.source.SourceLoader;
import dev.graft.api.source.SourceQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link SourceLoader} satisfies. Subclass it, return the loader from {@link
 * #extension()}, write a valid source under a folder in {@link #writeValidSources(Path)} and say
 * which query finds it:
 *
 * <pre>{@code
 * class MyLoaderContractTest extends SourceLoaderContract {
 *   protected SourceLoader extension() { return new MyLoader(); }
 *   protected SourceQuery writeValidSources(Path dir) { ...; return new SourceQuery(Modality.VISION,
 *       Optional.of(dir.toString()), Map.of()); }
 *   protected Optional<Dataset<?>> probeData() { return Optional.of(someImages); }
 * }
 * }</pre>
 *
 * <p>It checks:
 *
 * <ul>
 *   <li>discovery finds the valid sources, is cheap and deterministic (the same candidates in the
 *       same order twice), gives unique candidate ids, names this loader as {@code loaderId}, and
 *       only offers candidates whose modality fits the query;
 *   <li>every candidate opens; the opened source reports the descriptor it was opened from, embeds
 *       the probe data into one finite feature row per example, and gives probability rows that sum
 *       to 1 if it has a classifier head; a source offering labelled data returns a labelled set;
 *       {@code close()} is idempotent;
 *   <li>a query whose location does not exist fails with a {@link GraftException} naming it, and so
 *       does opening a candidate whose files vanished after discovery (when candidates are files,
 *       see {@link #candidatesAreFiles()});
 *   <li>where {@link #liveNativeResources()} can count them, an open-embed-close cycle leaves no
 *       more native resources alive than before it.
 * </ul>
 */
public abstract class SourceLoaderContract extends ExtensionContract<SourceLoader> {

  /** A folder for the fixture's sources, fresh per test. */
  @TempDir protected Path sourcesDir;

  /**
   * Writes one or more valid sources under {@code dir} (e.g. a model folder) and returns the query
   * that finds them.
   *
   * @param dir an empty temporary folder
   * @return the query, usually with {@code dir} as its location
   * @throws Exception if writing fails
   */
  protected abstract SourceQuery writeValidSources(Path dir) throws Exception;

  /**
   * Examples of the query's modality the opened sources can embed; empty (the default) skips the
   * feature checks.
   *
   * @return the probe data
   */
  protected Optional<Dataset<?>> probeData() {
    return Optional.empty();
  }

  /**
   * Whether candidate locations are files or folders the loader reads at {@code open} (so that
   * deleting them must make {@code open} fail clearly). True by default.
   *
   * @return true if locations are paths
   */
  protected boolean candidatesAreFiles() {
    return true;
  }

  /**
   * How many native resources (tensors, graphs, sessions) are alive now, if the runtime can count
   * them — e.g. JavaCPP's {@code Pointer.totalCount()} for TensorFlow. Empty (the default) skips
   * the leak check.
   *
   * @return the count, or empty if not measurable
   */
  protected OptionalLong liveNativeResources() {
    return OptionalLong.empty();
  }

  private List<SourceDescriptor> discoverValid() throws Exception {
    SourceQuery query = writeValidSources(sourcesDir);
    List<SourceDescriptor> found = extension().discover(query);
    assertFalse(found.isEmpty(), "the valid sources under " + sourcesDir + " were not found");
    return found;
  }

  @Test
  void discoversTheValidSourcesDeterministically() throws Exception {
    SourceQuery query = writeValidSources(sourcesDir);
    List<SourceDescriptor> first = extension().discover(query);
    List<SourceDescriptor> second = extension().discover(query);
    assertFalse(first.isEmpty(), "the valid sources under " + sourcesDir + " were not found");
    assertEquals(first, second, "two discoveries of the same query differ");
    Set<String> ids = new HashSet<>();
    for (SourceDescriptor d : first) {
      assertTrue(ids.add(d.id()), "candidate id " + d.id() + " is offered twice");
      assertEquals(extension().id(), d.loaderId(), d.id() + ": loaderId must be this loader's id");
      assertTrue(
          query.modality() == Modality.ANY
              || d.modality() == Modality.ANY
              || d.modality() == query.modality(),
          d.id() + " is " + d.modality() + " but the query asked for " + query.modality());
    }
  }

  @Test
  void offersNoCandidateOfAnotherModality() throws Exception {
    SourceQuery query = writeValidSources(sourcesDir);
    List<SourceDescriptor> found = extension().discover(query);
    int checked = 0;
    for (SourceDescriptor d : found) {
      if (d.modality() == Modality.ANY) {
        continue;
      }
      checked++;
      Modality other = d.modality() == Modality.VISION ? Modality.TEXT : Modality.VISION;
      List<SourceDescriptor> forOther =
          extension().discover(new SourceQuery(other, query.location(), query.options()));
      assertTrue(
          forOther.stream().noneMatch(o -> o.id().equals(d.id())),
          d.id() + " is a " + d.modality() + " source but was offered to a " + other + " query");
    }
    assumeTrue(checked > 0, "every candidate fits every modality");
  }

  @Test
  void opensEveryCandidate() throws Exception {
    for (SourceDescriptor d : discoverValid()) {
      Source source = extension().open(d);
      try {
        assertEquals(d.id(), source.descriptor().id(), "the opened source's descriptor");
        if (probeData().isPresent()) {
          Dataset<?> probe = probeData().get();
          FeatureMatrix f = source.features(probe);
          assertEquals(probe.size(), f.rows(), d.id() + ": one feature row per example");
          assertTrue(f.cols() > 0, d.id() + ": features have no columns");
          for (double v : f.data()) {
            assertTrue(Double.isFinite(v), d.id() + ": non-finite feature " + v);
          }
          Optional<ProbabilityMatrix> p = source.probabilities(probe);
          if (p.isPresent()) {
            assertEquals(probe.size(), p.get().rows(), d.id() + ": one probability row each");
            for (int i = 0; i < p.get().rows(); i++) {
              double sum = 0;
              for (double v : p.get().values().row(i)) {
                sum += v;
              }
              assertEquals(1, sum, 1e-3, d.id() + ": probability row " + i + " sums to " + sum);
            }
          }
        }
        source
            .labelledData()
            .ifPresent(
                data ->
                    assertTrue(
                        data.targets().isPresent(), d.id() + ": labelledData() has no labels"));
        if (source.trainable() || source.modelDirectory().isPresent()) {
          assertTrue(
              source.modelDirectory().map(Files::isDirectory).orElse(false),
              d.id() + ": a trainable source needs an existing model folder");
        }
      } finally {
        source.close();
        source.close();
      }
    }
  }

  @Test
  void aMissingLocationIsAClearError() throws Exception {
    SourceQuery valid = writeValidSources(sourcesDir);
    Path missing = sourcesDir.resolve("does-not-exist");
    GraftException e =
        assertThrows(
            GraftException.class,
            () ->
                extension()
                    .discover(
                        new SourceQuery(
                            valid.modality(), Optional.of(missing.toString()), valid.options())),
            "a query whose location does not exist must fail, not find nothing");
    assertTrue(e.getMessage().contains("does-not-exist"), "the error names it: " + e.getMessage());
  }

  @Test
  void openingAVanishedCandidateIsAClearError() throws Exception {
    assumeTrue(candidatesAreFiles(), "candidates are not files");
    List<SourceDescriptor> found = discoverValid();
    SourceDescriptor d = found.get(0);
    deleteTree(Path.of(d.location()));
    GraftException e = assertThrows(GraftException.class, () -> extension().open(d).close());
    assertTrue(
        e.getMessage().contains(d.id()) || e.getMessage().contains(d.location()),
        "the error names the candidate or its location: " + e.getMessage());
  }

  @Test
  void openAndCloseLeaveNoNativeResourcesBehind() throws Exception {
    assumeTrue(liveNativeResources().isPresent(), "native resources are not countable");
    SourceDescriptor d = discoverValid().get(0);
    use(d);
    long before = liveNativeResources().getAsLong();
    use(d);
    long after = liveNativeResources().getAsLong();
    assertTrue(
        after <= before,
        "native resources alive before an open-embed-close cycle: "
            + before
            + ", after: "
            + after
            + "; the source does not release what it allocates");
  }

  private void use(SourceDescriptor d) {
    try (Source source = extension().open(d)) {
      probeData()
          .ifPresent(
              probe -> {
                source.features(probe);
                source.probabilities(probe);
              });
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
