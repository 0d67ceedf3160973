package dev.graft.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.error.GraftErrors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Error ids are stable, unique, and each has an entry in the troubleshooting guide. */
class ErrorCatalogTest {

  @Test
  void codesAreUniqueAndWellFormed() {
    Set<String> codes =
        Arrays.stream(GraftErrors.values()).map(GraftErrors::code).collect(Collectors.toSet());
    assertEquals(GraftErrors.values().length, codes.size());
    for (String code : codes) {
      assertTrue(code.matches("GRAFT-[A-Z]+-\\d{3}"), code);
    }
  }

  @Test
  void everyCodeIsDocumented() throws Exception {
    String guide = Files.readString(Path.of("../../docs/troubleshooting.md"));
    for (GraftErrors e : GraftErrors.values()) {
      assertTrue(
          guide.contains("| " + e.code() + " |"),
          e.code() + " missing from docs/troubleshooting.md");
    }
  }
}
