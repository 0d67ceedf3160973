package dev.graft.api.extension;

/** The kind of data an extension works on. */
public enum Modality {
  /** Images. */
  VISION,
  /** Text. */
  TEXT,
  /** Audio. */
  AUDIO,
  /** User-item interactions. */
  RECOMMENDATION,
  /** Plain numeric feature vectors (e.g. embeddings already extracted). */
  TABULAR,
  /** Works on any modality, typically because it only sees feature matrices. */
  ANY
}
