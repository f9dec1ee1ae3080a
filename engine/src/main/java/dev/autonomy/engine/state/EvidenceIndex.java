package dev.autonomy.engine.state;

import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.recommend.Evidence;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.vault.SignalCoverage;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of the person's data each desire's features and labels rest on, so an explanation can name
 * the files, devices and dates behind it.
 */
final class EvidenceIndex {
  static final Map<DesireType, Set<SignalKind>> KINDS = Map.of(
      DesireType.MOVE, Set.of(SignalKind.STEPS, SignalKind.ACTIVE_MINUTES, SignalKind.WORKOUT, SignalKind.DISTANCE, SignalKind.ACTIVE_ENERGY),
      DesireType.REST, Set.of(SignalKind.SLEEP, SignalKind.ACTIVE_MINUTES, SignalKind.WORKOUT, SignalKind.RESTING_HEART_RATE),
      DesireType.EXPLORE, Set.of(SignalKind.TRIP, SignalKind.DISTANCE, SignalKind.WORKOUT),
      DesireType.BUY, Set.of(SignalKind.PURCHASE, SignalKind.TRANSACTION),
      DesireType.SAVE, Set.of(SignalKind.PURCHASE, SignalKind.TRANSACTION));

  private EvidenceIndex() {}

  static Map<DesireType, List<Evidence>> byDesire(List<SignalCoverage> coverage, ZoneId zone) {
    Map<DesireType, List<Evidence>> out = new EnumMap<>(DesireType.class);
    for (DesireType type : DesireType.values()) {
      List<Evidence> list = new ArrayList<>();
      for (SignalCoverage c : coverage) {
        if (KINDS.get(type).contains(SignalKind.fromCode(c.kind()))) {
          list.add(new Evidence(c.kind(), c.source(), c.device(), c.records(),
              c.first().atZone(zone).toLocalDate(), c.last().atZone(zone).toLocalDate()));
        }
      }
      out.put(type, List.copyOf(list));
    }
    return out;
  }
}
