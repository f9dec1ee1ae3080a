package dev.autonomy.engine.audit;

import java.util.OptionalDouble;

/**
 * What the person did with what was shown in the window (the latest feedback on each item counts).
 *
 * @param shown items shown, ranked and plan
 * @param withFeedback of those, items that got feedback
 * @param feedbackRate {@code withFeedback / shown}
 * @param done feedback "done"
 * @param skipped feedback "skipped"
 * @param ratings feedback that carried a rating
 * @param meanRating their mean (absent without ratings)
 * @param exploration done-rates of exploration picks against score-ranked picks
 * @param policyValue plain against inverse-propensity-weighted done-rate of the logging policy
 */
public record Outcomes(
    int shown,
    int withFeedback,
    double feedbackRate,
    int done,
    int skipped,
    int ratings,
    OptionalDouble meanRating,
    ExplorationOutcome exploration,
    PolicyValue policyValue) {

  /** Fewer answered items than this in either group and the two done-rates are not compared. */
  public static final int MIN_TO_COMPARE = 10;

  /**
   * A done-rate with the counts behind it.
   *
   * @param answered items with feedback
   * @param done of those, done
   * @param rate {@code done / answered}, absent when nothing was answered
   */
  public record Rate(int answered, int done, OptionalDouble rate) {
    static Rate of(int answered, int done) {
      return new Rate(answered, done, answered == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) done / answered));
    }
  }

  /**
   * Exploration picks against score-ranked picks (ranked items only).
   *
   * @param exploration picks shown to learn
   * @param ranked picks shown for their score
   * @param comparable whether both groups have at least {@link #MIN_TO_COMPARE} answered items
   */
  public record ExplorationOutcome(Rate exploration, Rate ranked, boolean comparable) {}

  /**
   * The logging policy's done-rate, plain and self-normalised inverse-propensity weighted (SNIPS):
   * {@code sum(r/p) / sum(1/p)} over answered ranked items, r = 1 for done. Weighting by 1/p gives
   * each item the weight of all the times the policy would not have shown it, so the weighted rate
   * is the done-rate as if every shown candidate had been equally likely to be shown; a plain rate
   * well above it means the items the policy favours go better than its rare picks.
   *
   * @param answered ranked items with feedback
   * @param plain {@code done / answered}
   * @param weighted the SNIPS estimate
   * @param meaning that sentence, for the person
   */
  public record PolicyValue(int answered, OptionalDouble plain, OptionalDouble weighted, String meaning) {}
}
