package dev.autonomy.core.signal;

/**
 * Where a workout took place, as a {@link SignalKind#WORKOUT} signal's {@link Signal#text()}
 * records it: "indoor", "outdoor", or "" when the source does not say. Kept in the text rather
 * than the category so that the category stays the activity (running, cycling...) the planner
 * and the cleaner group by.
 */
public enum WorkoutPlace {
  INDOOR("indoor"),
  OUTDOOR("outdoor"),
  UNKNOWN("");

  private final String code;

  WorkoutPlace(String code) {
    this.code = code;
  }

  /** The text a workout signal carries: "indoor", "outdoor" or "". */
  public String code() {
    return code;
  }

  /**
   * The place a workout signal records. Text other than the two codes is {@link #UNKNOWN}, not an
   * error: signals stored before importers recorded the place, or written by hand, may carry
   * anything, and one odd row must not stop the engine learning from the rest.
   *
   * @throws IllegalArgumentException when {@code workout} is null or not a WORKOUT signal
   */
  public static WorkoutPlace of(Signal workout) {
    if (workout == null) {
      throw new IllegalArgumentException("workout must not be null");
    }
    if (workout.kind() != SignalKind.WORKOUT) {
      throw new IllegalArgumentException(
          "workout must be a " + SignalKind.WORKOUT.code() + " signal, was " + workout.kind().code());
    }
    String text = workout.text();
    if (text.equals(INDOOR.code)) {
      return INDOOR;
    }
    return text.equals(OUTDOOR.code) ? OUTDOOR : UNKNOWN;
  }
}
