package dev.autonomy.text.classify;

/**
 * A classifier on top of embeddings: class probabilities for one vector. Heads are immutable and
 * standardise their input with the training set's mean and scale, which they carry. A {@link
 * WideHead} also reads the text's n-grams and must be called with the text.
 */
public sealed interface Head permits LogisticHead, MlpHead, WideHead {
  /** "logreg" or "mlp". */
  String kind();

  int inputDimension();

  int classes();

  /** Unnormalised class scores for one embedding. */
  double[] logits(float[] x);

  /** Softmax probabilities, one per class, summing to 1. */
  default double[] probabilities(float[] x) {
    return softmax(logits(x));
  }

  /**
   * Probabilities for an embedding and the text it was made from; heads that read only the
   * embedding ignore the text.
   */
  default double[] probabilities(float[] x, String text) {
    return probabilities(x);
  }

  /** Whether {@link #probabilities(float[], String)} needs the text. */
  default boolean readsText() {
    return false;
  }

  /** (x - mean) / scale. */
  /**
   * {@code sum_j w[off + j] * x[j]} for {@code j < n}, with four partial sums: the JIT does not
   * vectorise a single floating-point sum (its order is fixed), and the four independent chains
   * keep the multipliers busy. The head's forward pass is most of its training time.
   */
  static double dot(double[] w, int off, double[] x, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j + 3 < n; j += 4) {
      s0 += w[off + j] * x[j];
      s1 += w[off + j + 1] * x[j + 1];
      s2 += w[off + j + 2] * x[j + 2];
      s3 += w[off + j + 3] * x[j + 3];
    }
    for (; j < n; j++) {
      s0 += w[off + j] * x[j];
    }
    return (s0 + s1) + (s2 + s3);
  }

  static double[] standardise(float[] x, double[] mean, double[] scale) {
    if (x.length != mean.length) {
      throw new IllegalArgumentException(
          "embedding has " + x.length + " dimensions, the head expects " + mean.length);
    }
    double[] z = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      z[j] = (x[j] - mean[j]) / scale[j];
    }
    return z;
  }

  static double[] softmax(double[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : logits) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] p = new double[logits.length];
    for (int c = 0; c < logits.length; c++) {
      p[c] = Math.exp(logits[c] - max);
      sum += p[c];
    }
    for (int c = 0; c < p.length; c++) {
      p[c] /= sum;
    }
    return p;
  }
}
