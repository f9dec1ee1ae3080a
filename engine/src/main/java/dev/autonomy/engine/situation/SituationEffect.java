package dev.autonomy.engine.situation;

import dev.autonomy.core.desire.DesireType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What one situation (a stated key's value, e.g. weather=rain) did to one desire in the person's
 * history: the days that had it against the other days on which the history knows the key, same
 * weekday compared ({@link WeekdayContrast}).
 *
 * @param key the stated key ("weather")
 * @param value its value in the history's words ("rain")
 * @param desire the desire whose implicit label was compared
 * @param contrast label on the days with the value minus the other days (0..1 scale)
 * @param standardError the contrast's standard error
 * @param days the days with the value that had a label, oldest first
 * @param otherDays how many other days with the key known had a label
 * @param raw the same contrast in the label's main measurement (steps, sleep minutes...), if any
 */
public record SituationEffect(
    String key,
    String value,
    DesireType desire,
    double contrast,
    double standardError,
    List<LocalDate> days,
    int otherDays,
    Optional<Raw> raw) {
  /** Days needed on each side before an effect can be told apart from noise. */
  public static final int MIN_DAYS = 5;
  /** How many standard errors the contrast must clear to count as shown (about 95%). */
  public static final double Z = 1.96;

  /** A contrast in a measurement's own units ("steps", -2430), with its standard error. */
  public record Raw(String words, double contrast, double standardError) {
    /** Whether the measurement alone shows the contrast clear of its noise. */
    public boolean clear() {
      return Double.isFinite(standardError) && Math.abs(contrast) > Z * standardError;
    }
  }

  public SituationEffect {
    days = List.copyOf(days);
  }

  /**
   * Whether the history shows the effect: enough days on both sides, and a contrast clear of its
   * noise, either on the desire's 0..1 label or on the label's main measurement with the same sign.
   * The measurement counts because it is the same behaviour with less noise: a label that averages
   * steps with workout minutes swings with every workout, so rain that costs a person 2,500 steps
   * a day can be plain in their steps long before it clears that swing.
   */
  public boolean shown() {
    if (days.size() < MIN_DAYS || otherDays < MIN_DAYS) {
      return false;
    }
    boolean labelClear = Double.isFinite(standardError) && Math.abs(contrast) > Z * standardError;
    boolean rawClear = raw.filter(r -> r.clear() && Math.signum(r.contrast()) == Math.signum(contrast)).isPresent();
    return labelClear || rawClear;
  }

  /** The share of the days with the key known that had this value. */
  public double share() {
    int all = days.size() + otherDays;
    return all == 0 ? 0.0 : days.size() / (double) all;
  }

  /**
   * What stating the value moves the desire by against the person's usual day: a usual day mixes
   * days with and without the value in the share the history had them, so only the rest of the
   * contrast is the value's own.
   */
  public double shift() {
    return contrast * (1 - share());
  }

  /** The 95% interval of the contrast. */
  public double low() {
    return contrast - Z * standardError;
  }

  public double high() {
    return contrast + Z * standardError;
  }
}
