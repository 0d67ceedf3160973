package dev.graft.speech;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test audio: tones and WAV bytes built field by field here (independently of the plugin's
 * WavWriter), in every encoding the decoder supports and some it must reject.
 */
public final class TestAudio {

  private TestAudio() {}

  /**
   * A sine tone.
   *
   * @param hz frequency
   * @param amplitude peak
   * @param rate sample rate
   * @param samples length
   * @return the samples
   */
  public static float[] tone(double hz, double amplitude, int rate, int samples) {
    float[] x = new float[samples];
    for (int i = 0; i < samples; i++) {
      x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return x;
  }

  /**
   * A WAV file.
   *
   * @param tag format tag (1 PCM, 3 float, 0xFFFE extensible, others compressed)
   * @param bits bits per sample
   * @param rate sample rate
   * @param channels interleaved channels
   * @param interleaved the samples in [-1, 1], frame by frame
   * @param extraChunk whether to put a LIST chunk (odd length, padded) before the data
   * @return the bytes
   */
  public static byte[] wav(
      int tag, int bits, int rate, int channels, float[] interleaved, boolean extraChunk) {
    int bytesPer = bits / 8;
    ByteBuffer data =
        ByteBuffer.allocate(interleaved.length * Math.max(1, bytesPer))
            .order(ByteOrder.LITTLE_ENDIAN);
    boolean isFloat = tag == 3;
    for (float v : interleaved) {
      if (isFloat && bits == 32) {
        data.putFloat(v);
      } else if (isFloat && bits == 64) {
        data.putDouble(v);
      } else if (bits == 8) {
        data.put((byte) (Math.round(v * 127) + 128));
      } else if (bits == 16) {
        data.putShort((short) Math.round(v * 32767));
      } else if (bits == 24) {
        int s = (int) Math.round(v * 8388607.0);
        data.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
      } else if (bits == 32) {
        data.putInt((int) Math.round(v * 2147483647.0));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer fmt = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    fmt.putShort((short) tag).putShort((short) channels).putInt(rate);
    fmt.putInt(rate * channels * bytesPer).putShort((short) (channels * bytesPer));
    fmt.putShort((short) bits);
    write(out, "WAVE".getBytes(StandardCharsets.US_ASCII));
    chunk(out, "fmt ", fmt.array());
    if (extraChunk) {
      chunk(out, "LIST", "INFOabc".getBytes(StandardCharsets.US_ASCII)); // 7 bytes + pad
    }
    chunk(out, "data", data.array());
    return riff(out.toByteArray());
  }

  /**
   * A WAVE_FORMAT_EXTENSIBLE file with the given sub-format.
   *
   * @param subTag 1 PCM or 3 float
   * @param bits bits
   * @param rate rate
   * @param samples mono samples
   * @return the bytes
   */
  public static byte[] extensible(int subTag, int bits, int rate, float[] samples) {
    byte[] plain = wav(subTag, bits, rate, 1, samples, false);
    // rebuild with a 40-byte fmt chunk
    ByteBuffer fmt = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
    fmt.putShort((short) 0xFFFE).putShort((short) 1).putInt(rate);
    fmt.putInt(rate * bits / 8).putShort((short) (bits / 8)).putShort((short) bits);
    fmt.putShort((short) 22).putShort((short) bits).putInt(4);
    fmt.putShort((short) subTag)
        .put(
            new byte[] {
              0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71
            });
    int dataAt = 12 + 8 + 16;
    byte[] dataChunk = java.util.Arrays.copyOfRange(plain, dataAt, plain.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "WAVE".getBytes(StandardCharsets.US_ASCII));
    chunk(out, "fmt ", fmt.array());
    write(out, dataChunk);
    return riff(out.toByteArray());
  }

  /**
   * Writes bytes to a file, creating folders.
   *
   * @param file the file
   * @param bytes the content
   * @return the file
   */
  public static Path write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A 16-bit mono PCM WAV of a tone.
   *
   * @param hz frequency
   * @param rate sample rate
   * @param seconds duration
   * @return the bytes
   */
  public static byte[] toneWav(double hz, int rate, double seconds) {
    return wav(1, 16, rate, 1, tone(hz, 0.5, rate, (int) Math.round(seconds * rate)), false);
  }

  private static byte[] riff(byte[] body) {
    ByteBuffer b = ByteBuffer.allocate(8 + body.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body);
    return b.array();
  }

  private static void chunk(ByteArrayOutputStream out, String id, byte[] body) {
    ByteBuffer h = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    h.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length);
    write(out, h.array());
    write(out, body);
    if (body.length % 2 == 1) {
      out.write(0);
    }
  }

  private static void write(ByteArrayOutputStream out, byte[] b) {
    out.write(b, 0, b.length);
  }
}
