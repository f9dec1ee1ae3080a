package dev.autonomy.plan.week;

import dev.autonomy.core.Requires;

/**
 * A training session that could be placed on a day.
 *
 * @param id stable id ("run-easy-30")
 * @param name for people ("Easy run, 30 min")
 * @param outdoor whether it happens outdoors
 * @param minutes how long it takes, > 0
 * @param effort perceived effort 1..10
 * @param category what kind ("run", "swim", "strength")
 */
public record SessionCandidate(String id, String name, boolean outdoor, int minutes, int effort, String category) {
  /** Effort at or above this makes a hard day. */
  public static final int HARD_EFFORT = 7;

  public SessionCandidate {
    Requires.nonBlank(id, "id");
    Requires.nonBlank(name, "name");
    Requires.positive(minutes, "minutes");
    if (effort < 1 || effort > 10) {
      throw new IllegalArgumentException("effort must be in [1, 10], was " + effort);
    }
    Requires.nonBlank(category, "category");
  }

  /** Training load in session-RPE units: minutes x effort. */
  public double load() {
    return (double) minutes * effort;
  }

  boolean hard() {
    return effort >= HARD_EFFORT;
  }
}
