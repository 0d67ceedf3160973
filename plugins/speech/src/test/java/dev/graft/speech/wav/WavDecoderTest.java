package dev.graft.speech.wav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.sdk.read.BadInputException;
import dev.graft.speech.SpeechErrors;
import dev.graft.speech.TestAudio;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WavDecoderTest {

  private final WavDecoder decoder = new WavDecoder();
  private static final float[] RAMP = {0f, 0.25f, -0.5f, 0.75f, -1f, 0.999f, -0.125f};

  @ParameterizedTest(name = "tag {0}, {1} bits")
  @CsvSource({
    "1, 8, 0.0079",
    "1, 16, 0.00004",
    "1, 24, 0.0000002",
    "1, 32, 0.000000001",
    "3, 32, 0",
    "3, 64, 0"
  })
  void decodesEveryEncodingToTheSameValues(int tag, int bits, double tolerance) {
    WavAudio a = decoder.decode(TestAudio.wav(tag, bits, 22_050, 1, RAMP, false), "t.wav");
    assertEquals(22_050, a.sampleRate());
    assertEquals(1, a.channels());
    assertEquals(bits, a.bitsPerSample());
    assertEquals(tag == 3 ? "float" : "pcm", a.encoding());
    assertEquals(RAMP.length, a.samples().length);
    for (int i = 0; i < RAMP.length; i++) {
      // integer PCM maps full scale to 2^(bits-1); the writer used 2^(bits-1) - 1
      assertEquals(
          RAMP[i],
          a.samples()[i],
          tolerance + Math.abs(RAMP[i]) * Math.pow(2, 1 - bits) * 1.01,
          "sample " + i);
    }
  }

  @Test
  void stereoIsAveragedToMono() {
    float[] interleaved = {0.5f, -0.5f, 0.25f, 0.75f, -1f, -1f};
    WavAudio a = decoder.decode(TestAudio.wav(3, 32, 16_000, 2, interleaved, false), "s.wav");
    assertEquals(2, a.channels());
    assertArrayEquals(new float[] {0f, 0.5f, -1f}, a.samples(), 1e-7f);
  }

  @Test
  void skipsOtherChunksWithTheirPadByteAndReadsExtensibleHeaders() {
    WavAudio a = decoder.decode(TestAudio.wav(1, 16, 8_000, 1, RAMP, true), "l.wav");
    assertEquals(RAMP.length, a.samples().length);
    assertEquals(0.25f, a.samples()[1], 1e-4f);
    WavAudio e = decoder.decode(TestAudio.extensible(3, 32, 48_000, RAMP), "e.wav");
    assertEquals(48_000, e.sampleRate());
    assertArrayEquals(RAMP, e.samples(), 0f);
    WavAudio p = decoder.decode(TestAudio.extensible(1, 24, 44_100, RAMP), "p.wav");
    assertEquals(24, p.bitsPerSample());
    assertEquals(-0.5f, p.samples()[2], 1e-6f);
  }

  @Test
  void theWritersOutputDecodesBack() {
    float[] x = TestAudio.tone(440, 0.8, 16_000, 1600);
    WavAudio pcm = decoder.decode(WavWriter.encode(x, 1, 16_000, false), "w.wav");
    WavAudio flt = decoder.decode(WavWriter.encode(x, 1, 16_000, true), "f.wav");
    assertArrayEquals(x, flt.samples(), 0f);
    for (int i = 0; i < x.length; i++) {
      assertEquals(x[i], pcm.samples()[i], 2.0 / 32768);
    }
  }

  @Test
  void nonRiffFilesAreRejectedWithWhatTheyStartWith() {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> decoder.decode("ID3\u0004 not a wave file".getBytes(), "song.mp3.wav"));
    assertEquals(SpeechErrors.NOT_A_WAV, e.errorId());
    assertEquals("song.mp3.wav", e.location());
    assertTrue(e.reason().contains("not a RIFF/WAVE file (starts with 'ID3."), e.reason());
  }

  @Test
  void aTruncatedDataChunkNamesBothSizes() {
    byte[] full = TestAudio.toneWav(440, 16_000, 0.1); // 1600 samples, 3200 data bytes
    byte[] cut = Arrays.copyOf(full, full.length - 1000);
    BadInputException e = assertThrows(BadInputException.class, () -> decoder.decode(cut, "c.wav"));
    assertEquals(SpeechErrors.TRUNCATED_WAV, e.errorId());
    assertTrue(e.reason().contains("declares 3200 bytes but the file holds only 2200"), e.reason());
    // a data size that ends inside a frame
    byte[] odd = full.clone();
    ByteBuffer.wrap(odd).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 3199);
    BadInputException f = assertThrows(BadInputException.class, () -> decoder.decode(odd, "o.wav"));
    assertEquals(SpeechErrors.TRUNCATED_WAV, f.errorId());
    assertTrue(f.reason().contains("ends inside a frame"), f.reason());
    // the header alone
    BadInputException g =
        assertThrows(
            BadInputException.class, () -> decoder.decode(Arrays.copyOf(full, 36), "h.wav"));
    assertEquals(SpeechErrors.TRUNCATED_WAV, g.errorId());
  }

  @Test
  void compressedEncodingsAreNamedWithAConversionHint() {
    byte[] mulaw = TestAudio.wav(7, 8, 8_000, 1, RAMP, false);
    BadInputException e =
        assertThrows(BadInputException.class, () -> decoder.decode(mulaw, "m.wav"));
    assertEquals(SpeechErrors.UNSUPPORTED_ENCODING, e.errorId());
    assertTrue(e.reason().contains("0x0007 (mu-law)"), e.reason());
    assertTrue(e.reason().contains("ffmpeg -i in.wav -c:a pcm_s16le out.wav"), e.reason());
    byte[] adpcm = TestAudio.wav(2, 8, 8_000, 1, RAMP, false);
    assertTrue(
        assertThrows(BadInputException.class, () -> decoder.decode(adpcm, "a.wav"))
            .reason()
            .contains("Microsoft ADPCM"));
    byte[] twelveBit = TestAudio.wav(1, 16, 8_000, 1, RAMP, false);
    ByteBuffer.wrap(twelveBit).order(ByteOrder.LITTLE_ENDIAN).putShort(34, (short) 12);
    assertEquals(
        SpeechErrors.UNSUPPORTED_ENCODING,
        assertThrows(BadInputException.class, () -> decoder.decode(twelveBit, "b.wav")).errorId());
  }

  @Test
  void emptyFilesAndZeroLengthDataAreEmptyClips() {
    assertEquals(
        SpeechErrors.EMPTY_CLIP,
        assertThrows(BadInputException.class, () -> decoder.decode(new byte[0], "z.wav"))
            .errorId());
    byte[] none = TestAudio.wav(1, 16, 16_000, 1, new float[0], false);
    BadInputException e =
        assertThrows(BadInputException.class, () -> decoder.decode(none, "n.wav"));
    assertEquals(SpeechErrors.EMPTY_CLIP, e.errorId());
    assertTrue(e.reason().contains("0 frames"), e.reason());
  }

  @Test
  void absurdSampleRatesAndChannelCountsAreRejected() {
    byte[] slow = TestAudio.wav(1, 16, 10, 1, RAMP, false);
    BadInputException e =
        assertThrows(BadInputException.class, () -> decoder.decode(slow, "r.wav"));
    assertEquals(SpeechErrors.BAD_SAMPLE_RATE, e.errorId());
    assertTrue(e.reason().contains("sample rate 10 Hz is outside 1000..384000 Hz"), e.reason());
    byte[] fast = TestAudio.wav(1, 16, 16_000, 1, RAMP, false);
    ByteBuffer.wrap(fast).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 2_000_000_000);
    assertEquals(
        SpeechErrors.BAD_SAMPLE_RATE,
        assertThrows(BadInputException.class, () -> decoder.decode(fast, "f.wav")).errorId());
    byte[] noChannels = TestAudio.wav(1, 16, 16_000, 1, RAMP, false);
    ByteBuffer.wrap(noChannels).order(ByteOrder.LITTLE_ENDIAN).putShort(22, (short) 0);
    assertTrue(
        assertThrows(BadInputException.class, () -> decoder.decode(noChannels, "c.wav"))
            .reason()
            .contains("0 channels"));
  }

  @Test
  void nonFiniteFloatSamplesAreRejected() {
    byte[] b = TestAudio.wav(3, 32, 16_000, 1, new float[] {0f, 0.5f, 0f}, false);
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putFloat(44 + 4, Float.NaN);
    BadInputException e = assertThrows(BadInputException.class, () -> decoder.decode(b, "nan.wav"));
    assertTrue(e.reason().contains("frame 1 channel 0 is NaN"), e.reason());
  }
}
