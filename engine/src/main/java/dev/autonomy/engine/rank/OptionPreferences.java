package dev.autonomy.engine.rank;

import java.util.HashMap;
import java.util.Map;

/**
 * What the person's feedback says about each option: a shrunk mean of satisfaction, starting from a
 * neutral prior worth {@link #PRIOR_WEIGHT} observations so one rating moves it but does not decide
 * it. Immutable; {@link #plus} returns the updated preferences (online learning).
 */
public final class OptionPreferences {
  public static final double PRIOR = 0.5;
  public static final double PRIOR_WEIGHT = 2.0;

  private final Map<String, Stats> byOption;

  private OptionPreferences(Map<String, Stats> byOption) {
    this.byOption = Map.copyOf(byOption);
  }

  public static OptionPreferences none() {
    return new OptionPreferences(Map.of());
  }

  public static OptionPreferences of(Iterable<OptionFeedback> feedback) {
    OptionPreferences p = none();
    Map<String, Stats> map = new HashMap<>();
    for (OptionFeedback f : feedback) {
      map.merge(f.optionId(), new Stats(1, f.satisfaction()), Stats::plus);
    }
    return new OptionPreferences(map);
  }

  public OptionPreferences plus(OptionFeedback f) {
    Map<String, Stats> map = new HashMap<>(byOption);
    map.merge(f.optionId(), new Stats(1, f.satisfaction()), Stats::plus);
    return new OptionPreferences(map);
  }

  /** The preference for an option, 0..1; {@link #PRIOR} when the person never gave feedback on it. */
  public double preference(String optionId) {
    Stats s = byOption.get(optionId);
    if (s == null) {
      return PRIOR;
    }
    return (PRIOR * PRIOR_WEIGHT + s.sum) / (PRIOR_WEIGHT + s.count);
  }

  /** How many pieces of feedback the person gave on an option. */
  public int count(String optionId) {
    Stats s = byOption.get(optionId);
    return s == null ? 0 : s.count;
  }

  /** Mean satisfaction of the raw feedback (no prior), or NaN when none. */
  public double observedMean(String optionId) {
    Stats s = byOption.get(optionId);
    return s == null ? Double.NaN : s.sum / s.count;
  }

  private record Stats(int count, double sum) {
    Stats plus(Stats other) {
      return new Stats(count + other.count, sum + other.sum);
    }
  }
}
