package dev.graft.vision.preprocess;

/** How an image of another size is brought to a model's input size. */
public enum ResizeMode {
  /** Scale each axis independently to the target size (the aspect ratio may change). */
  STRETCH,
  /** Scale so the image covers the target, keeping the aspect ratio, and cut the centre out. */
  CENTER_CROP,
  /** Scale so the image fits inside the target, keeping the aspect ratio, and pad with zeros. */
  PAD
}
