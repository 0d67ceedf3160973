package dev.graft.speech.wav;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes mono or multi-channel WAV files as 16-bit PCM or 32-bit IEEE float (the forms the
 * synthesiser and the tests need).
 */
public final class WavWriter {

  private WavWriter() {}

  /**
   * Encodes interleaved samples as a WAV file.
   *
   * @param interleaved samples in {@code [-1, 1]}, frame after frame (clamped)
   * @param channels channels per frame, at least 1
   * @param sampleRate the sample rate in Hz
   * @param asFloat 32-bit float when true, else 16-bit PCM
   * @return the file's bytes
   */
  public static byte[] encode(float[] interleaved, int channels, int sampleRate, boolean asFloat) {
    if (channels < 1 || interleaved.length % channels != 0) {
      throw new IllegalArgumentException(
          interleaved.length + " samples do not divide into " + channels + " channels");
    }
    int bits = asFloat ? 32 : 16;
    int dataBytes = interleaved.length * bits / 8;
    ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes);
    b.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
    b.putShort((short) (asFloat ? WavDecoder.FORMAT_FLOAT : WavDecoder.FORMAT_PCM));
    b.putShort((short) channels).putInt(sampleRate).putInt(sampleRate * channels * bits / 8);
    b.putShort((short) (channels * bits / 8)).putShort((short) bits);
    b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
    for (float v : interleaved) {
      float c = v > 1f ? 1f : (v < -1f ? -1f : v);
      if (asFloat) {
        b.putFloat(c);
      } else {
        b.putShort((short) Math.round(c * 32767f));
      }
    }
    return b.array();
  }

  /**
   * Writes a mono 16-bit PCM file atomically (a temporary file renamed into place).
   *
   * @param samples the samples in {@code [-1, 1]}
   * @param sampleRate the sample rate
   * @param file where to write it
   * @throws GraftException GRAFT-IO-002 if it cannot be written
   */
  public static void writePcm16(float[] samples, int sampleRate, Path file) {
    byte[] bytes = encode(samples, 1, sampleRate, false);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_WRITABLE, "cannot create the folder of " + file + ": " + e, e);
    }
    AtomicFiles.write(file, bytes);
  }
}
