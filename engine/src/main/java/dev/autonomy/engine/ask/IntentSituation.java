package dev.autonomy.engine.ask;

import dev.autonomy.core.desire.Situation;
import dev.autonomy.engine.context.StatedContext;
import dev.autonomy.text.intent.Intent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The situation to recommend in for a read intent: the context read, then what the person stated over it. */
final class IntentSituation {
  /** Context keys the reader finds that the ranker uses, with the stated key each becomes; others are shown, not used. */
  static final Map<String, String> USED = Map.of("place", "place", "quiet", "quiet", "activity", "activity");

  private IntentSituation() {}

  /**
   * The read context the ranker uses, checked as stated context is, with every key the person
   * stated winning over what was read; the moment is the stated one.
   */
  public static Situation of(Intent intent, Situation stated, Clock clock) {
    List<String> items = new ArrayList<>();
    intent.context().forEach((k, v) -> {
      if (USED.containsKey(k)) {
        items.add(USED.get(k) + "=" + v);
      }
    });
    Map<String, String> merged = new LinkedHashMap<>(StatedContext.parse(items, clock).stated());
    merged.putAll(stated.stated());
    return new Situation(stated.at(), merged);
  }
}
