package dev.autonomy.engine.quality;

import dev.autonomy.core.Requires;

/**
 * One kind's value on one local date.
 *
 * @param value the daily total (or mean, see {@link DailyRule}); 0 when missing
 * @param status observed, imputed or missing
 * @param outlier whether the Hampel filter flagged the observed value (it is kept, only flagged)
 */
public record DailyValue(double value, DayStatus status, boolean outlier) {
  public DailyValue {
    Requires.finite(value, "value");
    Requires.nonNull(status, "status");
    if (status != DayStatus.OBSERVED && outlier) {
      throw new IllegalArgumentException("only observed values can be outliers, status was " + status);
    }
  }

  public static DailyValue missing() {
    return new DailyValue(0.0, DayStatus.MISSING, false);
  }

  public boolean isKnown() {
    return status != DayStatus.MISSING;
  }
}
