package dev.autonomy.engine.desire;

import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.DesireType;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What the person says they want, per desire, 0..1 ("move 0.6, save 0.5"): the cold-start prior
 * that a learned prediction is blended with while data is short. Desires without a stated goal
 * have no prior and use the learned prediction alone.
 */
public record Goals(Map<DesireType, Double> intensities) {
  public Goals {
    EnumMap<DesireType, Double> copy = new EnumMap<>(DesireType.class);
    intensities.forEach(
        (type, v) -> copy.put(Requires.nonNull(type, "goal type"), Requires.unitInterval(v, "goal " + type.code())));
    intensities = java.util.Collections.unmodifiableMap(copy);
  }

  /** No stated goals. */
  public static Goals none() {
    return new Goals(Map.of());
  }

  public static Goals of(DesireType type, double intensity) {
    return new Goals(Map.of(type, intensity));
  }

  public Goals with(DesireType type, double intensity) {
    EnumMap<DesireType, Double> copy = new EnumMap<>(DesireType.class);
    copy.putAll(intensities);
    copy.put(type, intensity);
    return new Goals(copy);
  }

  public OptionalDouble prior(DesireType type) {
    Double v = intensities.get(type);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }
}
