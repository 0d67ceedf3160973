package dev.graft.sdk.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassNamesTest {

  @Test
  void integerNamesSortNumericallyOthersByText() {
    assertEquals(List.of("-1", "2", "10"), ClassNames.sorted(List.of("10", "2", "-1", "2")));
    assertEquals(List.of("10", "2", "cat"), ClassNames.sorted(List.of("cat", "2", "10")));
    assertEquals(List.of(), ClassNames.sorted(List.of()));
  }

  @Test
  void indicesFollowTheClassOrder() {
    List<String> names = ClassNames.sorted(List.of("dog", "cat"));
    assertArrayEquals(new int[] {1, 0, 1}, ClassNames.indices(List.of("dog", "cat", "dog"), names));
  }
}
