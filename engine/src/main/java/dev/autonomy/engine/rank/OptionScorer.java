package dev.autonomy.engine.rank;

import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.option.Place;
import dev.autonomy.engine.context.StatedContext;
import dev.autonomy.engine.context.StatedLimits;
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
 *   <tr><td>effort</td><td>0.05</td><td>how close its effort is to what move and rest desires ask for; a stated
 *       {@code mood} moves that target ({@code tired} -0.3, {@code energetic} +0.3 on the 0..1 effort scale)</td></tr>
 *   <tr><td>weather</td><td>0.05</td><td>0 for outdoor options in rain, snow or storm</td></tr>
 *   <tr><td>budget</td><td>0.05</td><td>1 when its cost is within the stated budget</td></tr>
 *   <tr><td>wish</td><td>0.10</td><td>only when the person names an activity or asks for quiet: 1 when the
 *       option matches it; the score is then divided by 1.10 so it stays in 0..1</td></tr>
 * </table>
 *
 * Under {@code limits=soft} an option over a stated limit (budget, free_minutes) then loses
 * {@link #SOFT_LIMIT_PENALTY} for each limit it is over (the score stays at or above 0), an explanation line
 * per limit; under the default hard limits such an option is left out by the {@link Ranker} instead.
 *
 * Scoring is numeric only; the words of an explanation are built by {@link #explain} for the few
 * options that are shown, which keeps ranking a hundred options cheap.
 */
final class OptionScorer {
  static final double W_DESIRE = 0.40;
  static final double W_PLACE = 0.20;
  static final double W_HISTORY = 0.15;
  static final double W_TIME = 0.10;
  static final double W_EFFORT = 0.05;
  static final double W_WEATHER = 0.05;
  static final double W_BUDGET = 0.05;
  static final double W_WISH = 0.10;

  /** Score taken off, under {@code limits=soft}, for each stated limit an option is over. */
  public static final double SOFT_LIMIT_PENALTY = 0.25;

  private static final Set<String> BAD_WEATHER = Set.of("rain", "rainy", "snow", "storm", "stormy", "hail");

  /**
   * A scored option.
   *
   * @param values the term values in the order desire, place, history, time, effort, weather, budget
   * @param sameDesireAbove options of the same desire placed above it (the variety penalty applies)
   * @param overLimits stated limits it is over, scored down under {@code limits=soft} (0 otherwise)
   */
  public record Scored(Option option, double score, double[] values, int sameDesireAbove, int overLimits) {
    /** The same option with the score a learned policy gives it, shown in place of the hand weights' sum. */
    Scored withScore(double learned) {
      return new Scored(option, learned, values, sameDesireAbove, overLimits);
    }

    Scored withVariety(int above, double penaltyEach) {
      return new Scored(option, Math.max(0, score - penaltyEach * above), values, above, overLimits);
    }
  }

  /** What scoring needs from the situation, parsed once per ranking rather than per option. */
  public static final class Context {
    final Map<DesireType, Desire> desires;
    final Situation situation;
    final OptionPreferences preferences;
    final Place where;
    final StatedLimits limits;
    final double freeMinutes;
    final double budget;
    final String mood;
    final String weather;
    final boolean badWeather;
    final double wantedEffort;
    final String activity;
    final boolean quiet;

    public Context(Map<DesireType, Desire> desires, Situation situation, OptionPreferences preferences) {
      this.desires = desires;
      this.situation = situation;
      this.preferences = preferences;
      this.where = Place.fromCode(situation.stated("place", "any"));
      this.limits = StatedLimits.of(situation);
      this.freeMinutes = limits.freeMinutes().isPresent() ? limits.freeMinutes().getAsInt() : Double.NaN;
      this.budget = limits.budget().orElse(Double.NaN);
      this.weather = situation.stated("weather", "").toLowerCase(Locale.ROOT);
      this.badWeather = BAD_WEATHER.contains(weather);
      double move = desires.containsKey(DesireType.MOVE) ? desires.get(DesireType.MOVE).intensity() : 0.5;
      double rest = desires.containsKey(DesireType.REST) ? desires.get(DesireType.REST).intensity() : 0.0;
      this.mood = situation.stated("mood", "").toLowerCase(Locale.ROOT);
      double moodShift = StatedContext.MOODS.getOrDefault(mood, 0.0);
      this.wantedEffort = Math.max(0, Math.min(1, move - 0.5 * rest + 0.1 + moodShift));
      this.activity = situation.stated("activity", "").toLowerCase(Locale.ROOT);
      this.quiet = "true".equals(situation.stated("quiet", ""));
    }

    boolean hasWish() {
      return !activity.isEmpty() || quiet;
    }
  }

  public Scored score(Option option, Context c) {
    Desire desire = c.desires.get(option.desire());
    double[] v = new double[8];
    v[0] = desire == null ? 0 : desire.intensity();
    v[1] = option.place().fits(c.where) ? 1 : 0;
    v[2] = c.preferences.preference(option.id());
    v[3] = timeFit(option, c.freeMinutes);
    v[4] = option.desire() == DesireType.MOVE || option.desire() == DesireType.REST
        ? 1 - Math.abs(option.effort() / 10.0 - c.wantedEffort) : 1;
    v[5] = option.place() == Place.OUTDOOR && c.badWeather ? 0 : 1;
    v[6] = Double.isNaN(c.budget) || option.cost() <= c.budget ? 1 : 0;
    double score = W_DESIRE * v[0] + W_PLACE * v[1] + W_HISTORY * v[2] + W_TIME * v[3] + W_EFFORT * v[4]
        + W_WEATHER * v[5] + W_BUDGET * v[6];
    if (c.hasWish()) {
      v[7] = wishFit(option, c);
      score = (score + W_WISH * v[7]) / (1 + W_WISH);
    }
    int over = c.limits.soft() ? c.limits.overCount(option) : 0;
    score -= SOFT_LIMIT_PENALTY * over;
    return new Scored(option, Math.max(0, Math.min(1, score)), v, 0, over);
  }

  /** The explanation lines of a scored option, largest effect first. */
  public List<Contribution> explain(Scored s, Context c, double varietyPenalty) {
    Option option = s.option();
    double[] v = s.values();
    Map<String, String> stated = c.situation.stated();
    List<Contribution> terms = new ArrayList<>(8);
    terms.add(new Contribution("desire." + option.desire().code(), v[0], W_DESIRE,
        "your predicted wish to " + option.desire().code() + " now"));
    terms.add(new Contribution("place", v[1], W_PLACE, c.where == Place.ANY
        ? "no place stated" : option.place().code() + " option, you said " + c.where.code()));
    int n = c.preferences.count(option.id());
    terms.add(new Contribution("history." + option.id(), v[2], W_HISTORY, n == 0
        ? "no feedback on this option yet (neutral prior)"
        : String.format(Locale.ROOT, "your feedback on it: %d times, mean satisfaction %.2f", n, c.preferences.observedMean(option.id()))));
    terms.add(new Contribution("time", v[3], W_TIME, stated.containsKey("free_minutes")
        ? option.minutes() + " min against your " + stated.get("free_minutes") + " free minutes" : "no free time stated"));
    terms.add(new Contribution("effort", v[4], W_EFFORT, "effort " + option.effort() + "/10 against what your move and rest desires ask for"
        + (c.mood.isEmpty() ? "" : " and your mood (" + c.mood + ")")));
    terms.add(new Contribution("weather", v[5], W_WEATHER, c.weather.isEmpty() ? "no weather stated" : "weather: " + c.weather));
    terms.add(new Contribution("budget", v[6], W_BUDGET, stated.containsKey("budget")
        ? "costs " + StatedContext.plain(option.cost()) + " against your budget " + stated.get("budget") : "no budget stated"));
    if (c.hasWish()) {
      terms.add(new Contribution("wish", v[7], W_WISH, (c.activity.isEmpty() ? "" : "you asked for " + c.activity)
          + (c.activity.isEmpty() || !c.quiet ? "" : " and ") + (c.quiet ? "somewhere quiet" : "")));
    }
    if (s.overLimits() > 0) {
      c.limits.over(option).forEach((limit, reason) -> terms.add(new Contribution("limit." + limit, 1, -SOFT_LIMIT_PENALTY,
          reason + ": over your stated limit, kept because you said limits=soft, scored down")));
    }
    if (s.sameDesireAbove() > 0) {
      terms.add(new Contribution("variety", s.sameDesireAbove(), -varietyPenalty,
          s.sameDesireAbove() + " option(s) for the same desire ranked above it"));
    }
    terms.sort(Comparator.comparingDouble((Contribution t) -> -Math.abs(t.effect())));
    return terms;
  }

  /** 1 when the option matches every wish stated (activity word, quiet), 0.5 for some, 0 for none. */
  private static double wishFit(Option option, Context c) {
    int wishes = 0;
    int met = 0;
    if (!c.activity.isEmpty()) {
      wishes++;
      if (dev.autonomy.engine.rule.Words.mentions(option, c.activity)) {
        met++;
      }
    }
    if (c.quiet) {
      wishes++;
      if (option.tags().contains("quiet") || option.tags().contains("calm")) {
        met++;
      }
    }
    return wishes == 0 ? 0 : met == wishes ? 1 : met > 0 ? 0.5 : 0;
  }

  private static double timeFit(Option option, double freeMinutes) {
    if (Double.isNaN(freeMinutes) || option.minutes() <= freeMinutes) {
      return 1;
    }
    return freeMinutes <= 0 ? 0 : Math.max(0, 1 - (option.minutes() - freeMinutes) / freeMinutes);
  }
}
