package dev.graft.sdk.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.graft.api.error.GraftErrors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParallelDecodeTest {

  @Test
  void goodResultsAndBadEntriesKeepInputOrder() {
    List<String> decoded = new ArrayList<>();
    BadInputLog log = new BadInputLog();
    List<Integer> kept =
        ParallelDecode.decodeAll(
            200,
            i -> {
              if (i % 3 == 0) {
                throw new BadInputException(GraftErrors.BAD_INPUTS, "f" + i, "bad");
              }
              return "x" + i;
            },
            log,
            decoded);
    assertEquals(133, kept.size());
    assertEquals(kept.size(), decoded.size());
    for (int k = 0; k < kept.size(); k++) {
      assertEquals("x" + kept.get(k), decoded.get(k));
    }
    assertEquals(67, log.count());
    for (int k = 0; k < log.count(); k++) {
      assertEquals("f" + (3 * k), log.entries().get(k).location());
    }
  }
}
