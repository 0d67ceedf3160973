package dev.graft.nlp.token;

/**
 * The three inputs of a BERT-style model for one sequence, each {@code maxLength} long.
 *
 * @param ids token ids, padded with the {@code [PAD]} id
 * @param mask 1 for real tokens, 0 for padding
 * @param segments 0 for the first segment, 1 for the second
 */
public record BertInputs(int[] ids, int[] mask, int[] segments) {

  /** Copies the arrays. */
  public BertInputs {
    ids = ids.clone();
    mask = mask.clone();
    segments = segments.clone();
  }

  @Override
  public int[] ids() {
    return ids.clone();
  }

  @Override
  public int[] mask() {
    return mask.clone();
  }

  @Override
  public int[] segments() {
    return segments.clone();
  }

  /**
   * The number of real (unpadded) tokens.
   *
   * @return the count of mask ones
   */
  public int length() {
    int n = 0;
    for (int m : mask) {
      n += m;
    }
    return n;
  }
}
