package dev.autonomy.engine.context;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.option.Place;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses what a person states about the moment ({@code --context place=indoor,free_minutes=40}) into
 * a {@link Situation}, checking each key and value so a typo is an error, not a silent no-op.
 */
public final class StatedContext {
  /** The keys understood, in this order, with what each accepts. */
  public static final Map<String, String> KEYS = keys();

  /** The values of {@code mood}, each with the shift it gives the effort the ranker looks for (0..1 scale). */
  public static final Map<String, Double> MOODS = Map.of("tired", -0.3, "energetic", 0.3);

  private StatedContext() {}

  private static Map<String, String> keys() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("place", "indoor, outdoor or any");
    m.put("weather", "a word: sun, cloud, rain, snow, storm, hot, cold");
    m.put("free_minutes", "whole minutes you have, >= 0 (a limit: nothing longer is shown unless limits=soft)");
    m.put("budget", "money you are willing to spend, a number >= 0 (a limit: nothing dearer is shown unless limits=soft)");
    m.put("limits", "hard or soft: options over budget or free_minutes are left out (hard, the default) or kept and scored down (soft)");
    m.put("at", "the moment, ISO local date-time like 2026-11-30T18:00 (default: now)");
    m.put("mood", "tired or energetic (lowers or raises the effort looked for in move and rest options)");
    m.put("quiet", "true or false");
    m.put("activity", "a word for what you want to do, e.g. reading, running");
    return Collections.unmodifiableMap(m);
  }

  /** Parses {@code key=value} items (each item may hold several, comma-separated). */
  public static Situation parse(Collection<String> items, Clock clock, ZoneId zone) {
    Map<String, String> stated = new LinkedHashMap<>();
    for (String item : items) {
      for (String pair : item.split(",")) {
        if (pair.isBlank()) {
          continue;
        }
        int eq = pair.indexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
          throw new InvalidInputException("context '" + pair + "': expected key=value, e.g. place=outdoor");
        }
        String key = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT).replace('-', '_');
        String value = pair.substring(eq + 1).trim();
        stated.put(key, check(key, value));
      }
    }
    ZonedDateTime at = ZonedDateTime.now(clock.withZone(zone));
    String when = stated.remove("at");
    if (when != null) {
      at = LocalDateTime.parse(when).atZone(zone);
    }
    return new Situation(at, stated);
  }

  public static Situation parse(List<String> items, Clock clock) {
    return parse(items, clock, clock.getZone());
  }

  /** The checked, normalised value of one stated key; the person's error names the key, value and what it accepts. */
  static String check(String key, String value) {
    String help = KEYS.get(key);
    if (help == null) {
      throw new InvalidInputException("context: unknown key '" + key + "'; known keys: " + String.join(", ", KEYS.keySet()));
    }
    try {
      switch (key) {
        case "place":
          return Place.fromCode(value).code();
        case "free_minutes":
          int minutes = Integer.parseInt(value);
          if (minutes < 0) {
            throw new NumberFormatException("negative");
          }
          return Integer.toString(minutes);
        case "budget":
          BigDecimal budget = new BigDecimal(value);
          if (budget.signum() < 0 || Double.isInfinite(budget.doubleValue())) {
            throw new NumberFormatException("negative or too large");
          }
          return plain(budget.doubleValue());
        case "limits":
          String limits = value.toLowerCase(Locale.ROOT);
          if (!limits.equals("hard") && !limits.equals("soft")) {
            throw new IllegalArgumentException("not hard/soft");
          }
          return limits;
        case "mood":
          String mood = value.toLowerCase(Locale.ROOT);
          if (!MOODS.containsKey(mood)) {
            throw new IllegalArgumentException("unknown mood");
          }
          return mood;
        case "at":
          LocalDateTime.parse(value);
          return value;
        case "quiet":
          if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("not true/false");
          }
          return value.toLowerCase(Locale.ROOT);
        default:
          return value.toLowerCase(Locale.ROOT);
      }
    } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException | InvalidInputException e) {
      throw new InvalidInputException("context " + key + "='" + value + "': expected " + help);
    }
  }

  /** A number as a person writes it: 20, 12.5 (no trailing zeros, no exponent). */
  public static String plain(double number) {
    return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
  }
}
