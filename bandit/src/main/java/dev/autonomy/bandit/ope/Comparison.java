package dev.autonomy.bandit.ope;

/**
 * Two target policies compared on the same log with a paired bootstrap: both are estimated on the
 * same resamples, so what the log happens to hold cancels out of the difference.
 *
 * @param a the first policy's estimate
 * @param b the second policy's estimate
 * @param difference {@code a - b} on the whole log
 * @param low lower end of the interval of the difference
 * @param high upper end of the interval of the difference
 */
public record Comparison(Estimator estimator, double a, double b, double difference, double low, double high) {
  /** What the interval allows one to say. */
  public enum Verdict {
    A_BETTER,
    B_BETTER,
    /** The interval of the difference contains 0: the log cannot tell the two apart. */
    CANNOT_TELL;

    public String text() {
      return switch (this) {
        case A_BETTER -> "first is better";
        case B_BETTER -> "second is better";
        case CANNOT_TELL -> "cannot tell";
      };
    }
  }

  public Verdict verdict() {
    if (low > 0) {
      return Verdict.A_BETTER;
    }
    if (high < 0) {
      return Verdict.B_BETTER;
    }
    return Verdict.CANNOT_TELL;
  }

  public double width() {
    return high - low;
  }
}
