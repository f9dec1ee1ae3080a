package dev.autonomy.bandit.ope;

/**
 * One estimator's value with its percentile bootstrap interval.
 *
 * @param value the estimate on the whole log
 * @param low lower end of the interval
 * @param high upper end of the interval
 */
public record Estimate(Estimator estimator, double value, double low, double high) {
  public Estimate {
    if (estimator == null) {
      throw new IllegalArgumentException("estimator must not be null");
    }
    if (!(low <= high)) {
      throw new IllegalArgumentException(estimator.code() + ": interval low " + low + " must not exceed high " + high);
    }
  }

  public double width() {
    return high - low;
  }

  public boolean covers(double truth) {
    return low <= truth && truth <= high;
  }
}
