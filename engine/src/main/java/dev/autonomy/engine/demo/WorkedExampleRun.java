package dev.autonomy.engine.demo;

import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.option.Option;
import dev.autonomy.engine.desire.LinearDesireModel;
import dev.autonomy.engine.desire.WorkedExample;
import dev.autonomy.engine.option.OptionCatalogue;
import dev.autonomy.engine.rank.OptionPreferences;
import dev.autonomy.engine.rank.Ranker;
import dev.autonomy.engine.rank.Ranking;
import dev.autonomy.engine.rank.RankingPolicy;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Runs the founding design's worked example through the real engine: the configured linear model
 * (intensity = 0.8 x (health + exercise)) predicts the health (move) desire, and the real ranker
 * chooses between the design's two plans, a gym session (indoor) and a park run (outdoor).
 */
final class WorkedExampleRun {
  /** The design's two plans, taken from the built-in catalogue. */
  public static final List<String> PLANS = List.of("gym-strength", "park-run");

  /** One situation's outcome: the predicted desire and the ranked plans. */
  public record Outcome(WorkedExample.Case example, Desire desire, Ranking ranking) {
    public Option chosen() {
      return ranking.recommendations().get(0).option();
    }
  }

  private WorkedExampleRun() {}

  public static List<Outcome> run(ZonedDateTime at) {
    LinearDesireModel model = WorkedExample.model();
    OptionCatalogue catalogue = OptionCatalogue.builtIn();
    List<Option> plans = PLANS.stream().map(id -> catalogue.find(id).orElseThrow()).toList();
    return List.of(WorkedExample.indoor(at), WorkedExample.outdoor(at)).stream().map(example -> {
      Desire move = model.predict(example.inputs(), DesireType.MOVE);
      Ranker.Request request = new Ranker.Request(plans, Map.of(DesireType.MOVE, move), example.situation(),
          OptionPreferences.none(), List.of(), Map.of(), model.provenance().trainer(), new RankingPolicy(plans.size(), 0));
      return new Outcome(example, move, new Ranker().rank(request, new SplittableRandom(0)));
    }).toList();
  }
}
