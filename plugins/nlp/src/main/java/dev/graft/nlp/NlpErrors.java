package dev.graft.nlp;

import dev.graft.api.error.ErrorId;

/**
 * The NLP plugin's error ids. Codes are stable; {@code docs/nlp.md} explains each one and what to
 * do about it.
 */
public enum NlpErrors implements ErrorId {
  /** Bytes that are not valid UTF-8. */
  INVALID_UTF8("NLP-READ-002", "invalid UTF-8"),
  /** A record whose text is empty or only white space. */
  EMPTY_TEXT("NLP-READ-003", "empty text"),
  /** A CSV/TSV row or JSONL line that cannot be parsed, or lacks its text or label. */
  MALFORMED_RECORD("NLP-READ-004", "malformed record"),
  /** The text or label column (or JSON field) named by the options does not exist. */
  MISSING_COLUMN("NLP-READ-005", "missing column"),
  /** A class has no examples (an empty class folder, or a requested class absent from the data). */
  EMPTY_CLASS("NLP-READ-006", "class without examples"),
  /** The input holds no examples at all (or every one was skipped). */
  NO_EXAMPLES("NLP-READ-008", "no examples found"),
  /** A vocabulary file or list is malformed (duplicates, blank tokens, missing special tokens). */
  INVALID_VOCABULARY("NLP-TOKEN-001", "invalid vocabulary"),
  /** A text input spec (manifest or sidecar {@code input}) is missing or inconsistent. */
  INVALID_TEXT_SPEC("NLP-ENCODE-001", "invalid text input spec"),
  /** An unlabelled corpus for word vectors holds too little text. */
  CORPUS_TOO_SMALL("NLP-EMBED-001", "corpus too small");

  private final String code;
  private final String title;

  NlpErrors(String code, String title) {
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
