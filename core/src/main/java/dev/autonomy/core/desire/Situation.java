package dev.autonomy.core.desire;

import dev.autonomy.core.Requires;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.TreeMap;

/**
 * The context S a desire is predicted in: when, and what the person states about it
 * ({@code place=outdoor}, {@code weather=rain}, {@code free_minutes=45}, {@code budget=30}).
 * Features from the person's data for that moment are derived from it by the engine.
 *
 * @param at the moment, in the person's zone
 * @param stated key=value facts the person gave; keys are lower-case
 */
public record Situation(ZonedDateTime at, Map<String, String> stated) {
  public Situation {
    Requires.nonNull(at, "at");
    stated = Map.copyOf(new TreeMap<>(stated));
  }

  public String stated(String key, String fallback) {
    return stated.getOrDefault(key, fallback);
  }

  /** The same moment with one more stated fact, replacing the key's earlier value. */
  public Situation with(String key, String value) {
    Map<String, String> more = new TreeMap<>(stated);
    more.put(key, value);
    return new Situation(at, more);
  }
}
