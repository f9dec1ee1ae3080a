package dev.autonomy.engine.overview;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.desire.Desires;
import dev.autonomy.engine.quality.DailyTable;
import dev.autonomy.engine.quality.DailyValue;
import dev.autonomy.engine.quality.DayStatus;
import dev.autonomy.engine.quality.QualityReport;
import dev.autonomy.engine.state.PersonStates;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The person's data and desires over time, as a dashboard draws them: the cleaned daily values of
 * a few kinds over the last days, and the desires the model predicts at each hour of today in a few
 * contexts. Read-only: nothing here is logged or learned from.
 */
public final class Overview {
  /** Most days one series covers: a year and a bit. */
  public static final int MAX_DAYS = 400;
  /** Most contexts one desire grid is evaluated in (each costs 24 predictions). */
  public static final int MAX_CONTEXTS = 6;

  private final PersonStates states;
  private final Desires desires;
  private final Clock clock;

  public Overview(PersonStates states, Desires desires, Clock clock) {
    this.states = states;
    this.desires = desires;
    this.clock = clock;
  }

  /**
   * One kind's cleaned daily values, oldest first, one entry per day of the window.
   *
   * @param kind the kind's code ("steps")
   * @param unit its unit ("count", "min")
   * @param days each day: its date, value (null when missing), status and outlier flag
   */
  public record Series(String kind, String unit, List<Day> days) {
    public Series {
      days = List.copyOf(days);
    }
  }

  /**
   * One day of a series.
   *
   * @param date the local date
   * @param value the cleaned daily value; null when nothing is known of that day
   * @param status observed, imputed (filled in by cleaning) or missing
   * @param outlier whether cleaning flagged the observed value (kept, only flagged)
   */
  public record Day(String date, Double value, String status, boolean outlier) {}

  /** The window the series cover: {@code days} days ending today, in the clock's zone. */
  public record Window(String from, String to, List<Series> series) {
    public Window {
      series = List.copyOf(series);
    }
  }

  /**
   * The daily values of {@code kinds} over the {@code days} days ending today, from the same cleaned
   * table the desire model learns from; a kind the vault holds nothing of is an empty series of
   * missing days.
   */
  public Window series(List<SignalKind> kinds, int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw new InvalidInputException("days must be in 1.." + MAX_DAYS + ", was " + days);
    }
    if (kinds.isEmpty()) {
      throw new InvalidInputException("kinds must name at least one kind, such as steps,sleep,purchase");
    }
    DailyTable table = states.cleaned().table();
    LocalDate to = LocalDate.now(clock);
    LocalDate from = to.minusDays(days - 1L);
    List<Series> out = new ArrayList<>();
    for (SignalKind kind : kinds.stream().distinct().toList()) {
      List<Day> rows = new ArrayList<>();
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        DailyValue v = table.get(kind, d);
        rows.add(new Day(d.toString(), v.isKnown() ? v.value() : null, v.status().name().toLowerCase(Locale.ROOT),
            v.status() == DayStatus.OBSERVED && v.outlier()));
      }
      out.add(new Series(kind.code(), kind.canonicalUnit(), rows));
    }
    return new Window(from.toString(), to.toString(), out);
  }

  /** What cleaning found per kind (coverage, gaps, outliers, imputed days). */
  public QualityReport quality() {
    return states.quality();
  }

  /**
   * The desires at each hour of one day in one context.
   *
   * @param context what was stated ({@code {"place":"outdoor"}}); empty for nothing stated
   * @param hours 24 rows, hour 0 to 23: each desire's intensity at that hour
   */
  public record ContextDay(Map<String, String> context, List<Map<String, Double>> hours) {
    public ContextDay {
      context = Map.copyOf(context);
      hours = List.copyOf(hours);
    }
  }

  /**
   * The desires by hour of today (the clock's date) in each of {@code contexts}, as {@code desires
   * --context ...} would give them at that hour. Hours already past are predicted like the others:
   * the grid shows how the model sees the day, not what happened.
   *
   * @param contexts stated contexts, each checked like {@code --context}; at most {@value #MAX_CONTEXTS}
   */
  public List<ContextDay> desiresByHour(List<Situation> contexts) {
    if (contexts.isEmpty() || contexts.size() > MAX_CONTEXTS) {
      throw new InvalidInputException("contexts must be 1.." + MAX_CONTEXTS + ", were " + contexts.size());
    }
    ZonedDateTime midnight = LocalDate.now(clock).atStartOfDay(clock.getZone());
    List<ContextDay> out = new ArrayList<>();
    for (Situation context : contexts) {
      List<Map<String, Double>> hours = new ArrayList<>();
      for (int h = 0; h < 24; h++) {
        Situation at = new Situation(midnight.plusHours(h), context.stated());
        Map<String, Double> row = new LinkedHashMap<>();
        for (Desire d : desires.at(at)) {
          row.put(d.type().code(), d.intensity());
        }
        hours.add(row);
      }
      out.add(new ContextDay(context.stated(), hours));
    }
    return out;
  }

}
