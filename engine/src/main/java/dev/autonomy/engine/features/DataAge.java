package dev.autonomy.engine.features;

import dev.autonomy.core.Requires;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How old the person's data behind a {@link FeatureVector} is, against the day the vector
 * describes. Only features built from measured daily data (steps, active minutes, sleep, body
 * mass) are dated; calendar, stated and event features (spending, trips, notes: a day without one
 * is a zero, not a gap) are not.
 *
 * <p>A dated feature is <b>missing</b> when its data is older than what it describes: "last
 * night's sleep" when the newest sleep record is from before last night, a 7-day mean with no day
 * in the last 7, a 4-week routine with nothing in 4 weeks. A missing feature is not zero: the
 * desire model takes it as the person's usual (it contributes nothing) and says "no sleep data
 * since DATE" instead of a deviation made up from nothing.
 *
 * @param day the day the vector describes; null for an undated vector (made by hand), which has no
 *     dated features
 * @param byFeature per dated feature, the newest data it could read
 */
public record DataAge(LocalDate day, Map<String, Newest> byFeature) {
  /** A vector with no dated features: nothing is stale, nothing missing. */
  public static final DataAge UNDATED = new DataAge(null, Map.of());

  private static final Pattern NOTE = Pattern.compile("no [a-z][a-z -]* data since \\d{4}-\\d{2}-\\d{2}");

  public DataAge {
    byFeature = java.util.Collections.unmodifiableMap(new TreeMap<>(byFeature));
    if (day == null && !byFeature.isEmpty()) {
      throw new IllegalArgumentException("dated features " + byFeature.keySet() + " need the day they describe");
    }
    byFeature.forEach((name, newest) -> {
      Requires.nonNull(newest, "byFeature[" + name + "]");
      if (!newest.date().isBefore(day)) {
        throw new IllegalArgumentException("byFeature[" + name + "]: data must be from before the day described ("
            + day + "), was " + newest.date());
      }
    });
  }

  /**
   * The newest data a feature could read.
   *
   * @param data the data in plain words ("sleep", "steps")
   * @param date the newest day with a known (observed or imputed) value of it before the day described
   * @param missing whether that is older than what the feature describes
   */
  public record Newest(String data, LocalDate date, boolean missing) {
    public Newest {
      Requires.nonBlank(data, "data");
      Requires.nonNull(date, "date");
    }

    /** "no sleep data since 2026-11-20". */
    public String note() {
      return DataAge.note(data, date);
    }
  }

  /** The note for data last seen on {@code since}: "no sleep data since 2026-11-20". */
  public static String note(String data, LocalDate since) {
    return "no " + data + " data since " + since;
  }

  /** The data-age notes ("no sleep data since 2026-11-20") a text contains, in order. */
  public static List<String> notesIn(String text) {
    List<String> out = new ArrayList<>();
    if (text != null) {
      Matcher m = NOTE.matcher(text);
      while (m.find()) {
        out.add(m.group());
      }
    }
    return out;
  }

  public Optional<Newest> of(String feature) {
    return Optional.ofNullable(byFeature.get(feature));
  }

  /** Whether the feature's data is older than what it describes. */
  public boolean isMissing(String feature) {
    Newest n = byFeature.get(feature);
    return n != null && n.missing();
  }

  /**
   * Days between the newest data a feature could read and the day before the one described: 0 when
   * there is data for yesterday (or, for sleep, last night); empty for an undated feature.
   */
  public OptionalLong staleDays(String feature) {
    Newest n = byFeature.get(feature);
    return n == null ? OptionalLong.empty()
        : OptionalLong.of(Math.max(0, ChronoUnit.DAYS.between(n.date(), day.minusDays(1))));
  }

  /** The distinct notes of the missing features, by data ("no sleep data since 2026-11-20"). */
  public List<String> notes() {
    Map<String, String> byData = new LinkedHashMap<>();
    byFeature.values().stream().filter(Newest::missing).forEach(n -> byData.putIfAbsent(n.data(), n.note()));
    return List.copyOf(byData.values());
  }
}
