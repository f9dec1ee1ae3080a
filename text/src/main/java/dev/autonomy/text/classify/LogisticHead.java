package dev.autonomy.text.classify;

/** Multinomial logistic regression: softmax(W z + b) on the standardised embedding z. */
record LogisticHead(double[] mean, double[] scale, double[][] weights, double[] bias)
    implements Head {
  public LogisticHead {
    if (mean.length != scale.length || weights.length != bias.length || weights.length < 2
        || weights[0].length != mean.length) {
      throw new IllegalArgumentException(
          "logistic head shapes disagree: mean " + mean.length + ", scale " + scale.length
              + ", weights " + weights.length + "x" + (weights.length == 0 ? 0 : weights[0].length)
              + ", bias " + bias.length);
    }
  }

  @Override
  public String kind() {
    return "logreg";
  }

  @Override
  public int inputDimension() {
    return mean.length;
  }

  @Override
  public int classes() {
    return bias.length;
  }

  @Override
  public double[] logits(float[] x) {
    return logits(Head.standardise(x, mean, scale));
  }

  double[] logits(double[] z) {
    double[] out = new double[bias.length];
    for (int c = 0; c < bias.length; c++) {
      out[c] = bias[c] + Head.dot(weights[c], 0, z, z.length);
    }
    return out;
  }
}
