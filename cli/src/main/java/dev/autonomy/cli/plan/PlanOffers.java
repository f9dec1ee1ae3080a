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

  static Recommendation offer(CommandSpec spec, Option plan, String summary) {
    try (Autonomy autonomy = Session.open(spec)) {
      Situation now = new Situation(ZonedDateTime.now(autonomy.clock()), Map.of("place", plan.place().code()));
      return autonomy.offerPlan(plan, summary, now);
    }
  }
}
