package dev.autonomy.engine.situation;

import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.desire.ImplicitLabels;
import dev.autonomy.engine.desire.LabelScale;
import dev.autonomy.engine.quality.DailyTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The effects of the situations the person's history records on each of their desires: for every
 * value of weather and place the history knows, and every desire with labels, the contrast of the
 * desire's implicit label (what the person did, 0..1 against their own yardsticks) between days
 * with that value and the other days with the key known, same weekday compared.
 *
 * <p>Only the person's own days count, and an effect is used only when they show it ({@link
 * SituationEffect#shown}): a person without a weather file, or with too few rainy days, gets no
 * weather effect, and is told so.
 */
final class SituationEffects {
  /** The values the history can tell apart, per key. */
  static final Map<String, List<String>> VALUES = Map.of(
      "weather", List.of("rain", "snow", "storm", "sun", "cloud", "hot", "cold"),
      "place", List.of("outdoor", "indoor"));

  private final Map<String, Map<DesireType, SituationEffect>> byValue;
  private final SituationHistory history;
  /** Each shown effect's reason, worded once: a desire asked for many times reuses it. */
  private final Map<SituationEffect, String> reasons = new IdentityHashMap<>();

  private SituationEffects(SituationHistory history, Map<String, Map<DesireType, SituationEffect>> byValue) {
    this.history = history;
    this.byValue = byValue;
    byValue.values().forEach(m -> m.values().stream().filter(SituationEffect::shown)
        .forEach(e -> reasons.put(e, Situations.reason(e))));
  }

  /** The words of an effect's reason (see {@link Situations#reason}). */
  String reason(SituationEffect e) {
    String r = reasons.get(e);
    return r != null ? r : Situations.reason(e);
  }

  /** Learns every effect the history allows, with labels on the table's whole span. */
  public static SituationEffects learn(DailyTable table, SituationHistory history) {
    Map<String, Map<DesireType, SituationEffect>> out = new LinkedHashMap<>();
    Optional<LocalDate> first = table.firstDate();
    Optional<LocalDate> last = table.lastDate();
    if (first.isEmpty() || last.isEmpty()) {
      return new SituationEffects(history, out);
    }
    ImplicitLabels labels = new ImplicitLabels(table, LabelScale.fit(table, first.get(), last.get()));
    for (String key : SituationHistory.KEYS) {
      if (!history.records(key)) {
        continue;
      }
      for (String value : VALUES.get(key)) {
        Map<DesireType, SituationEffect> effects = new EnumMap<>(DesireType.class);
        for (DesireType type : DesireType.values()) {
          effect(table, labels, history, key, value, type, first.get(), last.get()).ifPresent(e -> effects.put(type, e));
        }
        if (!effects.isEmpty()) {
          out.put(key + "=" + value, effects);
        }
      }
    }
    return new SituationEffects(history, out);
  }

  private static Optional<SituationEffect> effect(DailyTable table, ImplicitLabels labels, SituationHistory history,
      String key, String value, DesireType type, LocalDate first, LocalDate last) {
    List<WeekdayContrast.Day> days = new ArrayList<>();
    List<WeekdayContrast.Day> rawDays = new ArrayList<>();
    Optional<RawMeasure> measure = RawMeasure.of(type, table);
    List<LocalDate> treated = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      Optional<Boolean> had = history.had(key, value, d);
      OptionalDouble y = had.isPresent() ? labels.label(type, d) : OptionalDouble.empty();
      if (y.isEmpty()) {
        continue;
      }
      days.add(new WeekdayContrast.Day(d, y.getAsDouble(), had.get()));
      if (had.get()) {
        treated.add(d);
      }
      LocalDate day = d;
      measure.flatMap(m -> m.on(table, day)).ifPresent(v -> rawDays.add(new WeekdayContrast.Day(day, v, had.get())));
    }
    if (treated.isEmpty() || treated.size() == days.size()) {
      return Optional.empty();
    }
    WeekdayContrast c = WeekdayContrast.of(days);
    Optional<SituationEffect.Raw> raw = measure.filter(m -> !rawDays.isEmpty())
        .map(m -> {
          WeekdayContrast r = WeekdayContrast.of(rawDays);
          return new SituationEffect.Raw(m.words(), r.contrast(), r.standardError());
        });
    return Optional.of(new SituationEffect(key, value, type, c.contrast(), c.standardError(), treated, c.others(), raw));
  }

  /** The effect of a stated value (in the history's words) on a desire, if the history knows the value. */
  public Optional<SituationEffect> of(String key, String value, DesireType type) {
    return Optional.ofNullable(byValue.getOrDefault(key + "=" + value, Map.of()).get(type));
  }

  /** Every effect learned, by "key=value" then desire. */
  public Map<String, Map<DesireType, SituationEffect>> all() {
    return byValue;
  }

  public SituationHistory history() {
    return history;
  }

  /** The measurement a desire's label mainly reads, in its own units, to say an effect in words a person knows. */
  private record RawMeasure(SignalKind kind, String words, double scale) {
    static Optional<RawMeasure> of(DesireType type, DailyTable table) {
      return switch (type) {
        case MOVE -> table.kinds().contains(SignalKind.STEPS) ? Optional.of(new RawMeasure(SignalKind.STEPS, "steps", 1))
            : Optional.of(new RawMeasure(SignalKind.ACTIVE_MINUTES, "active minutes", 1));
        case REST -> Optional.of(new RawMeasure(SignalKind.SLEEP, "minutes of sleep", 1));
        case EXPLORE -> Optional.of(new RawMeasure(SignalKind.TRIP, "km of trips", 1.0 / 1000));
        default -> Optional.empty();
      };
    }

    Optional<Double> on(DailyTable table, LocalDate day) {
      return table.observed(kind, day).map(v -> v * scale);
    }
  }
}
