package dev.graft.vision;

import dev.graft.api.error.ErrorId;

/**
 * The vision plugin's error ids. Codes are stable; {@code docs/vision.md} explains each one and
 * what to do about it.
 */
public enum VisionErrors implements ErrorId {
  /** A file is not a decodable image: zero bytes, truncated, corrupt, or not an image format. */
  UNDECODABLE_IMAGE("VISION-READ-002", "undecodable image"),
  /** An image is smaller than the minimum side or larger than the pixel budget. */
  IMAGE_SIZE_OUT_OF_BOUNDS("VISION-READ-003", "image size out of bounds"),
  /** A class folder holds no images. */
  EMPTY_CLASS_FOLDER("VISION-READ-004", "empty class folder"),
  /** An IDX file has a bad magic number, unsupported type, or is truncated or too long. */
  MALFORMED_IDX("VISION-READ-005", "malformed IDX file"),
  /**
   * A CSV row has the wrong number of fields, an unparsable or out-of-range value, or a missing
   * file.
   */
  MALFORMED_CSV_ROW("VISION-READ-006", "malformed CSV row"),
  /** The input holds no examples at all (or every one was skipped). */
  NO_EXAMPLES("VISION-READ-008", "no examples found"),
  /** No usable font file was found for the glyph renderer. */
  NO_FONTS("VISION-GLYPH-001", "no usable fonts"),
  /** No font can render one of the requested characters. */
  CHARACTER_NOT_RENDERABLE("VISION-GLYPH-002", "character not renderable");

  private final String code;
  private final String title;

  VisionErrors(String code, String title) {
    this.code = code;
    this.title = title;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String title() {
    return title;
  }
}
