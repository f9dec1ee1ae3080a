package dev.autonomy.engine.situation;

import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.core.signal.WorkoutPlace;
import dev.autonomy.engine.quality.DailyTable;
import dev.autonomy.engine.quality.DailyValue;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the person's history records about the situation of each day: the weather (from a weather
 * file they imported) and whether they were active indoors or outdoors (from workouts that say
 * where they took place). A day the history says nothing about is unknown for that key, never
 * "dry" or "indoors" by default.
 *
 * <p>Weather. A day is {@code rain} when its condition is rain or storm, or, without a condition,
 * when at least {@link #WET_MM} mm fell above freezing; {@code snow} likewise below it; {@code sun},
 * {@code cloud} (cloud or fog) and {@code storm} need the condition; {@code hot} and {@code cold}
 * read the day's mean temperature ({@link #HOT_C}, {@link #COLD_C}).
 *
 * <p>Place. A day is {@code outdoor} when a workout that day was outdoors (a GPS track, a recorded
 * route, Apple Health's indoor flag off, or an activity that only happens outside), {@code indoor}
 * when its workouts were all indoors; days without a workout whose place is known are unknown.
 */
final class SituationHistory {
  /** The stated keys the history can record. */
  public static final List<String> KEYS = List.of("weather", "place");
  /** Precipitation (mm) that makes a day without a condition a wet one. */
  static final double WET_MM = 1.0;
  /** A day's mean temperature (°C) at or above which it is hot. */
  static final double HOT_C = 25.0;
  /** A day's mean temperature (°C) at or below which it is cold. */
  static final double COLD_C = 3.0;

  /** Activities that happen indoors whatever the source says (a workout's category, snake case). */
  private static final Set<String> INDOOR_ACTIVITIES = Set.of(
      "yoga", "pilates", "traditional_strength_training", "functional_strength_training", "core_training",
      "barre", "dance", "elliptical", "stair_climbing", "mind_and_body", "flexibility", "cardio_dance",
      "strength", "gym", "treadmill", "indoor_cycling", "spinning");
  /** Activities that happen outdoors whatever the source says. */
  private static final Set<String> OUTDOOR_ACTIVITIES = Set.of(
      "hiking", "golf", "downhill_skiing", "cross_country_skiing", "snowboarding", "surfing_sports",
      "sailing", "paddle_sports", "climbing", "skating_sports");

  private final DailyTable table;
  private final Map<LocalDate, String> places;

  private SituationHistory(DailyTable table, Map<LocalDate, String> places) {
    this.table = table;
    this.places = Collections.unmodifiableMap(places);
  }

  /** The history of the cleaned daily table (weather) and the person's workouts (place). */
  public static SituationHistory of(DailyTable table, List<Signal> workouts) {
    Map<LocalDate, String> places = new TreeMap<>();
    for (Signal w : workouts) {
      if (w.kind() != SignalKind.WORKOUT) {
        continue;
      }
      Optional<String> place = placeOf(w);
      if (place.isEmpty()) {
        continue;
      }
      LocalDate day = w.start().atZone(w.zone()).toLocalDate();
      // Outdoors wins: a day with any outdoor workout was a day the person went out to move.
      places.merge(day, place.get(), (a, b) -> a.equals("outdoor") || b.equals("outdoor") ? "outdoor" : "indoor");
    }
    return new SituationHistory(table, places);
  }

  /** Where a workout took place: what its source recorded, else what its activity implies. */
  static Optional<String> placeOf(Signal workout) {
    WorkoutPlace recorded = WorkoutPlace.of(workout);
    if (recorded != WorkoutPlace.UNKNOWN) {
      return Optional.of(recorded.code());
    }
    String activity = workout.category().trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    if (INDOOR_ACTIVITIES.contains(activity)) {
      return Optional.of("indoor");
    }
    return OUTDOOR_ACTIVITIES.contains(activity) ? Optional.of("outdoor") : Optional.empty();
  }

  /**
   * The stated value in the words the history uses: "rainy" and "raining" are rain, "sunny" and
   * "clear" sun; empty when the history cannot record that value (e.g. "windy").
   */
  public static Optional<String> canonical(String key, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (key.equals("place")) {
      return v.startsWith("indoor") ? Optional.of("indoor") : v.startsWith("outdoor") ? Optional.of("outdoor") : Optional.empty();
    }
    if (!key.equals("weather")) {
      return Optional.empty();
    }
    for (String w : List.of("rain", "snow", "storm", "sun", "cloud", "hot", "cold")) {
      if (v.startsWith(w)) {
        return Optional.of(w);
      }
    }
    if (v.equals("clear")) {
      return Optional.of("sun");
    }
    if (v.startsWith("fog") || v.equals("overcast")) {
      return Optional.of("cloud");
    }
    return v.equals("thunder") ? Optional.of("storm") : Optional.empty();
  }

  /**
   * Whether {@code day} had the (canonical) value of the key: present and true or false when the
   * history records it, empty when it does not know.
   */
  public Optional<Boolean> had(String key, String value, LocalDate day) {
    if (key.equals("place")) {
      String p = places.get(day);
      return p == null ? Optional.empty() : Optional.of(p.equals(value));
    }
    if (!key.equals("weather")) {
      return Optional.empty();
    }
    Optional<Double> temperature = known(SignalKind.TEMPERATURE, day);
    if (value.equals("hot") || value.equals("cold")) {
      return temperature.map(t -> value.equals("hot") ? t >= HOT_C : t <= COLD_C);
    }
    Optional<String> condition = known(SignalKind.WEATHER, day)
        .map(code -> SignalKind.WEATHER_CONDITIONS.get((int) Math.round(code)));
    if (condition.isPresent()) {
      String c = condition.get();
      return Optional.of(switch (value) {
        case "rain" -> c.equals("rain") || c.equals("storm");
        case "cloud" -> c.equals("cloud") || c.equals("fog");
        default -> c.equals(value);
      });
    }
    Optional<Double> wet = known(SignalKind.PRECIPITATION, day);
    if (wet.isEmpty() || !(value.equals("rain") || value.equals("snow"))) {
      return Optional.empty();
    }
    boolean freezing = temperature.map(t -> t <= 0).orElse(false);
    boolean fell = wet.get() >= WET_MM;
    return Optional.of(fell && (value.equals("snow") == freezing));
  }

  /** Whether the history records anything for the key at all (any weather file, any placed workout). */
  public boolean records(String key) {
    if (key.equals("place")) {
      return !places.isEmpty();
    }
    return key.equals("weather") && (has(SignalKind.WEATHER) || has(SignalKind.PRECIPITATION) || has(SignalKind.TEMPERATURE));
  }

  /** The days of the history, first to last, over which the key may be known. */
  public Optional<LocalDate> firstDay() {
    return table.firstDate();
  }

  public Optional<LocalDate> lastDay() {
    return table.lastDate();
  }

  private boolean has(SignalKind kind) {
    return table.series(kind).values().stream().anyMatch(DailyValue::isKnown);
  }

  private Optional<Double> known(SignalKind kind, LocalDate day) {
    return table.value(kind, day);
  }
}
