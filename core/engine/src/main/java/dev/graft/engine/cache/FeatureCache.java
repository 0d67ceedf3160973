package dev.graft.engine.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.io.AtomicFiles;
import dev.graft.api.io.Digests;
import dev.graft.tensorflow.io.ElementType;
import dev.graft.tensorflow.io.HostTensor;
import dev.graft.tensorflow.io.Npy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Extracted features on disk, keyed by (source digest, data digest, layer), so a second run over
 * the same sources and data reuses them instead of running the networks again.
 *
 * <p>Each entry is a float64 {@code .npy} file and a {@code .json} sidecar holding the key, the
 * shape and the SHA-256 of the {@code .npy}. Both are written atomically, the sidecar last: an
 * entry counts only when the sidecar exists and matches, so an interrupted run never leaves a half
 * entry that a later run would trust. An entry that fails its check is recomputed and overwritten,
 * and the replacement is counted in {@link #stats()}. Safe for concurrent use within one JVM.
 */
public final class FeatureCache {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private long hits;
  private long misses;
  private long repaired;

  /**
   * The key of one cache entry.
   *
   * @param sourceDigest identifies the source model's weights (e.g. its manifest digest)
   * @param dataDigest identifies the data (e.g. {@code DatasetInfo.digest()})
   * @param layer which representation (e.g. {@code features})
   */
  public record Key(String sourceDigest, String dataDigest, String layer) {

    /** Validates. */
    public Key {
      if (sourceDigest == null
          || sourceDigest.isBlank()
          || dataDigest == null
          || dataDigest.isBlank()) {
        throw new GraftException(
            GraftErrors.INTERNAL,
            "feature cache key needs a source digest and a data digest; got '"
                + sourceDigest
                + "' and '"
                + dataDigest
                + "'.");
      }
      layer = layer == null || layer.isBlank() ? "features" : layer;
    }

    String fileStem() {
      return Digests.sha256Hex(
              (sourceDigest + "\n" + dataDigest + "\n" + layer).getBytes(StandardCharsets.UTF_8))
          .substring(0, 40);
    }
  }

  /**
   * Counters for reports.
   *
   * @param hits entries served from disk
   * @param misses entries computed
   * @param repaired entries that failed their check and were recomputed
   */
  public record Stats(long hits, long misses, long repaired) {}

  /**
   * A cache in {@code dir} (created when first written).
   *
   * @param dir the cache folder
   */
  public FeatureCache(Path dir) {
    this.dir = dir;
  }

  /**
   * The cached features, computing and storing them on a miss.
   *
   * @param key the entry's key
   * @param compute computes the features on a miss
   * @return the features
   */
  public synchronized FeatureMatrix computeIfAbsent(Key key, Supplier<FeatureMatrix> compute) {
    Optional<FeatureMatrix> cached = read(key);
    if (cached.isPresent()) {
      hits++;
      return cached.get();
    }
    misses++;
    FeatureMatrix features = compute.get();
    write(key, features);
    return features;
  }

  /**
   * The cached features, if a valid entry exists.
   *
   * @param key the entry's key
   * @return the features, or empty
   */
  public synchronized Optional<FeatureMatrix> get(Key key) {
    return read(key);
  }

  /**
   * Hit, miss and repair counts since this instance was created.
   *
   * @return the counters
   */
  public synchronized Stats stats() {
    return new Stats(hits, misses, repaired);
  }

  private Optional<FeatureMatrix> read(Key key) {
    Path meta = dir.resolve(key.fileStem() + ".json");
    Path data = dir.resolve(key.fileStem() + ".npy");
    if (!Files.exists(meta)) {
      return Optional.empty();
    }
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = JSON.readValue(meta.toFile(), Map.class);
      byte[] bytes = Files.readAllBytes(data);
      boolean matches =
          key.sourceDigest().equals(m.get("sourceDigest"))
              && key.dataDigest().equals(m.get("dataDigest"))
              && key.layer().equals(m.get("layer"))
              && Digests.sha256Hex(bytes).equals(m.get("sha256"));
      if (!matches) {
        repaired++;
        return Optional.empty();
      }
      HostTensor t = Npy.parse(bytes, data.toString());
      if (t.type() != ElementType.FLOAT64 || t.shape().length != 2) {
        repaired++;
        return Optional.empty();
      }
      return Optional.of(
          FeatureMatrix.wrap((int) t.shape()[0], (int) t.shape()[1], t.toDoubleArray()));
    } catch (IOException | GraftException e) {
      // a damaged entry is a cache miss: it is recomputed and overwritten, and counted
      repaired++;
      return Optional.empty();
    }
  }

  private void write(Key key, FeatureMatrix features) {
    byte[] bytes =
        Npy.toBytes(HostTensor.ofDoubles(features.data(), features.rows(), features.cols()));
    AtomicFiles.write(dir.resolve(key.fileStem() + ".npy"), bytes);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sourceDigest", key.sourceDigest());
    m.put("dataDigest", key.dataDigest());
    m.put("layer", key.layer());
    m.put("rows", features.rows());
    m.put("cols", features.cols());
    m.put("sha256", Digests.sha256Hex(bytes));
    try {
      AtomicFiles.write(dir.resolve(key.fileStem() + ".json"), JSON.writeValueAsBytes(m));
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_WRITABLE,
          "cannot write feature cache entry in " + dir + ": " + e,
          e);
    }
  }
}
