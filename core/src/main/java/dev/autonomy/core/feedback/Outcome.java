package dev.autonomy.core.feedback;

/** What the person did with a recommendation. */
public enum Outcome {
  DONE,
  SKIPPED
}
