package dev.autonomy.engine.moment;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalBounds;
import dev.autonomy.core.signal.SignalKind;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Steps per block of the day (e.g. eight 3-hour blocks), per local date, from timed step records:
 * Fitbit's hourly steps, Apple Health's step samples. Only records of at most an hour count (a
 * daily total says nothing about when in the day); a record belongs to the block of its local
 * start. Where two devices counted the same block (a phone and a watch), the larger count is kept
 * rather than their sum, which would count the same steps twice.
 *
 * <p>A date with no timed record at all is missing, not a day of zero steps: the device was not
 * worn or not synced.
 */
public final class BlockSeries {
  /** The longest record read as intraday. */
  static final Duration MAX_RECORD = Duration.ofMinutes(61);

  private final int blockHours;
  private final NavigableMap<LocalDate, double[]> days;

  private BlockSeries(int blockHours, NavigableMap<LocalDate, double[]> days) {
    this.blockHours = blockHours;
    this.days = Collections.unmodifiableNavigableMap(days);
  }

  /** Blocks of {@code blockHours} (1, 2, 3, 4, 6, 8, 12 or 24) from the step records among {@code signals}. */
  public static BlockSeries of(List<Signal> signals, int blockHours) {
    requireBlockHours(blockHours);
    int blocks = 24 / blockHours;
    Map<LocalDate, Map<String, double[]>> byDevice = new HashMap<>();
    for (Signal s : signals) {
      // Records dated outside any history (see SignalBounds) would stretch the series over decades.
      if (s.kind() != SignalKind.STEPS || !isIntraday(s) || !SignalBounds.datedWithinHistory(s)) {
        continue;
      }
      ZonedDateTime start = s.start().atZone(s.zone());
      double[] perBlock = byDevice.computeIfAbsent(start.toLocalDate(), d -> new HashMap<>())
          .computeIfAbsent(s.provenance().device() + "|" + s.provenance().source(), k -> new double[blocks]);
      perBlock[start.getHour() / blockHours] += Math.max(0, s.value());
    }
    NavigableMap<LocalDate, double[]> days = new TreeMap<>();
    byDevice.forEach((day, devices) -> {
      double[] max = new double[blocks];
      for (double[] counts : devices.values()) {
        for (int b = 0; b < blocks; b++) {
          max[b] = Math.max(max[b], counts[b]);
        }
      }
      days.put(day, max);
    });
    return new BlockSeries(blockHours, days);
  }

  static boolean isIntraday(Signal s) {
    Duration length = Duration.between(s.start(), s.end());
    return !length.isNegative() && length.compareTo(MAX_RECORD) <= 0;
  }

  static void requireBlockHours(int blockHours) {
    if (blockHours < 1 || blockHours > 24 || 24 % blockHours != 0) {
      throw new InvalidInputException(
          "block hours must divide the day (1, 2, 3, 4, 6, 8, 12 or 24), was " + blockHours);
    }
  }

  public int blockHours() {
    return blockHours;
  }

  public int blocksPerDay() {
    return 24 / blockHours;
  }

  public boolean isEmpty() {
    return days.isEmpty();
  }

  /** The dates with timed step records, oldest first. */
  public NavigableMap<LocalDate, double[]> days() {
    return days;
  }

  /** Steps in block {@code b} of {@code day}; empty when the day has no timed records. */
  public Optional<Double> steps(LocalDate day, int b) {
    double[] blocks = days.get(day);
    return blocks == null ? Optional.empty() : Optional.of(blocks[b]);
  }

  public Optional<LocalDate> lastDay() {
    return days.isEmpty() ? Optional.empty() : Optional.of(days.lastKey());
  }

  /** The block a local hour falls in. */
  public int blockOf(int hour) {
    return hour / blockHours;
  }
}
