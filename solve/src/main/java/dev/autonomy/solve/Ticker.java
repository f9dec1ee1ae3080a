package dev.autonomy.solve;

/** A source of monotonic nanoseconds, passed in so that tests and callers own time. */
@FunctionalInterface
public interface Ticker {
  long nanos();

  /** {@link System#nanoTime()}. */
  static Ticker system() {
    return System::nanoTime;
  }
}
