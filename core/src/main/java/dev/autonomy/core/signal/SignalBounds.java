package dev.autonomy.core.signal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What no stored signal may be: dated before {@link #EARLIEST} or more than {@link #AHEAD} after
 * now, lasting longer than {@link #LONGEST}, negative where its kind cannot be, or of a magnitude
 * beyond {@link #LARGEST}. A record dated 9999 or 0001, or worth 1e308, is not data that is a little
 * off: kept, it would make every day between it and the rest a day of the person's history. Values
 * that are merely implausible (100,000 steps in an hour) are imported and set aside by cleaning,
 * which the quality report lists.
 */
public final class SignalBounds {
  /** Nothing a person brings is older than this (wearables and banking exports start later). */
  public static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
  /** How far ahead of now a record may be dated (time zones, clocks a little off). */
  public static final Duration AHEAD = Duration.ofDays(1);
  /** The longest one record may last (a long trip). */
  public static final Duration LONGEST = Duration.ofDays(62);
  /** The largest magnitude of any value (money in any currency included). */
  public static final double LARGEST = 1e12;

  /**
   * No record is dated after this, whatever the clock: what reads stored signals without a clock
   * (the cleaner, the moment series) drops a record outside {@link #EARLIEST}..LATEST or longer
   * than {@link #LONGEST}, stored before imports checked dates.
   */
  public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  private SignalBounds() {}

  /** Whether a stored record's dates lie within any person's history (see {@link #LATEST}). */
  public static boolean datedWithinHistory(Signal s) {
    return !s.start().isBefore(EARLIEST) && !s.end().isAfter(LATEST)
        && Duration.between(s.start(), s.end()).compareTo(LONGEST) <= 0;
  }

  /** What is out of bounds in {@code s}, naming the field, or empty when it is within them. */
  public static Optional<String> problem(Signal s, Instant now) {
    Instant latest = now.plus(AHEAD);
    if (s.start().isBefore(EARLIEST)) {
      return Optional.of("field 'start': " + s.start() + " is before " + EARLIEST.toString().substring(0, 10));
    }
    if (s.start().isAfter(latest) || s.end().isAfter(latest)) {
      Instant when = s.start().isAfter(latest) ? s.start() : s.end();
      return Optional.of("field '" + (s.start().isAfter(latest) ? "start" : "end") + "': " + when
          + " is more than a day after now (" + now + ")");
    }
    if (Duration.between(s.start(), s.end()).compareTo(LONGEST) > 0) {
      return Optional.of("field 'end': the record lasts from " + s.start() + " to " + s.end() + ", more than "
          + LONGEST.toDays() + " days");
    }
    if (Math.abs(s.value()) > LARGEST) {
      return Optional.of("field 'value': " + s.value() + " " + s.unit() + " is beyond " + LARGEST);
    }
    if (s.value() < 0 && !canBeNegative(s.kind())) {
      return Optional.of("field 'value': " + s.kind().code() + " cannot be negative, was " + s.value());
    }
    return Optional.empty();
  }

  /** Whether a value of {@code kind} may be negative (money going out, temperatures). */
  public static boolean canBeNegative(SignalKind kind) {
    return kind == SignalKind.TRANSACTION || kind == SignalKind.TEMPERATURE;
  }
}
