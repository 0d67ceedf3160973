package dev.graft.speech.wav;

import dev.graft.api.error.ErrorId;
import dev.graft.sdk.read.BadInputException;
import dev.graft.speech.SpeechErrors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes RIFF/WAVE files: integer PCM at 8 (unsigned), 16, 24 and 32 bits and IEEE float at 32 and
 * 64 bits, plain or in a {@code WAVE_FORMAT_EXTENSIBLE} wrapper, with one to {@value #MAX_CHANNELS}
 * channels that are averaged to mono. Chunks other than {@code fmt } and {@code data} are skipped
 * (with their pad byte).
 *
 * <p>Every problem is a {@link BadInputException} naming the file and what is wrong: not RIFF/WAVE
 * ({@code SPEECH-READ-001}), a data chunk shorter than declared or ending inside a frame ({@code
 * SPEECH-READ-002}), a compressed or otherwise unsupported encoding ({@code SPEECH-READ-003}, with
 * the format's name and how to convert it), no samples ({@code SPEECH-READ-004}), and a sample rate
 * outside {@value #MIN_RATE}..{@value #MAX_RATE} Hz or an unsupported channel count ({@code
 * SPEECH-READ-006}). Thread-safe.
 */
public final class WavDecoder {

  /** The lowest accepted sample rate in Hz. */
  public static final int MIN_RATE = 1_000;

  /** The highest accepted sample rate in Hz. */
  public static final int MAX_RATE = 384_000;

  /** The most channels accepted. */
  public static final int MAX_CHANNELS = 8;

  /** The largest file read, in bytes (about 30 minutes of 16-bit stereo at 48 kHz). */
  public static final long MAX_BYTES = 512L * 1024 * 1024;

  static final int FORMAT_PCM = 1;
  static final int FORMAT_FLOAT = 3;
  static final int FORMAT_EXTENSIBLE = 0xFFFE;

  private static final Map<Integer, String> KNOWN_COMPRESSED =
      Map.ofEntries(
          Map.entry(0x0002, "Microsoft ADPCM"),
          Map.entry(0x0006, "A-law"),
          Map.entry(0x0007, "mu-law"),
          Map.entry(0x0011, "IMA ADPCM"),
          Map.entry(0x0031, "GSM 6.10"),
          Map.entry(0x0050, "MPEG"),
          Map.entry(0x0055, "MPEG layer 3 (MP3)"),
          Map.entry(0x00FF, "AAC"),
          Map.entry(0x1610, "HE-AAC"),
          Map.entry(0x674F, "Ogg Vorbis"),
          Map.entry(0xF1AC, "FLAC"));

  /** Creates a decoder. */
  public WavDecoder() {}

  /**
   * Reads and decodes a file.
   *
   * @param file the file
   * @param location how to name it in errors (e.g. its path relative to the data set root)
   * @return the decoded audio
   * @throws BadInputException naming the file and the problem
   */
  public WavAudio decode(Path file, String location) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new BadInputException(
            SpeechErrors.NOT_A_WAV,
            location,
            "file is "
                + size
                + " bytes, more than the "
                + MAX_BYTES
                + " a clip may have; cut it into clips first");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(SpeechErrors.NOT_A_WAV, location, "file does not exist");
    } catch (IOException e) {
      throw new BadInputException(SpeechErrors.NOT_A_WAV, location, "cannot read the file: " + e);
    }
    return decode(bytes, location);
  }

  /**
   * Decodes the bytes of a WAV file.
   *
   * @param bytes the whole file
   * @param location how to name it in errors
   * @return the decoded audio
   * @throws BadInputException naming the file and the problem
   */
  public WavAudio decode(byte[] bytes, String location) {
    if (bytes.length == 0) {
      throw bad(SpeechErrors.EMPTY_CLIP, location, "file is empty (0 bytes)");
    }
    if (bytes.length < 12) {
      throw bad(
          SpeechErrors.NOT_A_WAV,
          location,
          "file is " + bytes.length + " bytes, too short for a RIFF/WAVE header (12)");
    }
    String riff = fourCc(bytes, 0);
    if (riff.equals("RIFX") || riff.equals("RF64")) {
      throw bad(
          SpeechErrors.UNSUPPORTED_ENCODING,
          location,
          riff
              + " container (big-endian or 64-bit RIFF) is not supported; convert to a plain RIFF"
              + " WAV, e.g. sox in.wav -b 16 out.wav");
    }
    if (!riff.equals("RIFF") || !fourCc(bytes, 8).equals("WAVE")) {
      throw bad(
          SpeechErrors.NOT_A_WAV,
          location,
          "not a RIFF/WAVE file (starts with '"
              + printable(bytes, 0, Math.min(12, bytes.length))
              + "'); only WAV files can be read");
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int pos = 12;
    Format format = null;
    int dataStart = -1;
    long dataSize = -1;
    while (pos + 8 <= bytes.length) {
      String id = fourCc(bytes, pos);
      long size = Integer.toUnsignedLong(buf.getInt(pos + 4));
      int body = pos + 8;
      if (id.equals("fmt ")) {
        if (size < 16 || body + size > bytes.length) {
          throw bad(
              SpeechErrors.NOT_A_WAV,
              location,
              "fmt chunk is " + size + " bytes; it needs at least 16 within the file");
        }
        format = Format.parse(buf, body, (int) size, location);
      } else if (id.equals("data")) {
        dataStart = body;
        dataSize = size;
        break;
      }
      long next = body + size + (size & 1);
      if (next > bytes.length) {
        break;
      }
      pos = (int) next;
    }
    if (format == null) {
      throw bad(
          SpeechErrors.NOT_A_WAV,
          location,
          dataStart >= 0
              ? "the data chunk comes before any fmt chunk; the file is malformed"
              : "no fmt chunk; the file is malformed or truncated");
    }
    if (dataStart < 0) {
      throw bad(
          SpeechErrors.TRUNCATED_WAV,
          location,
          "no data chunk after the fmt chunk; the file is truncated or holds no audio");
    }
    long available = bytes.length - (long) dataStart;
    if (dataSize > available) {
      throw bad(
          SpeechErrors.TRUNCATED_WAV,
          location,
          "data chunk declares "
              + dataSize
              + " bytes but the file holds only "
              + available
              + " after its header; the file is truncated (re-export or re-copy it)");
    }
    int frameBytes = format.blockAlign;
    if (dataSize % frameBytes != 0) {
      throw bad(
          SpeechErrors.TRUNCATED_WAV,
          location,
          "data chunk of "
              + dataSize
              + " bytes ends inside a frame ("
              + frameBytes
              + " bytes per frame); the file is truncated or corrupt");
    }
    int frames = (int) (dataSize / frameBytes);
    if (frames == 0) {
      throw bad(SpeechErrors.EMPTY_CLIP, location, "data chunk holds no samples (0 frames)");
    }
    float[] mono = new float[frames];
    int bytesPerSample = format.bits / 8;
    float scale = 1f / format.channels;
    for (int f = 0; f < frames; f++) {
      int frameStart = dataStart + f * frameBytes;
      double sum = 0;
      for (int c = 0; c < format.channels; c++) {
        double v = sample(buf, frameStart + c * bytesPerSample, format);
        if (!Double.isFinite(v)) {
          throw bad(
              SpeechErrors.UNSUPPORTED_ENCODING,
              location,
              "float sample at frame " + f + " channel " + c + " is " + v + " (not finite)");
        }
        sum += v;
      }
      float m = (float) (sum * scale);
      mono[f] = m > 1f ? 1f : (m < -1f ? -1f : m);
    }
    return new WavAudio(
        mono, format.rate, format.channels, format.bits, format.isFloat ? "float" : "pcm");
  }

  private static double sample(ByteBuffer buf, int at, Format format) {
    if (format.isFloat) {
      return format.bits == 32 ? buf.getFloat(at) : buf.getDouble(at);
    }
    return switch (format.bits) {
      case 8 -> ((buf.get(at) & 0xFF) - 128) / 128.0;
      case 16 -> buf.getShort(at) / 32768.0;
      case 24 -> {
        int v = (buf.get(at) & 0xFF) | (buf.get(at + 1) & 0xFF) << 8 | buf.get(at + 2) << 16;
        yield v / 8388608.0;
      }
      default -> buf.getInt(at) / 2147483648.0;
    };
  }

  /** The parsed fmt chunk. */
  private record Format(
      int tag, int channels, int rate, int blockAlign, int bits, boolean isFloat) {

    static Format parse(ByteBuffer buf, int at, int size, String location) {
      int tag = buf.getShort(at) & 0xFFFF;
      int channels = buf.getShort(at + 2) & 0xFFFF;
      long rate = Integer.toUnsignedLong(buf.getInt(at + 4));
      int blockAlign = buf.getShort(at + 12) & 0xFFFF;
      int bits = buf.getShort(at + 14) & 0xFFFF;
      int effectiveTag = tag;
      if (tag == FORMAT_EXTENSIBLE) {
        if (size < 40) {
          throw bad(
              SpeechErrors.NOT_A_WAV,
              location,
              "WAVE_FORMAT_EXTENSIBLE fmt chunk is " + size + " bytes; it needs 40");
        }
        int validBits = buf.getShort(at + 18) & 0xFFFF;
        effectiveTag = buf.getShort(at + 24) & 0xFFFF; // first two bytes of the sub-format GUID
        if (validBits != 0 && validBits > bits) {
          throw bad(
              SpeechErrors.NOT_A_WAV,
              location,
              "valid bits per sample (" + validBits + ") exceed the container's " + bits);
        }
      }
      if (effectiveTag != FORMAT_PCM && effectiveTag != FORMAT_FLOAT) {
        String name = KNOWN_COMPRESSED.get(effectiveTag);
        throw bad(
            SpeechErrors.UNSUPPORTED_ENCODING,
            location,
            String.format(Locale.ROOT, "encoding 0x%04X", effectiveTag)
                + (name == null ? "" : " (" + name + ")")
                + " is not supported; only PCM (8/16/24/32-bit) and IEEE float (32/64-bit) are."
                + " Convert it, e.g. ffmpeg -i in.wav -c:a pcm_s16le out.wav");
      }
      boolean isFloat = effectiveTag == FORMAT_FLOAT;
      boolean bitsOk =
          isFloat
              ? (bits == 32 || bits == 64)
              : (bits == 8 || bits == 16 || bits == 24 || bits == 32);
      if (!bitsOk) {
        throw bad(
            SpeechErrors.UNSUPPORTED_ENCODING,
            location,
            bits
                + "-bit "
                + (isFloat ? "float" : "PCM")
                + " is not supported; "
                + (isFloat ? "float must be 32 or 64-bit" : "PCM must be 8, 16, 24 or 32-bit"));
      }
      if (channels < 1 || channels > MAX_CHANNELS) {
        throw bad(
            SpeechErrors.BAD_SAMPLE_RATE,
            location,
            channels + " channels; a clip must have 1 to " + MAX_CHANNELS + " (they are averaged)");
      }
      if (rate < MIN_RATE || rate > MAX_RATE) {
        throw bad(
            SpeechErrors.BAD_SAMPLE_RATE,
            location,
            "sample rate "
                + rate
                + " Hz is outside "
                + MIN_RATE
                + ".."
                + MAX_RATE
                + " Hz; the header is corrupt or the file is not audio");
      }
      int expectedAlign = channels * bits / 8;
      if (blockAlign != expectedAlign) {
        throw bad(
            SpeechErrors.NOT_A_WAV,
            location,
            "block align is "
                + blockAlign
                + " but "
                + channels
                + " channels of "
                + bits
                + " bits need "
                + expectedAlign
                + "; the header is corrupt");
      }
      return new Format(effectiveTag, channels, (int) rate, blockAlign, bits, isFloat);
    }
  }

  private static BadInputException bad(ErrorId id, String location, String reason) {
    return new BadInputException(id, location, reason);
  }

  private static String fourCc(byte[] b, int at) {
    return new String(b, at, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static String printable(byte[] b, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      int c = b[i] & 0xFF;
      sb.append(c >= 32 && c < 127 ? (char) c : '.');
    }
    return sb.toString();
  }
}
