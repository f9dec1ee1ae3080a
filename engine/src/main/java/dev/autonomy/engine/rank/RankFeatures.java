package dev.autonomy.engine.rank;

import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.option.Place;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a learning ranking policy sees of one option in one situation: the fixed scorer's seven
 * terms (so the hand weights are a point of this space, and the prior a learned policy starts
 * from), then the option's attributes crossed with the situation, and the desire it serves, so a
 * person's own tastes that the hand weights do not express (runs in the rain, long sessions in the
 * evening, shopping at all) can be learned.
 */
public final class RankFeatures {
  /** The features' names, in vector order. */
  public static final List<String> NAMES = names();
  public static final int DIMENSION = NAMES.size();

  private RankFeatures() {}

  private static List<String> names() {
    List<String> n = new ArrayList<>(List.of("desire", "place", "history", "time", "effort", "weather", "budget",
        "outdoor", "outdoor_in_bad_weather", "outdoor_in_the_dark", "effort_in_the_evening", "length_hours",
        "cost_over_budget_share"));
    for (DesireType t : DesireType.values()) {
      n.add("serves_" + t.code());
    }
    return Collections.unmodifiableList(n);
  }

  /** The hand weights of {@link OptionScorer} on its seven terms, 0 on the rest: the prior mean. */
  public static double[] handWeights() {
    double[] w = new double[DIMENSION];
    w[0] = OptionScorer.W_DESIRE;
    w[1] = OptionScorer.W_PLACE;
    w[2] = OptionScorer.W_HISTORY;
    w[3] = OptionScorer.W_TIME;
    w[4] = OptionScorer.W_EFFORT;
    w[5] = OptionScorer.W_WEATHER;
    w[6] = OptionScorer.W_BUDGET;
    return w;
  }

  /** The vector of a scored option in its situation. */
  static double[] of(OptionScorer.Scored s, OptionScorer.Context c) {
    Option o = s.option();
    double[] x = new double[DIMENSION];
    System.arraycopy(s.values(), 0, x, 0, 7);
    boolean outdoor = o.place() == Place.OUTDOOR;
    int hour = c.situation.at().getHour();
    boolean dark = hour >= 20 || hour < 7;
    boolean evening = hour >= 18;
    x[7] = outdoor ? 1 : 0;
    x[8] = outdoor && c.badWeather ? 1 : 0;
    x[9] = outdoor && dark ? 1 : 0;
    x[10] = evening ? o.effort() / 10.0 : 0;
    x[11] = Math.min(4, o.minutes() / 60.0);
    x[12] = Double.isNaN(c.budget) ? 0 : Math.min(2, c.budget > 0 ? o.cost() / c.budget : o.cost() > 0 ? 2 : 0);
    x[13 + o.desire().ordinal()] = 1;
    return x;
  }
}
