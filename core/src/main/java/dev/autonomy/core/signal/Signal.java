package dev.autonomy.core.signal;

import dev.autonomy.core.Requires;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One observation about the person: a value of a kind over an interval, in the kind's canonical
 * unit, with the time zone it was recorded in and where it came from.
 *
 * @param kind what is measured
 * @param start when the interval starts (an instant; equal to {@code end} for point samples)
 * @param end when it ends, never before {@code start}
 * @param zone the zone the person was in; local dates and hours are derived with it
 * @param value the value in {@code unit}
 * @param unit the canonical unit of {@code kind}, or the currency code for money
 * @param category a sub-type: workout activity, sleep stage, purchase category; "" when none
 * @param text free text for notes and descriptions; "" when none
 * @param provenance where it came from
 */
public record Signal(
    SignalKind kind,
    Instant start,
    Instant end,
    ZoneId zone,
    double value,
    String unit,
    String category,
    String text,
    Provenance provenance) {

  public Signal {
    Requires.nonNull(kind, "kind");
    Requires.nonNull(start, "start");
    Requires.nonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("end " + end + " is before start " + start);
    }
    Requires.nonNull(zone, "zone");
    Requires.finite(value, "value");
    Requires.nonBlank(unit, "unit");
    if (!kind.isMoney() && !unit.equals(kind.canonicalUnit())) {
      throw new IllegalArgumentException(
          "unit of " + kind.code() + " must be " + kind.canonicalUnit() + ", was " + unit);
    }
    category = category == null ? "" : category;
    text = text == null ? "" : text;
    Requires.nonNull(provenance, "provenance");
  }

  /**
   * The key that makes re-imports idempotent: the same observation from the same device is the
   * same row whatever file it arrived in. The text enters whole, with its length (the vault hashes
   * the key with 128 bits; a 32-bit hash of the text let "Aa" and "BB" collide); an empty text is
   * "0", as in vaults keyed before, so their rows without text keep their keys. A workout's text
   * (where it took place) describes the workout and is not part of what it is: an export imported
   * before places were read, and again after, stays one workout.
   */
  public String naturalKey() {
    String identifying = kind == SignalKind.WORKOUT ? "" : text;
    return kind.code() + '|' + start + '|' + end + '|' + value + '|' + unit + '|' + category + '|'
        + provenance.device() + '|' + (identifying.isEmpty() ? "0" : identifying.length() + ":" + identifying);
  }

  /**
   * The natural key of the {@code occurrence}-th identical record of a file (1 for the first):
   * for kinds whose repeats are distinct events ({@link SignalKind#repeatsAreDistinct}) the second
   * coffee of a morning is a second row, and a re-import of the same file numbers them the same.
   */
  public String naturalKey(int occurrence) {
    if (occurrence < 1) {
      throw new IllegalArgumentException("occurrence must be >= 1, was " + occurrence);
    }
    return occurrence == 1 ? naturalKey() : naturalKey() + '#' + occurrence;
  }
}
