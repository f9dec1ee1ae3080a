package dev.autonomy.engine.features;

import static dev.autonomy.engine.features.Feature.*;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.quality.DailyTable;
import dev.autonomy.engine.quality.DailyValue;
import dev.autonomy.engine.quality.DayStatus;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Builds the {@link Feature} vector for a day or a moment from a person's cleaned {@link
 * DailyTable}, optional per-day note scores, optional intraday signals and what the person states.
 *
 * <p>No leakage: the features of day {@code d} read table days {@code < d} only (yesterday and
 * before; "last night's sleep" is the table's sleep of {@code d-1}, the night that followed it),
 * plus the calendar and the stated context. Only {@link #at(Situation)} adds today-so-far from
 * intraday signals that ended before the moment. A recent value that is not in the table falls
 * back to the person's 28-day mean, then 0; ratios with nothing to compare to are 1. Such a fallback
 * is never passed off as data: the feature is marked missing (below).
 *
 * <p>Data age: every feature built from measured data (steps, active minutes, sleep, body mass) is
 * dated with the newest day of that data before {@code d} ({@link DataAge}). When that is older
 * than what the feature describes (yesterday or last night: 1 day; the 7-day features and the
 * body-mass trend: 7 days; the 4-week routines: 28 days, for sleep 29) the feature is missing: its
 * value is only the fallback, the model leaves it out, and its meaning says "left out, no sleep
 * data since DATE". The meanings are those of the day {@code d} ({@link Feature#meaningOn}).
 */
public final class ContextFeatures {
  private static final List<String> WEATHERS = List.of("rain", "sun", "cloud", "snow");

  /** The measured data a dated feature reads: its kind, in words, and how many days before d it describes. */
  private record Source(SignalKind kind, String words, int days) {}

  private static final Map<Feature, Source> SOURCES = sources();

  private static Map<Feature, Source> sources() {
    Map<Feature, Source> m = new EnumMap<>(Feature.class);
    for (SignalKind kind : List.of(SignalKind.STEPS, SignalKind.ACTIVE_MINUTES)) {
      boolean steps = kind == SignalKind.STEPS;
      String words = steps ? "steps" : "active minutes";
      m.put(steps ? STEPS_YESTERDAY : ACTIVE_MIN_YESTERDAY, new Source(kind, words, 1));
      m.put(steps ? STEPS_7D_MEAN : ACTIVE_MIN_7D_MEAN, new Source(kind, words, 7));
      m.put(steps ? STEPS_7D_VS_28D : ACTIVE_MIN_7D_VS_28D, new Source(kind, words, 7));
      m.put(steps ? STEPS_SAME_WEEKDAY : ACTIVE_MIN_SAME_WEEKDAY, new Source(kind, words, 28));
    }
    m.put(SLEEP_LAST_NIGHT, new Source(SignalKind.SLEEP, "sleep", 1));
    m.put(SLEEP_VS_28D, new Source(SignalKind.SLEEP, "sleep", 1));
    m.put(SLEEP_SAME_WEEKDAY, new Source(SignalKind.SLEEP, "sleep", 29));
    m.put(BODY_MASS_TREND, new Source(SignalKind.BODY_MASS, "body mass", 7));
    return Collections.unmodifiableMap(m);
  }

  private final DailyTable table;
  private final Map<LocalDate, Double> notesHealth;
  private final List<Signal> intraday;

  public ContextFeatures(DailyTable table, Map<LocalDate, Double> notesHealth, List<Signal> intraday) {
    this.table = Requires.nonNull(table, "table");
    this.notesHealth = Map.copyOf(new TreeMap<>(notesHealth));
    this.notesHealth.forEach((d, v) -> Requires.unitInterval(v, "notesHealth[" + d + "]"));
    this.intraday = List.copyOf(intraday);
  }

  public ContextFeatures(DailyTable table) {
    this(table, Map.of(), List.of());
  }

  public DailyTable table() {
    return table;
  }

  /** Features at the start of {@code day} (hour 0, nothing done today yet). */
  public FeatureVector forDay(LocalDate day, Map<String, String> stated) {
    return build(day, 0, 0.0, 0.0, stated);
  }

  /** Features at a moment: adds time of day and steps and active minutes so far today. */
  public FeatureVector at(Situation situation) {
    ZonedDateTime at = situation.at();
    LocalDate day = at.toLocalDate();
    double steps = 0;
    double active = 0;
    for (Signal s : intraday) {
      if (!s.end().isAfter(at.toInstant()) && s.start().atZone(s.zone()).toLocalDate().equals(day)) {
        if (s.kind() == SignalKind.STEPS) {
          steps += s.value();
        } else if (s.kind() == SignalKind.ACTIVE_MINUTES) {
          active += s.value();
        }
      }
    }
    double hour = at.getHour() + at.getMinute() / 60.0;
    return build(day, hour, steps, active, situation.stated());
  }

  private FeatureVector build(LocalDate day, double hour, double stepsSoFar, double activeSoFar,
      Map<String, String> stated) {
    Map<Feature, Double> f = new EnumMap<>(Feature.class);
    int dow = day.getDayOfWeek().getValue() - 1;
    f.put(DOW_SIN, Math.sin(2 * Math.PI * dow / 7.0));
    f.put(DOW_COS, Math.cos(2 * Math.PI * dow / 7.0));
    f.put(WEEKEND, Feature.isWeekend(day) ? 1.0 : 0.0);
    f.put(HOUR_SIN, Math.sin(2 * Math.PI * hour / 24.0));
    f.put(HOUR_COS, Math.cos(2 * Math.PI * hour / 24.0));
    f.put(STEPS_TODAY_SO_FAR, stepsSoFar);
    f.put(ACTIVE_MIN_TODAY_SO_FAR, activeSoFar);
    f.put(STEPS_YESTERDAY, yesterday(SignalKind.STEPS, day));
    f.put(ACTIVE_MIN_YESTERDAY, yesterday(SignalKind.ACTIVE_MINUTES, day));
    f.put(STEPS_7D_MEAN, mean(SignalKind.STEPS, day, 7).orElse(mean(SignalKind.STEPS, day, 28).orElse(0)));
    f.put(ACTIVE_MIN_7D_MEAN,
        mean(SignalKind.ACTIVE_MINUTES, day, 7).orElse(mean(SignalKind.ACTIVE_MINUTES, day, 28).orElse(0)));
    f.put(STEPS_SAME_WEEKDAY, sameWeekday(SignalKind.STEPS, day, 0));
    f.put(ACTIVE_MIN_SAME_WEEKDAY, sameWeekday(SignalKind.ACTIVE_MINUTES, day, 0));
    f.put(STEPS_7D_VS_28D, ratio(SignalKind.STEPS, day));
    f.put(ACTIVE_MIN_7D_VS_28D, ratio(SignalKind.ACTIVE_MINUTES, day));
    double sleep = yesterday(SignalKind.SLEEP, day);
    f.put(SLEEP_LAST_NIGHT, sleep / 60.0);
    f.put(SLEEP_SAME_WEEKDAY, sameWeekday(SignalKind.SLEEP, day, 1) / 60.0);
    OptionalDouble sleep28 = mean(SignalKind.SLEEP, day, 28);
    f.put(SLEEP_VS_28D, sleep28.isPresent() && sleep28.getAsDouble() > 0 ? sleep / sleep28.getAsDouble() : 1.0);
    OptionalDouble mass7 = mean(SignalKind.BODY_MASS, day, 7);
    OptionalDouble massBefore = meanBetween(SignalKind.BODY_MASS, day.minusDays(28), day.minusDays(8));
    f.put(BODY_MASS_TREND, mass7.isPresent() && massBefore.isPresent()
        ? mass7.getAsDouble() - massBefore.getAsDouble() : 0.0);
    double spend7 = spendSum(day, 7);
    double spend28 = spendSum(day, 28);
    f.put(SPEND_7D, spend7);
    f.put(SPEND_7D_VS_28D, spend28 > 0 ? (spend7 / 7.0) / (spend28 / 28.0) : 1.0);
    f.put(TRIP_KM_7D, sum(SignalKind.TRIP, day, 7) / 1000.0);
    f.put(IMPUTED_SHARE_7D, imputedShare(day));
    f.put(NOTES_HEALTH, notesHealth.getOrDefault(day.minusDays(1), 0.5));
    String place = stated.getOrDefault("place", "").toLowerCase(Locale.ROOT);
    f.put(PLACE_INDOOR, place.equals("indoor") || place.equals("indoors") ? 1.0 : 0.0);
    f.put(PLACE_OUTDOOR, place.equals("outdoor") || place.equals("outdoors") ? 1.0 : 0.0);
    String weather = stated.getOrDefault("weather", "").toLowerCase(Locale.ROOT);
    f.put(WEATHER_RAIN, weather.startsWith("rain") ? 1.0 : 0.0);
    f.put(WEATHER_SUN, weather.startsWith("sun") ? 1.0 : 0.0);
    f.put(WEATHER_CLOUD, weather.startsWith("cloud") ? 1.0 : 0.0);
    f.put(WEATHER_SNOW, weather.startsWith("snow") ? 1.0 : 0.0);
    f.put(WEATHER_OTHER, !weather.isEmpty() && WEATHERS.stream().noneMatch(weather::startsWith) ? 1.0 : 0.0);
    f.put(FREE_HOURS, Math.min(24.0, number(stated, "free_minutes") / 60.0));
    double dailySpend = spend28 / 28.0;
    double budget = number(stated, "budget");
    f.put(BUDGET_VS_DAILY_SPEND, Math.min(10.0, dailySpend > 0 ? budget / dailySpend : budget / 100.0));
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    Map<String, String> meanings = new HashMap<>();
    Map<String, DataAge.Newest> dated = new HashMap<>();
    Map<SignalKind, Optional<LocalDate>> newest = new EnumMap<>(SignalKind.class);
    f.forEach((k, v) -> {
      names.add(k.code());
      values.add(v);
      String meaning = k.meaningOn(day);
      Source source = SOURCES.get(k);
      if (source != null) {
        Optional<LocalDate> last = newest.computeIfAbsent(source.kind(), kind -> newest(kind, day));
        if (last.isPresent()) {
          DataAge.Newest n = new DataAge.Newest(
              source.words(), last.get(), last.get().isBefore(day.minusDays(source.days())));
          dated.put(k.code(), n);
          if (n.missing()) {
            meaning += ": left out, " + n.note();
          }
        }
      }
      meanings.put(k.code(), meaning);
    });
    return new FeatureVector(names, values, meanings, new DataAge(day, dated));
  }

  /** The newest day before {@code day} with a known (observed or imputed) value of the kind. */
  private Optional<LocalDate> newest(SignalKind kind, LocalDate day) {
    for (Map.Entry<LocalDate, DailyValue> e : table.series(kind).headMap(day, false).descendingMap().entrySet()) {
      if (e.getValue().isKnown()) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }

  private static double number(Map<String, String> stated, String key) {
    String v = stated.get(key);
    if (v == null || v.isBlank()) {
      return 0.0;
    }
    try {
      double d = Double.parseDouble(v.trim());
      if (!Double.isFinite(d) || d < 0) {
        throw new InvalidInputException("stated " + key + " must be a number >= 0, was '" + v + "'");
      }
      return d;
    } catch (NumberFormatException e) {
      throw new InvalidInputException("stated " + key + " must be a number >= 0, was '" + v + "'", e);
    }
  }

  private double yesterday(SignalKind kind, LocalDate day) {
    return table.value(kind, day.minusDays(1))
        .orElse(mean(kind, day, 28).orElse(0.0));
  }

  /**
   * The mean of the same weekday over the four weeks before {@code day} (table days d-7, d-14,
   * d-21, d-28, each shifted back by {@code shift} days: 1 reads the night before for sleep), the
   * person's routine; falls back to the 28-day mean, then 0.
   */
  private double sameWeekday(SignalKind kind, LocalDate day, int shift) {
    double sum = 0;
    int n = 0;
    for (int week = 1; week <= 4; week++) {
      Optional<Double> v = table.value(kind, day.minusDays(7L * week + shift));
      if (v.isPresent()) {
        sum += v.get();
        n++;
      }
    }
    return n > 0 ? sum / n : mean(kind, day, 28).orElse(0.0);
  }

  private OptionalDouble mean(SignalKind kind, LocalDate day, int days) {
    return meanBetween(kind, day.minusDays(days), day.minusDays(1));
  }

  private OptionalDouble meanBetween(SignalKind kind, LocalDate from, LocalDate to) {
    double sum = 0;
    int n = 0;
    for (DailyValue v : table.series(kind).subMap(from, true, to, true).values()) {
      if (v.isKnown()) {
        sum += v.value();
        n++;
      }
    }
    return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
  }

  private double ratio(SignalKind kind, LocalDate day) {
    OptionalDouble m7 = mean(kind, day, 7);
    OptionalDouble m28 = mean(kind, day, 28);
    if (m7.isEmpty() || m28.isEmpty() || m28.getAsDouble() <= 0) {
      return 1.0;
    }
    return Math.min(5.0, m7.getAsDouble() / m28.getAsDouble());
  }

  private double sum(SignalKind kind, LocalDate day, int days) {
    return table.series(kind).subMap(day.minusDays(days), true, day.minusDays(1), true).values().stream()
        .filter(DailyValue::isKnown)
        .mapToDouble(DailyValue::value)
        .sum();
  }

  private double spendSum(LocalDate day, int days) {
    double purchases = sum(SignalKind.PURCHASE, day, days);
    double outflows = table.series(SignalKind.TRANSACTION)
        .subMap(day.minusDays(days), true, day.minusDays(1), true).values().stream()
        .filter(DailyValue::isKnown)
        .mapToDouble(v -> Math.max(0.0, -v.value()))
        .sum();
    return purchases > 0 ? purchases : outflows;
  }

  private double imputedShare(LocalDate day) {
    int imputed = 0;
    for (SignalKind kind : List.of(SignalKind.STEPS, SignalKind.ACTIVE_MINUTES)) {
      for (DailyValue v : table.series(kind).subMap(day.minusDays(7), true, day.minusDays(1), true).values()) {
        if (v.status() == DayStatus.IMPUTED) {
          imputed++;
        }
      }
    }
    return imputed / 14.0;
  }
}
