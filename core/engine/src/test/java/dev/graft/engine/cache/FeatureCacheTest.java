package dev.graft.engine.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.FeatureMatrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCacheTest {

  @TempDir Path temp;

  static final FeatureMatrix F = FeatureMatrix.of(new double[][] {{1.5, -2}, {Math.PI, 1e-300}});

  @Test
  void secondLookupIsServedFromDiskAcrossInstances() {
    AtomicInteger computed = new AtomicInteger();
    FeatureCache.Key key = new FeatureCache.Key("sha256:src", "sha256:data", "features");
    FeatureMatrix first =
        new FeatureCache(temp)
            .computeIfAbsent(
                key,
                () -> {
                  computed.incrementAndGet();
                  return F;
                });
    FeatureCache second = new FeatureCache(temp);
    FeatureMatrix again =
        second.computeIfAbsent(
            key,
            () -> {
              computed.incrementAndGet();
              return F;
            });
    assertEquals(1, computed.get());
    assertArrayEquals(F.data(), again.data());
    assertArrayEquals(first.data(), again.data());
    assertEquals(new FeatureCache.Stats(1, 0, 0), second.stats());
  }

  @Test
  void differentKeysDoNotCollide() {
    FeatureCache cache = new FeatureCache(temp);
    cache.computeIfAbsent(new FeatureCache.Key("a", "d", "features"), () -> F);
    assertTrue(cache.get(new FeatureCache.Key("a", "d", "logits")).isEmpty());
    assertTrue(cache.get(new FeatureCache.Key("b", "d", "features")).isEmpty());
    assertTrue(cache.get(new FeatureCache.Key("a", "e", "features")).isEmpty());
  }

  @Test
  void aDamagedEntryIsRecomputedAndCounted() throws Exception {
    FeatureCache.Key key = new FeatureCache.Key("s", "d", "features");
    new FeatureCache(temp).computeIfAbsent(key, () -> F);
    Path npy;
    try (Stream<Path> files = Files.list(temp)) {
      npy = files.filter(p -> p.toString().endsWith(".npy")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(npy);
    bytes[bytes.length - 1] ^= 0x55;
    Files.write(npy, bytes);
    FeatureCache cache = new FeatureCache(temp);
    FeatureMatrix fresh = cache.computeIfAbsent(key, () -> F);
    assertArrayEquals(F.data(), fresh.data());
    assertEquals(new FeatureCache.Stats(0, 1, 1), cache.stats());
    assertEquals(new FeatureCache.Stats(1, 0, 0), statsAfterLookup(key));
  }

  private FeatureCache.Stats statsAfterLookup(FeatureCache.Key key) {
    FeatureCache cache = new FeatureCache(temp);
    cache.computeIfAbsent(
        key,
        () -> {
          throw new AssertionError("should be cached");
        });
    return cache.stats();
  }
}
