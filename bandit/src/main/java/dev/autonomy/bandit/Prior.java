package dev.autonomy.bandit;

import java.util.Arrays;

/**
 * Where a learned policy starts: the hand weights as the mean of its coefficients, held with a
 * precision worth {@code precision} observations of a unit feature. Before any feedback the learned
 * model's mean is exactly {@code mean}, so it ranks as the fixed ranker does; it moves away only as
 * far as the feedback outweighs the prior.
 *
 * @param mean the prior mean of the coefficients (the fixed ranker's weights)
 * @param precision lambda: the ridge penalty pulling the coefficients to {@code mean}; larger keeps
 *     the hand weights longer
 */
public record Prior(double[] mean, double precision) {
  public Prior {
    if (mean == null || mean.length == 0) {
      throw new IllegalArgumentException("prior mean must have at least one weight");
    }
    mean = mean.clone();
    for (int i = 0; i < mean.length; i++) {
      if (!Double.isFinite(mean[i])) {
        throw new IllegalArgumentException("prior mean[" + i + "] must be finite, was " + mean[i]);
      }
    }
    if (!(precision > 0) || Double.isInfinite(precision)) {
      throw new IllegalArgumentException("prior precision (lambda) must be a finite number > 0, was " + precision);
    }
  }

  /** A copy of the mean. */
  @Override
  public double[] mean() {
    return mean.clone();
  }

  public int dimension() {
    return mean.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Prior p && Arrays.equals(mean, p.mean) && Double.compare(precision, p.precision) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Double.hashCode(precision);
  }

  @Override
  public String toString() {
    return "Prior[mean=" + Arrays.toString(mean) + ", precision=" + precision + "]";
  }
}
