package dev.autonomy.engine.desire;

import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.engine.features.ContextFeatures;
import dev.autonomy.engine.features.FeatureVector;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Labelled days: the features of each day (known before it starts) and the implicit labels of
 * what the person then did.
 */
public record DesireDataset(List<LabelledDay> days) {
  public DesireDataset {
    days = List.copyOf(days);
  }

  /** One day: its start-of-day features and the labels it has (desires without data are absent). */
  public record LabelledDay(LocalDate day, FeatureVector x, Map<DesireType, Double> labels) {
    public LabelledDay {
      Requires.nonNull(day, "day");
      Requires.nonNull(x, "x");
      EnumMap<DesireType, Double> copy = new EnumMap<>(DesireType.class);
      labels.forEach((t, v) -> copy.put(Requires.nonNull(t, "label type"), Requires.unitInterval(v, "label " + t.code())));
      labels = java.util.Collections.unmodifiableMap(copy);
    }
  }

  /** The days from {@code from} to {@code to} (inclusive) with at least one label, stated context empty. */
  public static DesireDataset from(ContextFeatures features, ImplicitLabels labels, LocalDate from, LocalDate to) {
    List<LabelledDay> out = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      Map<DesireType, Double> y = new EnumMap<>(DesireType.class);
      for (DesireType t : DesireType.values()) {
        OptionalDouble v = labels.label(t, d);
        if (v.isPresent()) {
          y.put(t, v.getAsDouble());
        }
      }
      if (!y.isEmpty()) {
        out.add(new LabelledDay(d, features.forDay(d, Map.of()), y));
      }
    }
    return new DesireDataset(out);
  }

  public long count(DesireType type) {
    return days.stream().filter(d -> d.labels().containsKey(type)).count();
  }
}
