package dev.autonomy.engine.rank;

import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.option.Place;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores one option in one situation as a weighted sum of terms in 0..1, so the score is in 0..1
 * and every term is an explanation line (value, weight, meaning):
 *
 * <table>
 *   <tr><th>term</th><th>weight</th><th>value</th></tr>
 *   <tr><td>desire</td><td>0.40</td><td>predicted intensity of the desire the option serves</td></tr>
 *   <tr><td>place</td><td>0.20</td><td>1 when the option can be done where the person says they are</td></tr>
 *   <tr><td>history</td><td>0.15</td><td>the person's feedback on this option (shrunk mean, 0.5 with none)</td></tr>
 *   <tr><td>time</td><td>0.10</td><td>1 when it fits the stated free minutes, falling to 0 at twice them</td></tr>
 *   <tr><td>effort</td><td>0.05</td><td>how close its effort is to what move and rest desires ask for</td></tr>
 *   <tr><td>weather</td><td>0.05</td><td>0 for outdoor options in rain, snow or storm</td></tr>
 *   <tr><td>budget</td><td>0.05</td><td>1 when its cost is within the stated budget</td></tr>
 * </table>
 */
public final class OptionScorer {
  static final double W_DESIRE = 0.40;
  static final double W_PLACE = 0.20;
  static final double W_HISTORY = 0.15;
  static final double W_TIME = 0.10;
  static final double W_EFFORT = 0.05;
  static final double W_WEATHER = 0.05;
  static final double W_BUDGET = 0.05;

  private static final Set<String> BAD_WEATHER = Set.of("rain", "rainy", "snow", "storm", "stormy", "hail");

  /** A scored option: its score and the terms behind it, largest effect first. */
  public record Scored(Option option, double score, List<Contribution> terms) {}

  public Scored score(Option option, Map<DesireType, Desire> desires, Situation situation, OptionPreferences preferences) {
    List<Contribution> terms = new ArrayList<>(7);
    Desire desire = desires.get(option.desire());
    double intensity = desire == null ? 0 : desire.intensity();
    terms.add(new Contribution("desire." + option.desire().code(), intensity, W_DESIRE,
        "your predicted wish to " + option.desire().code() + " now"));

    Place where = placeOf(situation);
    double place = option.place().fits(where) ? 1 : 0;
    terms.add(new Contribution("place", place, W_PLACE, where == Place.ANY
        ? "no place stated" : option.place().code() + " option, you said " + where.code()));

    double history = preferences.preference(option.id());
    int n = preferences.count(option.id());
    terms.add(new Contribution("history." + option.id(), history, W_HISTORY, n == 0
        ? "no feedback on this option yet (neutral prior)"
        : String.format(Locale.ROOT, "your feedback on it: %d times, mean satisfaction %.2f", n, preferences.observedMean(option.id()))));

    double time = timeFit(option, situation);
    terms.add(new Contribution("time", time, W_TIME, situation.stated().containsKey("free_minutes")
        ? option.minutes() + " min against your " + situation.stated().get("free_minutes") + " free minutes"
        : "no free time stated"));

    double effort = effortFit(option, desires);
    terms.add(new Contribution("effort", effort, W_EFFORT, "effort " + option.effort() + "/10 against what your move and rest desires ask for"));

    String weather = situation.stated("weather", "").toLowerCase(Locale.ROOT);
    double weatherFit = option.place() == Place.OUTDOOR && BAD_WEATHER.contains(weather) ? 0 : 1;
    terms.add(new Contribution("weather", weatherFit, W_WEATHER, weather.isEmpty() ? "no weather stated" : "weather: " + weather));

    double budget = budgetFit(option, situation);
    terms.add(new Contribution("budget", budget, W_BUDGET, situation.stated().containsKey("budget")
        ? "costs " + option.cost() + " against your budget " + situation.stated().get("budget") : "no budget stated"));

    double score = 0;
    for (Contribution c : terms) {
      score += c.effect();
    }
    terms.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.effect())));
    return new Scored(option, Math.max(0, Math.min(1, score)), terms);
  }

  static Place placeOf(Situation situation) {
    String stated = situation.stated("place", "any");
    return Place.fromCode(stated);
  }

  private static double timeFit(Option option, Situation situation) {
    String free = situation.stated().get("free_minutes");
    if (free == null) {
      return 1;
    }
    double minutes = Double.parseDouble(free);
    if (option.minutes() <= minutes) {
      return 1;
    }
    return minutes <= 0 ? 0 : Math.max(0, 1 - (option.minutes() - minutes) / minutes);
  }

  private static double budgetFit(Option option, Situation situation) {
    String budget = situation.stated().get("budget");
    if (budget == null) {
      return 1;
    }
    return option.cost() <= Double.parseDouble(budget) ? 1 : 0;
  }

  private static double effortFit(Option option, Map<DesireType, Desire> desires) {
    if (option.desire() != DesireType.MOVE && option.desire() != DesireType.REST) {
      return 1;
    }
    double move = desires.containsKey(DesireType.MOVE) ? desires.get(DesireType.MOVE).intensity() : 0.5;
    double rest = desires.containsKey(DesireType.REST) ? desires.get(DesireType.REST).intensity() : 0.0;
    double wanted = Math.max(0, Math.min(1, move - 0.5 * rest + 0.1));
    return 1 - Math.abs(option.effort() / 10.0 - wanted);
  }
}
