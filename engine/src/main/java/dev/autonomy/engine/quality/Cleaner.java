package dev.autonomy.engine.quality;

import dev.autonomy.core.Requires;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalBounds;
import dev.autonomy.core.signal.SignalKind;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Cleans a person's signals and reports what it found. Immutable; one instance serves any number
 * of people. The steps, per kind:
 *
 * <ol>
 *   <li><b>Impossible values</b>: a signal outside its kind's physical bounds ({@link DailyRule};
 *       heart rate 25..250, sleep episode at most 20 h, body mass 20..400 kg, no negative counts)
 *       is removed. A daily total over the daily cap (more than 1,440 minutes) makes the day
 *       missing.
 *   <li><b>Exact duplicates</b>: signals with the same {@link Signal#naturalKey()} (kind, interval,
 *       value, unit, category, device) are kept once, whichever file they came in; except for kinds
 *       whose repeats are distinct events (purchases, transactions, trips, notes: two coffees), which
 *       the vault has already told apart from a file imported twice.
 *   <li><b>Cross-source duplicates</b>: for additive measured kinds (steps, distance, energy,
 *       minutes, sleep...), when two devices report overlapping intervals on the same local date
 *       (phone and watch counting the same walk), the device with the larger daily total is kept
 *       and the other device's overlapping signals are removed; its signals in hours the kept
 *       device did not cover stay. Within one device, overlapping streams of different
 *       granularity (a daily summary and hourly samples, told apart by category) keep the stream
 *       with the longest intervals, the device's own summary. Sleep "in bed" episodes are dropped on days that have "asleep"
 *       episodes, so time in bed is not added to time asleep.
 *   <li><b>Daily roll-up</b> by the signal's own zone: sums for additive kinds, means for heart rate,
 *       body mass and temperature, counts for notes, the most frequent condition for weather (a tie
 *       to the worse weather). A sleep episode belongs to the date of (its end - 12 h):
 *       the night after that day (a night ending at 07:00 belongs to the evening before).
 *   <li><b>Non-wear</b>: a day with 0 steps is taken as a day the tracker was not worn: steps,
 *       distance, active and sedentary minutes of that day become missing.
 *   <li><b>Gaps</b>: days inside a measured kind's span (first to last observed day) without data.
 *       Event kinds (workouts, money, trips, notes) have no gaps: a day without one is a zero.
 *   <li><b>Outliers</b>: a Hampel filter over observed daily values: a day is flagged when it lies
 *       more than 3 x 1.4826 x MAD from the median of a centred 15-day window (at least 5 observed
 *       days in the window, MAD &gt; 0). Flagged values are kept and marked, not changed. Weather
 *       conditions are categories and are not filtered.
 *   <li><b>Imputation</b> of missing days inside the span, for the kinds the features use: the
 *       median of the same weekday in the previous 4 weeks, else of the previous 28 days (at least
 *       3 values). Imputed days are marked {@link DayStatus#IMPUTED} and never become labels.
 * </ol>
 */
public final class Cleaner {
  private static final double MAD_SCALE = 1.4826;
  private final CleaningSettings settings;

  public Cleaner(CleaningSettings settings) {
    this.settings = Requires.nonNull(settings, "settings");
  }

  public static Cleaner withDefaults() {
    return new Cleaner(CleaningSettings.defaults());
  }

  public CleaningSettings settings() {
    return settings;
  }

  /** The local date a signal counts for (sleep: the evening before it ends). */
  public static LocalDate dateOf(Signal s) {
    if (s.kind() == SignalKind.SLEEP) {
      return s.end().minus(Duration.ofHours(12)).atZone(s.zone()).toLocalDate();
    }
    return s.start().atZone(s.zone()).toLocalDate();
  }

  public CleanResult clean(Iterable<Signal> signals) {
    Requires.nonNull(signals, "signals");
    Map<SignalKind, List<Signal>> byKind = new EnumMap<>(SignalKind.class);
    for (Signal s : signals) {
      byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s);
    }
    List<Signal> kept = new ArrayList<>();
    Map<SignalKind, TreeMap<LocalDate, DailyValue>> tables = new EnumMap<>(SignalKind.class);
    Map<SignalKind, Tally> tallies = new EnumMap<>(SignalKind.class);
    for (Map.Entry<SignalKind, List<Signal>> e : byKind.entrySet()) {
      Tally tally = new Tally(e.getValue().size());
      List<Signal> clean = removeBadAndDuplicates(e.getKey(), e.getValue(), tally);
      kept.addAll(clean);
      tables.put(e.getKey(), rollUp(e.getKey(), clean, tally));
      tallies.put(e.getKey(), tally);
    }
    markNonWear(tables, tallies);
    List<KindQuality> rows = new ArrayList<>();
    for (SignalKind kind : tallies.keySet()) {
      TreeMap<LocalDate, DailyValue> days = tables.get(kind);
      Tally tally = tallies.get(kind);
      fillSpan(kind, days, tally);
      if (kind != SignalKind.WEATHER) {
        flagOutliers(days, tally);
      }
      if (settings.imputedKinds().contains(kind)) {
        impute(days, tally);
      }
      rows.add(tally.toQuality(kind, days, settings));
    }
    kept.sort(Comparator.comparing(Signal::start).thenComparing(s -> s.kind().ordinal()));
    return new CleanResult(kept, new DailyTable(tables), new QualityReport(rows));
  }

  private static final class Tally {
    final long count;
    long exactDuplicates;
    long crossSource;
    long impossible;
    int nonWear;
    int outliers;
    int imputed;
    int gaps;
    int longestGap;
    final Set<String> droppedDevices = new HashSet<>();

    Tally(long count) {
      this.count = count;
    }

    KindQuality toQuality(SignalKind kind, TreeMap<LocalDate, DailyValue> days, CleaningSettings s) {
      int observed = (int) days.values().stream().filter(v -> v.status() == DayStatus.OBSERVED).count();
      LocalDate first = null;
      LocalDate last = null;
      for (Map.Entry<LocalDate, DailyValue> d : days.entrySet()) {
        if (d.getValue().status() == DayStatus.OBSERVED) {
          first = first == null ? d.getKey() : first;
          last = d.getKey();
        }
      }
      int span = first == null ? 0 : (int) (last.toEpochDay() - first.toEpochDay() + 1);
      double coverage = span == 0 ? 0.0 : Math.min(100.0, 100.0 * observed / span);
      List<String> actions = new ArrayList<>();
      DailyRule rule = DailyRule.of(kind);
      if (exactDuplicates > 0) {
        actions.add("removed " + exactDuplicates + " exact duplicates (same interval, value and device)");
      }
      if (crossSource > 0) {
        actions.add("removed " + crossSource + " cross-source duplicates (overlapping intervals: "
            + String.join(", ", new java.util.TreeSet<>(droppedDevices))
            + "; per device the longest-interval stream is kept, across devices the larger daily total)");
      }
      if (impossible > 0) {
        actions.add(String.format(Locale.ROOT,
            "removed %d impossible values (one signal outside %s..%s %s, a day over %s, or dated outside 1990..2100)",
            impossible, fmt(rule.min()), fmt(rule.max()), kind.canonicalUnit(), fmt(rule.dailyMax())));
      }
      if (nonWear > 0) {
        actions.add(nonWear + " days with 0 steps treated as not worn (set missing)");
      }
      if (gaps > 0) {
        actions.add(gaps + " gaps of missing days, the longest " + longestGap + " days");
      }
      if (outliers > 0) {
        actions.add("flagged " + outliers + " outlier days (Hampel, centred " + (2 * s.hampelHalfWindow() + 1)
            + "-day window, " + fmt(s.hampelThreshold()) + " x 1.4826 x MAD), values kept");
      }
      if (imputed > 0) {
        actions.add("imputed " + imputed + " missing days (median of the same weekday over the previous "
            + s.imputeWeeks() + " weeks), marked imputed");
      }
      return new KindQuality(kind.code(), count, observed, Math.round(coverage * 10) / 10.0, first, last,
          gaps, longestGap, exactDuplicates + crossSource, impossible, nonWear, outliers, imputed, actions);
    }

    private static String fmt(double v) {
      if (Double.isInfinite(v)) {
        return v > 0 ? "inf" : "-inf";
      }
      return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
  }

  private static List<Signal> removeBadAndDuplicates(SignalKind kind, List<Signal> signals, Tally tally) {
    DailyRule rule = DailyRule.of(kind);
    Map<String, Signal> unique = new LinkedHashMap<>();
    List<Signal> result = new ArrayList<>();
    for (Signal s : signals) {
      boolean tooLong = kind == SignalKind.SLEEP
          && Duration.between(s.start(), s.end()).toMinutes() > rule.max();
      // A record dated outside any person's history (imported before imports checked dates)
      // would stretch the table over every day between it and the rest.
      if (!rule.allows(s.value()) || tooLong || !SignalBounds.datedWithinHistory(s)) {
        tally.impossible++;
      } else if (kind.repeatsAreDistinct()) {
        // The vault already told repeats in one file (two coffees) from the same file imported twice.
        result.add(s);
      } else if (unique.putIfAbsent(s.naturalKey(), s) == null) {
        result.add(s);
      } else {
        tally.exactDuplicates++;
      }
    }
    if (!rule.additive() || rule.event()) {
      return result;
    }
    if (kind == SignalKind.SLEEP) {
      result = dropInBedWhereAsleep(result, tally);
    }
    return dropCrossSource(result, tally);
  }

  private static boolean inBed(Signal s) {
    String c = s.category().toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "");
    return c.contains("inbed");
  }

  private static List<Signal> dropInBedWhereAsleep(List<Signal> sleep, Tally tally) {
    Set<LocalDate> asleepDays = new HashSet<>();
    for (Signal s : sleep) {
      if (!inBed(s)) {
        asleepDays.add(dateOf(s));
      }
    }
    List<Signal> out = new ArrayList<>();
    for (Signal s : sleep) {
      if (inBed(s) && asleepDays.contains(dateOf(s))) {
        tally.exactDuplicates++;
      } else {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean overlaps(Signal a, Signal b) {
    if (a.start().equals(a.end()) || b.start().equals(b.end())) {
      return !a.start().isAfter(b.end()) && !b.start().isAfter(a.end());
    }
    return a.start().isBefore(b.end()) && b.start().isBefore(a.end());
  }

  private static List<Signal> dropCrossSource(List<Signal> signals, Tally tally) {
    Map<LocalDate, Map<String, List<Signal>>> byDay = new TreeMap<>();
    for (Signal s : signals) {
      byDay.computeIfAbsent(dateOf(s), d -> new TreeMap<>())
          .computeIfAbsent(s.provenance().device(), d -> new ArrayList<>())
          .add(s);
    }
    List<Signal> out = new ArrayList<>();
    for (Map<String, List<Signal>> devices : byDay.values()) {
      Map<String, List<Signal>> perDevice = new TreeMap<>();
      devices.forEach((device, list) -> perDevice.put(device, oneStreamPerDevice(list, tally)));
      if (perDevice.size() == 1) {
        out.addAll(perDevice.values().iterator().next());
        continue;
      }
      String best = perDevice.entrySet().stream()
          .max(Comparator.comparingDouble(
                  (Map.Entry<String, List<Signal>> e) -> e.getValue().stream().mapToDouble(Signal::value).sum())
              .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
          .orElseThrow()
          .getKey();
      List<Signal> keep = new ArrayList<>(perDevice.get(best));
      for (Map.Entry<String, List<Signal>> e : perDevice.entrySet()) {
        if (e.getKey().equals(best)) {
          continue;
        }
        for (Signal s : e.getValue()) {
          if (keep.stream().anyMatch(k -> overlaps(k, s))) {
            tally.crossSource++;
            tally.droppedDevices.add(e.getKey().isEmpty() ? "(no device)" : e.getKey());
          } else {
            keep.add(s);
          }
        }
      }
      out.addAll(keep);
    }
    return out;
  }

  /**
   * One device's signals of one day, by stream (category): when streams overlap (a daily summary
   * and hourly samples of the same steps), the stream with the longest mean interval, the device's
   * own summary, is kept, and the other streams' overlapping signals are dropped.
   */
  private static List<Signal> oneStreamPerDevice(List<Signal> signals, Tally tally) {
    Map<String, List<Signal>> streams = new TreeMap<>();
    for (Signal s : signals) {
      streams.computeIfAbsent(s.category(), c -> new ArrayList<>()).add(s);
    }
    if (streams.size() == 1) {
      return signals;
    }
    String summary = streams.entrySet().stream()
        .max(Comparator.comparingDouble((Map.Entry<String, List<Signal>> e) -> e.getValue().stream()
                .mapToLong(s -> Duration.between(s.start(), s.end()).toSeconds()).average().orElse(0))
            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .orElseThrow()
        .getKey();
    List<Signal> keep = new ArrayList<>(streams.get(summary));
    for (Map.Entry<String, List<Signal>> e : streams.entrySet()) {
      if (e.getKey().equals(summary)) {
        continue;
      }
      for (Signal s : e.getValue()) {
        if (keep.stream().anyMatch(k -> overlaps(k, s))) {
          tally.crossSource++;
          tally.droppedDevices.add("'" + e.getKey() + "' samples under the daily summary");
        } else {
          keep.add(s);
        }
      }
    }
    return keep;
  }

  private static TreeMap<LocalDate, DailyValue> rollUp(SignalKind kind, List<Signal> signals, Tally tally) {
    if (kind == SignalKind.WEATHER) {
      return mostFrequent(signals);
    }
    DailyRule rule = DailyRule.of(kind);
    Map<LocalDate, double[]> sums = new TreeMap<>();
    for (Signal s : signals) {
      double[] acc = sums.computeIfAbsent(dateOf(s), d -> new double[2]);
      acc[0] += kind == SignalKind.NOTE ? 1.0 : s.value();
      acc[1] += 1;
    }
    TreeMap<LocalDate, DailyValue> days = new TreeMap<>();
    sums.forEach(
        (date, acc) -> {
          double v = rule.additive() ? acc[0] : acc[0] / acc[1];
          if (v > rule.dailyMax()) {
            tally.impossible++;
            days.put(date, DailyValue.missing());
          } else {
            days.put(date, new DailyValue(v, DayStatus.OBSERVED, false));
          }
        });
    return days;
  }

  /** Each day's most frequent weather condition; a tie goes to the worse weather (the larger code). */
  private static TreeMap<LocalDate, DailyValue> mostFrequent(List<Signal> signals) {
    Map<LocalDate, Map<Double, Integer>> counts = new TreeMap<>();
    for (Signal s : signals) {
      counts.computeIfAbsent(dateOf(s), d -> new TreeMap<>()).merge(s.value(), 1, Integer::sum);
    }
    TreeMap<LocalDate, DailyValue> days = new TreeMap<>();
    counts.forEach((date, byCode) -> {
      double mode = byCode.entrySet().stream()
          .max(Map.Entry.<Double, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
          .orElseThrow()
          .getKey();
      days.put(date, new DailyValue(mode, DayStatus.OBSERVED, false));
    });
    return days;
  }

  private void markNonWear(Map<SignalKind, TreeMap<LocalDate, DailyValue>> tables, Map<SignalKind, Tally> tallies) {
    TreeMap<LocalDate, DailyValue> steps = tables.get(SignalKind.STEPS);
    if (!settings.zeroStepsIsNonWear() || steps == null) {
      return;
    }
    List<LocalDate> zeroDays = steps.entrySet().stream()
        .filter(e -> e.getValue().status() == DayStatus.OBSERVED && e.getValue().value() == 0.0)
        .map(Map.Entry::getKey)
        .toList();
    for (SignalKind kind : List.of(SignalKind.STEPS, SignalKind.DISTANCE, SignalKind.ACTIVE_MINUTES,
        SignalKind.SEDENTARY_MINUTES)) {
      TreeMap<LocalDate, DailyValue> days = tables.get(kind);
      if (days == null) {
        continue;
      }
      for (LocalDate d : zeroDays) {
        if (days.containsKey(d) && days.get(d).status() == DayStatus.OBSERVED) {
          days.put(d, DailyValue.missing());
          tallies.get(kind).nonWear++;
        }
      }
    }
  }

  private static void fillSpan(SignalKind kind, TreeMap<LocalDate, DailyValue> days, Tally tally) {
    LocalDate first = null;
    LocalDate last = null;
    for (Map.Entry<LocalDate, DailyValue> e : days.entrySet()) {
      if (e.getValue().status() == DayStatus.OBSERVED) {
        first = first == null ? e.getKey() : first;
        last = e.getKey();
      }
    }
    TreeMap<LocalDate, DailyValue> before = new TreeMap<>(days);
    days.clear();
    if (first == null) {
      return;
    }
    boolean event = DailyRule.of(kind).event();
    int run = 0;
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      DailyValue v = before.get(d);
      if (v == null) {
        v = event ? new DailyValue(0.0, DayStatus.OBSERVED, false) : DailyValue.missing();
      }
      days.put(d, v);
      if (v.status() == DayStatus.MISSING) {
        run++;
        if (run == 1) {
          tally.gaps++;
        }
        tally.longestGap = Math.max(tally.longestGap, run);
      } else {
        run = 0;
      }
    }
  }

  private static double median(double[] values, int n) {
    double[] copy = Arrays.copyOf(values, n);
    Arrays.sort(copy);
    return n % 2 == 1 ? copy[n / 2] : 0.5 * (copy[n / 2 - 1] + copy[n / 2]);
  }

  private void flagOutliers(TreeMap<LocalDate, DailyValue> days, Tally tally) {
    int h = settings.hampelHalfWindow();
    double[] window = new double[2 * h + 1];
    double[] dev = new double[2 * h + 1];
    Map<LocalDate, DailyValue> updates = new TreeMap<>();
    for (Map.Entry<LocalDate, DailyValue> e : days.entrySet()) {
      if (e.getValue().status() != DayStatus.OBSERVED) {
        continue;
      }
      int n = 0;
      for (DailyValue v : days.subMap(e.getKey().minusDays(h), true, e.getKey().plusDays(h), true).values()) {
        if (v.status() == DayStatus.OBSERVED) {
          window[n++] = v.value();
        }
      }
      if (n < 5) {
        continue;
      }
      double med = median(window, n);
      for (int i = 0; i < n; i++) {
        dev[i] = Math.abs(window[i] - med);
      }
      double mad = median(dev, n);
      if (mad > 0 && Math.abs(e.getValue().value() - med) > settings.hampelThreshold() * MAD_SCALE * mad) {
        updates.put(e.getKey(), new DailyValue(e.getValue().value(), DayStatus.OBSERVED, true));
      }
    }
    tally.outliers = updates.size();
    days.putAll(updates);
  }

  private void impute(TreeMap<LocalDate, DailyValue> days, Tally tally) {
    List<LocalDate> missing = days.entrySet().stream()
        .filter(e -> e.getValue().status() == DayStatus.MISSING)
        .map(Map.Entry::getKey)
        .toList();
    double[] buf = new double[28];
    for (LocalDate d : missing) {
      int n = 0;
      for (int w = 1; w <= settings.imputeWeeks(); w++) {
        DailyValue v = days.get(d.minusWeeks(w));
        if (v != null && v.status() == DayStatus.OBSERVED) {
          buf = grow(buf, n);
          buf[n++] = v.value();
        }
      }
      if (n == 0) {
        for (int back = 1; back <= 28; back++) {
          DailyValue v = days.get(d.minusDays(back));
          if (v != null && v.status() == DayStatus.OBSERVED) {
            buf = grow(buf, n);
            buf[n++] = v.value();
          }
        }
        if (n < 3) {
          continue;
        }
      }
      days.put(d, new DailyValue(median(buf, n), DayStatus.IMPUTED, false));
      tally.imputed++;
    }
  }

  private static double[] grow(double[] buf, int n) {
    return n < buf.length ? buf : Arrays.copyOf(buf, buf.length * 2);
  }
}
