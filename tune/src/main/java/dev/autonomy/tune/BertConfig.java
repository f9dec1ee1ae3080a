package dev.autonomy.tune;

/**
 * The shape of a BERT encoder.
 *
 * @param vocab tokens in the vocabulary
 * @param hidden width of every layer
 * @param layers transformer layers
 * @param heads attention heads per layer; divides {@code hidden}
 * @param intermediate width of the feed-forward block
 * @param positions longest input in tokens
 */
public record BertConfig(int vocab, int hidden, int layers, int heads, int intermediate, int positions) {
  /** BERT's LayerNorm epsilon. */
  static final float EPS = 1e-12f;

  /** sentence-transformers all-MiniLM-L6-v2. */
  public static final BertConfig MINILM = new BertConfig(30_522, 384, 6, 12, 1_536, 512);

  public BertConfig {
    if (vocab < 2 || hidden < 1 || layers < 1 || heads < 1 || intermediate < 1 || positions < 2
        || hidden % heads != 0) {
      throw new IllegalArgumentException(
          "BERT config needs vocab >= 2, positive sizes and heads dividing hidden, was " + vocab + ", "
              + hidden + ", " + layers + ", " + heads + ", " + intermediate + ", " + positions);
    }
  }
}
