package dev.autonomy.core.signal;

import dev.autonomy.core.InvalidInputException;
import java.util.List;
import java.util.Locale;

/**
 * What a signal measures, with the one canonical unit every importer converts to. Keeping one
 * unit per kind is what lets later stages add steps from a watch to steps from a phone.
 */
public enum SignalKind {
  STEPS("count"),
  /** Distance walked, run or cycled. */
  DISTANCE("m"),
  ACTIVE_ENERGY("kcal"),
  BASAL_ENERGY("kcal"),
  HEART_RATE("count/min"),
  RESTING_HEART_RATE("count/min"),
  /** Minutes asleep in one sleep episode (category may say asleep, in bed, deep, REM...). */
  SLEEP("min"),
  BODY_MASS("kg"),
  /** Minutes of moderate or vigorous activity (Apple exercise minutes, Fitbit fairly + very active). */
  ACTIVE_MINUTES("min"),
  SEDENTARY_MINUTES("min"),
  FLIGHTS_CLIMBED("count"),
  /**
   * One workout; value is its duration, category the activity (running, cycling, strength...).
   * {@link Signal#text()} is where it took place, "indoor" or "outdoor", when the source records
   * it, else "" (unknown); {@link WorkoutPlace#of(Signal)} reads it.
   */
  WORKOUT("min"),
  /** Elevation gained on a track, route or workout. */
  ELEVATION_GAIN("m"),
  /** Money spent on a purchase; unit is the ISO currency code, the value the amount. */
  PURCHASE("currency"),
  /** A money movement; positive in, negative out; unit is the currency. */
  TRANSACTION("currency"),
  /** A trip taken; value is its distance. */
  TRIP("m"),
  /** Free text the person wrote; value is 0 and the text is in {@link Signal#text()}. */
  NOTE("none"),
  /**
   * Air temperature where the person was, in degrees Celsius: a reading at one time, or a day's
   * mean over the day.
   */
  TEMPERATURE("degC"),
  /**
   * Precipitation (rain, and snow as water), in millimetres: the total of the hour ending at the
   * signal's end, or of the day it spans.
   */
  PRECIPITATION("mm"),
  /**
   * The weather's condition: category is one of {@link #WEATHER_CONDITIONS} and value its position
   * in that list (0 sun ... 5 storm).
   */
  WEATHER("code");

  /**
   * The conditions a {@link #WEATHER} signal names, ordered from the weather that keeps a person
   * indoors least to most: sun (clear, mainly clear), cloud (partly cloudy, overcast), fog (fog,
   * rime fog), rain (drizzle, rain, freezing rain, rain showers), snow (snow, sleet, snow grains,
   * snow showers), storm (thunder, lightning, hail, storm). A signal's value is the position here.
   */
  public static final List<String> WEATHER_CONDITIONS = List.of("sun", "cloud", "fog", "rain", "snow", "storm");

  private final String canonicalUnit;
  private final String code = name().toLowerCase(Locale.ROOT);

  SignalKind(String canonicalUnit) {
    this.canonicalUnit = canonicalUnit;
  }

  /** The unit values of this kind are stored in; "currency" means the signal's own currency code. */
  public String canonicalUnit() {
    return canonicalUnit;
  }

  public boolean isMoney() {
    return "currency".equals(canonicalUnit);
  }

  /**
   * Whether two identical records of this kind in one file are two events: two 3.50 coffees on one
   * morning, two identical transfers, a note written twice. A sensor's samples are not: the same
   * sample twice is the same sample exported twice.
   */
  public boolean repeatsAreDistinct() {
    return this == PURCHASE || this == TRANSACTION || this == TRIP || this == NOTE;
  }

  /** Lower-case name used in files, JSON and the CLI ("active_energy"). */
  public String code() {
    return code;
  }

  /** Parses a code written by a person or a file; the message lists the valid ones. */
  public static SignalKind fromCode(String code) {
    String normalised = code == null ? "" : code.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (SignalKind kind : values()) {
      if (kind.name().equals(normalised)) {
        return kind;
      }
    }
    throw new InvalidInputException(
        "unknown signal kind '" + code + "'; expected one of " + java.util.Arrays.stream(values()).map(SignalKind::code).toList());
  }
}
