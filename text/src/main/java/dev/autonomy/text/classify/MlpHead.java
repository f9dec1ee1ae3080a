package dev.autonomy.text.classify;

/** One hidden ReLU layer: softmax(W2 relu(W1 z + b1) + b2) on the standardised embedding z. */
record MlpHead(
    double[] mean, double[] scale, double[][] w1, double[] b1, double[][] w2, double[] b2)
    implements Head {
  public MlpHead {
    if (mean.length != scale.length || w1.length != b1.length || w1[0].length != mean.length
        || w2.length != b2.length || w2.length < 2 || w2[0].length != b1.length) {
      throw new IllegalArgumentException(
          "mlp head shapes disagree: input " + mean.length + ", w1 " + w1.length + "x" + w1[0].length
              + ", w2 " + w2.length + "x" + w2[0].length);
    }
  }

  @Override
  public String kind() {
    return "mlp";
  }

  @Override
  public int inputDimension() {
    return mean.length;
  }

  @Override
  public int classes() {
    return b2.length;
  }

  public int hidden() {
    return b1.length;
  }

  @Override
  public double[] logits(float[] x) {
    double[] z = Head.standardise(x, mean, scale);
    double[] h = new double[b1.length];
    for (int i = 0; i < h.length; i++) {
      double s = b1[i];
      double[] w = w1[i];
      for (int j = 0; j < z.length; j++) {
        s += w[j] * z[j];
      }
      h[i] = Math.max(0, s);
    }
    double[] logits = new double[b2.length];
    for (int c = 0; c < b2.length; c++) {
      double s = b2[c];
      double[] w = w2[c];
      for (int i = 0; i < h.length; i++) {
        s += w[i] * h[i];
      }
      logits[c] = s;
    }
    return logits;
  }
}
