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

  static Recommendation offer(CommandSpec spec, Option plan, String summary) {
    try (Autonomy autonomy = Session.open(spec)) {
      Situation now = new Situation(ZonedDateTime.now(autonomy.clock()), Map.of("place", plan.place().code()));
      return autonomy.offerPlan(plan, summary, now);
    }
  }
}
