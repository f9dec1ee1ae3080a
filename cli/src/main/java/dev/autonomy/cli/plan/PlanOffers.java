package dev.autonomy.cli.plan;

import dev.autonomy.cli.Session;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.engine.Autonomy;
import java.time.ZonedDateTime;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/** Offers a planned path through the engine: checked against the person's rules, then logged. */
final class PlanOffers {
  private PlanOffers() {}

  /**
   * The person's predicted desire intensities outdoors now, as weights for scoring places; empty
   * when the vault holds no data yet (the planner's defaults apply then).
   */
  static java.util.Optional<Map<dev.autonomy.core.desire.DesireType, Double>> desireWeights(CommandSpec spec) {
    try (Autonomy autonomy = Session.open(spec)) {
      if (autonomy.vault().signals().count() == 0) {
        return java.util.Optional.empty();
      }
      Situation now = new Situation(ZonedDateTime.now(autonomy.clock()), Map.of("place", "outdoor"));
      Map<dev.autonomy.core.desire.DesireType, Double> weights = new java.util.EnumMap<>(dev.autonomy.core.desire.DesireType.class);
      autonomy.desires(now).forEach(d -> weights.put(d.type(), d.intensity()));
      return java.util.Optional.of(weights);
    }
  }

  /** Items the person's rules allow, and for each removed item the rule that removed it. */
  record Allowed(java.util.List<dev.autonomy.plan.basket.Item> items, Map<String, String> removed) {}

  /**
   * Applies the person's rules to basket items, seen as purchases: a "never WORD" rule removes
   * items named by the word, "max cost N" items dearer than N.
   */
  static Allowed allowedItems(CommandSpec spec, java.util.List<dev.autonomy.plan.basket.Item> items) {
    try (Autonomy autonomy = Session.open(spec)) {
      Situation now = new Situation(ZonedDateTime.now(autonomy.clock()), Map.of());
      java.util.List<dev.autonomy.plan.basket.Item> kept = new java.util.ArrayList<>();
      Map<String, String> removed = new java.util.LinkedHashMap<>();
      int i = 0;
      for (dev.autonomy.plan.basket.Item item : items) {
        Option asOption = new Option("item-" + i++, item.name(), item.desire(), dev.autonomy.core.option.Place.ANY, 0, 0,
            item.price(), "shop", java.util.Set.of("shop"));
        String why = null;
        for (dev.autonomy.engine.rule.Constraint c : autonomy.constraints()) {
          var broken = c.violation(asOption, now);
          if (broken.isPresent()) {
            why = "rule " + c.rule().id() + " \"" + c.rule().text() + "\": " + broken.get();
            break;
          }
        }
        if (why == null) {
          kept.add(item);
        } else {
          removed.put(item.name(), why);
        }
      }
      if (kept.isEmpty()) {
        throw new dev.autonomy.core.InvalidInputException("your rules remove every item: " + removed);
      }
      return new Allowed(kept, removed);
    }
  }

  static Recommendation offer(CommandSpec spec, Option plan, String summary) {
    try (Autonomy autonomy = Session.open(spec)) {
      Situation now = new Situation(ZonedDateTime.now(autonomy.clock()), Map.of("place", plan.place().code()));
      return autonomy.offerPlan(plan, summary, now);
    }
  }
}
