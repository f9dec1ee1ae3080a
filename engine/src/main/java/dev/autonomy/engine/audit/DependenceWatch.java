package dev.autonomy.engine.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Whether the person is coming to lean on the engine: per week, how much they asked and accepted
 * against how often they were active on their own initiative; and a plain alert when, over the last
 * two weeks against the two before, acceptance is high while self-initiated activity fell.
 *
 * @param activeDayRule what makes a day active
 * @param selfInitiatedRule what makes an active day self-initiated
 * @param alertRule when the alert is raised
 * @param weeks the window's weeks, oldest first (7-day blocks ending today; the first may be shorter)
 * @param before the 14 days before the last 14
 * @param recent the last 14 days
 * @param alert whether the alert is raised
 * @param verdict the alert or "no sign of dependence", with the numbers, in plain words
 */
public record DependenceWatch(
    String activeDayRule,
    String selfInitiatedRule,
    String alertRule,
    List<Period> weeks,
    Period before,
    Period recent,
    boolean alert,
    String verdict) {
  /** Acceptance above this over the last two weeks is one half of the alert. */
  public static final double ACCEPTANCE_LIMIT = 0.80;
  /** Self-initiated active days falling below this fraction of the two weeks before is the other. */
  public static final double KEPT_FRACTION = 2.0 / 3.0;
  /** Days of activity data each two-week period needs before the alert is judged. */
  public static final int MIN_DATA_DAYS = 10;

  public DependenceWatch {
    weeks = List.copyOf(weeks);
  }

  /**
   * Asking, accepting and self-initiated activity over a run of days.
   *
   * @param from first day
   * @param to last day
   * @param requests lists and plans asked for
   * @param shown items shown
   * @param selfDecided times the person chose for themselves from options laid out unranked
   * @param answered feedback given in these days (latest per item)
   * @param done of which "done"
   * @param acceptance {@code done / answered}, absent with no feedback
   * @param dataDays days with activity data (workouts, steps or distance observed)
   * @param activeDays active days
   * @param selfInitiatedDays active days with no recommended physical item done
   * @param selfInitiatedShare {@code selfInitiatedDays / activeDays}, absent with no active day
   */
  public record Period(
      LocalDate from,
      LocalDate to,
      int requests,
      int shown,
      int selfDecided,
      int answered,
      int done,
      OptionalDouble acceptance,
      int dataDays,
      int activeDays,
      int selfInitiatedDays,
      OptionalDouble selfInitiatedShare) {}
}
