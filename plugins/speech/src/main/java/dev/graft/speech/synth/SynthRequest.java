package dev.graft.speech.synth;

import dev.graft.api.error.ConfigException;
import dev.graft.api.io.Digests;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The parameters of a synthesised keyword set. Every (voice, speed, pitch) combination is one
 * speaker; each speaker says every word {@code repeats} times, each repeat with its own noise and
 * placement in the clip.
 *
 * @param words the words (lower case); also the class names
 * @param voices espeak-ng voices with optional variants, e.g. {@code en-us+m3}
 * @param speeds words per minute, each 80 to 450
 * @param pitches 0 to 99
 * @param repeats clips per speaker and word, 1 or more
 * @param sampleRate the clips' rate in Hz
 * @param clipSeconds the clips' length
 * @param snrMinDb lowest signal-to-noise ratio of the background noise
 * @param snrMaxDb highest; {@code Double.POSITIVE_INFINITY} for both means no noise
 * @param seed seed of noise and placement
 */
public record SynthRequest(
    List<String> words,
    List<String> voices,
    List<Integer> speeds,
    List<Integer> pitches,
    int repeats,
    int sampleRate,
    double clipSeconds,
    double snrMinDb,
    double snrMaxDb,
    long seed) {

  /** The ten keywords of the Speech Commands core set. */
  public static final List<String> KEYWORDS =
      List.of("yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go");

  /** The ten digits, spelled out. */
  public static final List<String> DIGITS =
      List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");

  /** The version of the generation procedure, part of the cache key. */
  public static final int GENERATOR_VERSION = 1;

  /** Validates and normalises. */
  public SynthRequest {
    ConfigException.require(
        words != null && !words.isEmpty(), "--words", words, "one or more words");
    List<String> w = new ArrayList<>();
    for (String word : words) {
      String s = word.trim().toLowerCase(Locale.ROOT);
      ConfigException.require(
          s.matches("[a-z][a-z' -]{0,39}"),
          "--words",
          word,
          "letters, spaces, ' or - (a word or phrase)");
      w.add(s);
    }
    ConfigException.require(
        new LinkedHashSet<>(w).size() == w.size(), "--words", words, "distinct words");
    words = List.copyOf(w);
    ConfigException.require(
        voices != null && !voices.isEmpty(), "--voices", voices, "one or more voices");
    for (String v : voices) {
      ConfigException.require(
          v.matches("[A-Za-z0-9-]{1,40}(\\+[A-Za-z0-9_-]{1,40})?"),
          "--voices",
          v,
          "a voice with an optional variant, e.g. en-us or en-gb-scotland+f2");
    }
    ConfigException.require(
        new LinkedHashSet<>(voices).size() == voices.size(), "--voices", voices, "distinct voices");
    voices = List.copyOf(voices);
    ConfigException.require(speeds != null && !speeds.isEmpty(), "--speeds", speeds, "one or more");
    for (int s : speeds) {
      ConfigException.require(s >= 80 && s <= 450, "--speeds", s, "80 to 450 words per minute");
    }
    speeds = List.copyOf(new LinkedHashSet<>(speeds));
    ConfigException.require(
        pitches != null && !pitches.isEmpty(), "--pitches", pitches, "one or more");
    for (int p : pitches) {
      ConfigException.require(p >= 0 && p <= 99, "--pitches", p, "0 to 99");
    }
    pitches = List.copyOf(new LinkedHashSet<>(pitches));
    ConfigException.require(repeats >= 1 && repeats <= 100, "--repeats", repeats, "1 to 100");
    ConfigException.require(
        sampleRate >= 8000 && sampleRate <= 48_000, "--sample-rate", sampleRate, "8000 to 48000");
    ConfigException.require(
        clipSeconds >= 0.25 && clipSeconds <= 10, "--clip-seconds", clipSeconds, "0.25 to 10");
    ConfigException.require(
        snrMinDb <= snrMaxDb && !Double.isNaN(snrMinDb) && snrMinDb > -20,
        "--noise-snr",
        snrMinDb + ":" + snrMaxDb,
        "MIN:MAX in dB with -20 < MIN <= MAX, or none");
  }

  /**
   * Whether background noise is mixed in.
   *
   * @return false for {@code --noise-snr none}
   */
  public boolean noisy() {
    return !Double.isInfinite(snrMinDb);
  }

  /**
   * The speaker id of a combination, used in file names ({@code <speaker>_nohash_<n>.wav}).
   *
   * @param voice the voice
   * @param speed the speed
   * @param pitch the pitch
   * @return e.g. {@code en-us+m3-s160-p50}
   */
  public static String speaker(String voice, int speed, int pitch) {
    return voice + "-s" + speed + "-p" + pitch;
  }

  /**
   * The number of clips.
   *
   * @return words x voices x speeds x pitches x repeats
   */
  public long clipCount() {
    return (long) words.size() * voices.size() * speeds.size() * pitches.size() * repeats;
  }

  /**
   * The cache key: a digest of every parameter, the generator version and espeak-ng's version.
   *
   * @param espeakVersion the program's version line
   * @return {@code sha256:<hex>}
   */
  public String digest(String espeakVersion) {
    MessageDigest sha = Digests.newSha256();
    String canonical =
        String.join(
            "\n",
            "generator=" + GENERATOR_VERSION,
            "espeak=" + espeakVersion,
            "words=" + String.join(",", words),
            "voices=" + String.join(",", voices),
            "speeds=" + speeds,
            "pitches=" + pitches,
            "repeats=" + repeats,
            "rate=" + sampleRate,
            "seconds=" + clipSeconds,
            "snr=" + snrMinDb + ":" + snrMaxDb,
            "seed=" + seed);
    sha.update(canonical.getBytes(StandardCharsets.UTF_8));
    return "sha256:" + String.format("%064x", new BigInteger(1, sha.digest()));
  }
}
