package dev.graft.sdk.read;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReaderSupportTest {

  @Test
  void unknownOptionNamesTheReaderAndTheValidOnes() {
    ReadOptions options = new ReadOptions(BadInputPolicy.FAIL, 0, Map.of("colums", "2"));
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> ReaderOptions.check("csv", options, Map.of("columns", "a number")));
    assertEquals(GraftErrors.INVALID_READER_OPTION, e.errorId());
    assertTrue(e.getMessage().contains("'colums'"), e.getMessage());
    assertTrue(e.getMessage().contains("columns (a number)"), e.getMessage());
  }

  @Test
  void outOfRangeValueIsNamed() {
    ReadOptions options = new ReadOptions(BadInputPolicy.FAIL, 0, Map.of("width", "0"));
    ReaderOptions opts = ReaderOptions.check("pixels", options, Map.of("width", "1..64"));
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> opts.longValue("width", 8, 1, 64));
    assertTrue(e.getMessage().contains("width") && e.getMessage().contains("0"), e.getMessage());
  }

  @Test
  void mixedBadInputsFailWithEveryEntryUnlessSkipping() {
    BadInputLog log = new BadInputLog();
    log.add(GraftErrors.MALFORMED_FILE, "a.csv:3", "wrong number of fields");
    log.add(GraftErrors.NON_FINITE_VALUE, "a.csv:9", "NaN in column 2");
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> log.failIfAny(BadInputPolicy.FAIL, "csv", "a.csv"));
    assertEquals(GraftErrors.BAD_INPUTS, e.errorId());
    assertTrue(e.getMessage().contains("a.csv:3: wrong number of fields"), e.getMessage());
    assertTrue(e.getMessage().contains("a.csv:9: NaN in column 2"), e.getMessage());
    assertDoesNotThrow(() -> log.failIfAny(BadInputPolicy.SKIP, "csv", "a.csv"));
    assertEquals(2, log.count());
  }

  @Test
  void splitsQuotedCsvFields() {
    assertEquals(List.of("a", "b,c", "d\"e"), TextInput.split("a,\"b,c\",\"d\"\"e\"", ','));
  }
}
