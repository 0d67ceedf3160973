package dev.graft.api.io;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests as lower-case hex, the form Graft records in manifests, caches and provenance.
 */
public final class Digests {

  private Digests() {}

  /**
   * A fresh SHA-256 digest, for streaming content through it.
   *
   * @return the digest
   */
  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /**
   * The SHA-256 of bytes.
   *
   * @param bytes the content
   * @return 64 lower-case hex digits
   */
  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(newSha256().digest(bytes));
  }

  /**
   * The SHA-256 of a string's UTF-8 bytes.
   *
   * @param text the content
   * @return 64 lower-case hex digits
   */
  public static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }
}
