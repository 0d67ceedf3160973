package dev.graft.speech.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.graft.speech.dsp.ClipFit.Align;
import org.junit.jupiter.api.Test;

class ClipFitTest {

  private static final float[] FIVE = {1, 2, 3, 4, 5};

  @Test
  void shortClipsArePaddedWithZeros() {
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 0, 0}, new ClipFit(7, Align.START).apply(FIVE));
    assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 0}, new ClipFit(7, Align.CENTER).apply(FIVE));
    assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 0}, new ClipFit(7, Align.ENERGY).apply(FIVE));
  }

  @Test
  void longClipsAreCropped() {
    assertArrayEquals(new float[] {1, 2, 3}, new ClipFit(3, Align.START).apply(FIVE));
    assertArrayEquals(new float[] {2, 3, 4}, new ClipFit(3, Align.CENTER).apply(FIVE));
  }

  @Test
  void energyAlignmentKeepsAWordThatIsNotInTheMiddle() {
    float[] x = new float[100];
    for (int i = 80; i < 90; i++) {
      x[i] = 0.5f;
    }
    ClipFit fit = new ClipFit(20, Align.ENERGY);
    float[] y = fit.apply(x);
    assertEquals(75, fit.offset(x)); // centroid 84.5, window 20 -> start 74.5 rounded
    float sum = 0;
    for (float v : y) {
      sum += v;
    }
    assertEquals(5f, sum, 0f); // all ten samples kept
    // centre alignment would have lost the word entirely
    float centred = 0;
    for (float v : new ClipFit(20, Align.CENTER).apply(x)) {
      centred += v;
    }
    assertEquals(0f, centred);
    // the window never leaves the clip
    float[] atEnd = new float[100];
    atEnd[99] = 1f;
    assertEquals(80, fit.offset(atEnd));
  }

  @Test
  void parsesAlignmentsAndRejectsBadLengths() {
    assertEquals(Align.ENERGY, Align.parse(" Energy "));
    assertEquals("center", Align.CENTER.id());
    assertThrows(IllegalArgumentException.class, () -> new ClipFit(0, Align.START));
  }
}
