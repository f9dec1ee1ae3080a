package dev.autonomy.engine.quality;

import dev.autonomy.core.signal.SignalKind;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Cleaned daily values per kind and local date (each signal's own zone), each marked observed,
 * imputed or missing. Dates outside a kind's observed span are missing. Immutable.
 */
public final class DailyTable {
  private final Map<SignalKind, NavigableMap<LocalDate, DailyValue>> byKind;

  public DailyTable(Map<SignalKind, ? extends Map<LocalDate, DailyValue>> byKind) {
    EnumMap<SignalKind, NavigableMap<LocalDate, DailyValue>> copy = new EnumMap<>(SignalKind.class);
    byKind.forEach(
        (kind, days) -> {
          if (!days.isEmpty()) {
            copy.put(kind, Collections.unmodifiableNavigableMap(new TreeMap<>(days)));
          }
        });
    this.byKind = Collections.unmodifiableMap(copy);
  }

  public static DailyTable empty() {
    return new DailyTable(Map.of());
  }

  public Set<SignalKind> kinds() {
    return byKind.keySet();
  }

  /** The day's value, or {@link DailyValue#missing()}. */
  public DailyValue get(SignalKind kind, LocalDate date) {
    NavigableMap<LocalDate, DailyValue> days = byKind.get(kind);
    DailyValue v = days == null ? null : days.get(date);
    return v == null ? DailyValue.missing() : v;
  }

  /** The value when observed or imputed. */
  public Optional<Double> value(SignalKind kind, LocalDate date) {
    DailyValue v = get(kind, date);
    return v.isKnown() ? Optional.of(v.value()) : Optional.empty();
  }

  /** The value only when observed (labels use this: imputed days never become training targets). */
  public Optional<Double> observed(SignalKind kind, LocalDate date) {
    DailyValue v = get(kind, date);
    return v.status() == DayStatus.OBSERVED ? Optional.of(v.value()) : Optional.empty();
  }

  /** All days of a kind within its span, in date order. */
  public NavigableMap<LocalDate, DailyValue> series(SignalKind kind) {
    return byKind.getOrDefault(kind, Collections.emptyNavigableMap());
  }

  /** First date with any kind's data. */
  public Optional<LocalDate> firstDate() {
    return byKind.values().stream().map(NavigableMap::firstKey).min(LocalDate::compareTo);
  }

  /** Last date with any kind's data. */
  public Optional<LocalDate> lastDate() {
    return byKind.values().stream().map(NavigableMap::lastKey).max(LocalDate::compareTo);
  }

  /** A copy holding only the days up to {@code last}, inclusive (what was known by then). */
  public DailyTable until(LocalDate last) {
    EnumMap<SignalKind, NavigableMap<LocalDate, DailyValue>> copy = new EnumMap<>(SignalKind.class);
    byKind.forEach((k, v) -> copy.put(k, new TreeMap<>(v.headMap(last, true))));
    return new DailyTable(copy);
  }

  /**
   * A copy holding only the days from {@code first} on, inclusive: a history that starts there (a
   * new person's first days, in benchmarks). Kinds with no day left are dropped.
   */
  public DailyTable since(LocalDate first) {
    EnumMap<SignalKind, NavigableMap<LocalDate, DailyValue>> copy = new EnumMap<>(SignalKind.class);
    byKind.forEach((k, v) -> {
      NavigableMap<LocalDate, DailyValue> kept = v.tailMap(first, true);
      if (!kept.isEmpty()) {
        copy.put(k, new TreeMap<>(kept));
      }
    });
    return new DailyTable(copy);
  }

  /** A copy with one day of one kind replaced (what-if analyses and tests). */
  public DailyTable with(SignalKind kind, LocalDate date, DailyValue value) {
    EnumMap<SignalKind, NavigableMap<LocalDate, DailyValue>> copy = new EnumMap<>(SignalKind.class);
    byKind.forEach((k, v) -> copy.put(k, new TreeMap<>(v)));
    copy.computeIfAbsent(kind, k -> new TreeMap<>()).put(date, value);
    return new DailyTable(copy);
  }
}
