package dev.autonomy.text.classify;

/**
 * An embedding head plus a linear block on the text's hashed n-grams ("wide and deep"): the
 * class scores are the embedding head's logits plus {@code weights · ngrams(text)}. Needs the
 * text: {@link #probabilities(float[])} alone is refused.
 *
 * @param embedding the head on the embedding
 * @param ngrams the lexical features
 * @param weights one row of {@code ngrams.dims()} weights per class
 */
record WideHead(Head embedding, Ngrams ngrams, double[][] weights) implements Head {
  public WideHead {
    if (embedding instanceof WideHead) {
      throw new IllegalArgumentException("a wide head cannot wrap another wide head");
    }
    if (weights.length != embedding.classes()) {
      throw new IllegalArgumentException(
          "wide head has " + weights.length + " weight rows for " + embedding.classes() + " classes");
    }
    for (double[] row : weights) {
      if (row.length != ngrams.dims()) {
        throw new IllegalArgumentException(
            "wide head weight row has " + row.length + " entries, expected " + ngrams.dims());
      }
    }
  }

  @Override
  public String kind() {
    return embedding.kind();
  }

  @Override
  public int inputDimension() {
    return embedding.inputDimension();
  }

  @Override
  public int classes() {
    return embedding.classes();
  }

  @Override
  public boolean readsText() {
    return true;
  }

  /** Refused: this head needs the text as well. */
  @Override
  public double[] logits(float[] x) {
    throw new IllegalStateException("this head also reads the text's n-grams; call probabilities(embedding, text)");
  }

  @Override
  public double[] probabilities(float[] x, String text) {
    if (text == null) {
      throw new IllegalArgumentException("this head reads the text's n-grams; text must not be null");
    }
    return probabilities(x, ngrams.features(text));
  }

  double[] probabilities(float[] x, SparseVector s) {
    double[] logits = embedding.logits(x);
    for (int c = 0; c < logits.length; c++) {
      double[] w = weights[c];
      double sum = 0;
      for (int k = 0; k < s.size(); k++) {
        sum += w[s.indices()[k]] * s.values()[k];
      }
      logits[c] += sum;
    }
    return Head.softmax(logits);
  }
}
