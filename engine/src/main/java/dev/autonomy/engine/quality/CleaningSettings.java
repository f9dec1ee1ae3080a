package dev.autonomy.engine.quality;

import dev.autonomy.core.Requires;
import dev.autonomy.core.signal.SignalKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * Settings of the {@link Cleaner}.
 *
 * @param hampelHalfWindow days either side of a day in the Hampel window (7: a centred 15-day window)
 * @param hampelThreshold how many scaled MADs from the rolling median make an outlier (3)
 * @param imputeWeeks how many previous weeks the weekday median for imputation looks at (4)
 * @param imputedKinds the daily series filled in where missing (those the features use)
 * @param zeroStepsIsNonWear whether a day with 0 steps means the device was not worn
 */
public record CleaningSettings(
    int hampelHalfWindow,
    double hampelThreshold,
    int imputeWeeks,
    Set<SignalKind> imputedKinds,
    boolean zeroStepsIsNonWear) {
  public CleaningSettings {
    Requires.positive(hampelHalfWindow, "hampelHalfWindow");
    if (!(hampelThreshold > 0) || Double.isInfinite(hampelThreshold)) {
      throw new IllegalArgumentException("hampelThreshold must be > 0, was " + hampelThreshold);
    }
    Requires.positive(imputeWeeks, "imputeWeeks");
    imputedKinds = Set.copyOf(imputedKinds);
  }

  /** A centred 15-day Hampel window at 3 MADs, weekday-median imputation over 4 weeks. */
  public static CleaningSettings defaults() {
    return new CleaningSettings(
        7,
        3.0,
        4,
        EnumSet.of(
            SignalKind.STEPS, SignalKind.ACTIVE_MINUTES, SignalKind.SEDENTARY_MINUTES,
            SignalKind.DISTANCE, SignalKind.SLEEP),
        true);
  }
}
