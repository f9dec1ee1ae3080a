package dev.autonomy.bench.bandit;

import dev.autonomy.bandit.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A simulated person for {@code bench bandit}: a catalogue of options, a stream of situations, and a
 * hidden satisfaction of each option in each situation that the policies must learn from feedback.
 * Nothing here is visible to a policy except the features of {@link #candidates}.
 *
 * <p><b>Features</b> ({@value #DIMENSION}): first the engine ranker's seven terms, computed with the
 * same definitions as {@code OptionScorer} (desire 0.40, place 0.20, history 0.15, time 0.10, effort
 * 0.05, weather 0.05, budget 0.05), then option attributes crossed with the situation (outdoor x
 * rain, outdoor x dry, effort x evening, effort x morning, cost share, minutes over free minutes),
 * the served desire one-hot and the option's own one-hot (its identity, which any recommender knows:
 * it lets a shared linear model learn a per-option level, the person's taste for that option). The
 * fixed ranker is exactly those seven weights on the first seven.
 *
 * <p><b>Satisfaction</b> is {@code 0.05 + 0.9 sigmoid(u)} with {@code u} a person-specific function
 * of the situation and the option, partly outside the features' span (a per-option taste, a long
 * activity in the evening). Half the persons ({@link Taste#CONTRARY}) like what the hand weights rank
 * low: they prefer what their predicted desire does not ask for, enjoy outdoor options in rain and
 * hard effort in the evening. Every person's tastes change once, at {@code driftAt}.
 */
final class SimulatedPerson {
  /** Features before the option's identity: the ranker's terms, the situation crosses and the desire one-hot. */
  static final int SHARED = 18;
  static final int DIMENSION = 31;
  static final double[] HAND_WEIGHTS = {0.40, 0.20, 0.15, 0.10, 0.05, 0.05, 0.05, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  static final String[] FEATURE_NAMES = {"desire", "place", "history", "time", "effort", "weather", "budget",
      "outdoor*rain", "outdoor*dry", "effort*evening", "effort*morning", "cost/100", "minutes/free",
      "is.move", "is.rest", "is.explore", "is.buy", "is.save",
      "is.run", "is.gym", "is.walk", "is.yoga", "is.nap", "is.read", "is.museum", "is.new-trail", "is.new-cafe",
      "is.clothes", "is.groceries-online", "is.budget-review", "is.cook-at-home"};

  enum Desire { MOVE, REST, EXPLORE, BUY, SAVE }

  enum Place { INDOOR, OUTDOOR, ANY }

  enum Taste {
    /** Tastes roughly as the hand weights assume. */
    ALIGNED,
    /** Tastes that contradict the hand weights. */
    CONTRARY
  }

  record Option(String id, Desire desire, Place place, int minutes, double effort, double cost) {}

  static final List<Option> CATALOGUE = List.of(
      new Option("run", Desire.MOVE, Place.OUTDOOR, 40, 0.8, 0),
      new Option("gym", Desire.MOVE, Place.INDOOR, 60, 0.7, 8),
      new Option("walk", Desire.MOVE, Place.OUTDOOR, 30, 0.3, 0),
      new Option("yoga", Desire.REST, Place.INDOOR, 30, 0.3, 0),
      new Option("nap", Desire.REST, Place.INDOOR, 25, 0.0, 0),
      new Option("read", Desire.REST, Place.INDOOR, 45, 0.1, 0),
      new Option("museum", Desire.EXPLORE, Place.INDOOR, 90, 0.3, 15),
      new Option("new-trail", Desire.EXPLORE, Place.OUTDOOR, 120, 0.8, 0),
      new Option("new-cafe", Desire.EXPLORE, Place.ANY, 40, 0.1, 8),
      new Option("clothes", Desire.BUY, Place.INDOOR, 60, 0.3, 60),
      new Option("groceries-online", Desire.BUY, Place.ANY, 15, 0.0, 40),
      new Option("budget-review", Desire.SAVE, Place.INDOOR, 20, 0.1, 0),
      new Option("cook-at-home", Desire.SAVE, Place.INDOOR, 45, 0.4, 5));

  /**
   * One situation: what the person stated and what the engine predicted.
   *
   * @param hour hour of day, 7..22
   * @param rain whether it rains
   * @param freeMinutes stated free minutes
   * @param budget stated budget
   * @param where where the person is
   * @param intensity the predicted intensity of each desire, by {@link Desire} ordinal
   */
  record Situation(int hour, boolean rain, int freeMinutes, double budget, Place where, double[] intensity) {
    boolean morning() {
      return hour < 12;
    }

    boolean evening() {
      return hour >= 18;
    }
  }

  /** The hidden tastes; {@link #drifted} gives the ones after the change. */
  record Tastes(double intensity, double[] desire, double rain, double dry, double evening, double morning, double cost,
      double time, double place, double[] option, double longEvening) {
    Tastes drifted(SplittableRandom random) {
      double[] newDesire = new double[desire.length];
      for (int i = 0; i < desire.length; i++) {
        newDesire[i] = -0.6 * desire[i] + random.nextGaussian() * 0.6;
      }
      double[] newOption = option.clone();
      for (int i = 0; i < newOption.length; i++) {
        newOption[i] = 0.5 * newOption[i] + random.nextGaussian() * 0.4;
      }
      return new Tastes(intensity, newDesire, -rain, dry, -evening, morning, cost, time, place, newOption, longEvening);
    }
  }

  private final Taste taste;
  private final Tastes before;
  private final Tastes after;
  private final int driftAt;
  private final SplittableRandom situations;

  SimulatedPerson(Taste taste, long seed, int driftAt) {
    this.taste = taste;
    this.driftAt = driftAt;
    SplittableRandom random = new SplittableRandom(seed);
    double[] desire = new double[Desire.values().length];
    for (int i = 0; i < desire.length; i++) {
      desire[i] = random.nextGaussian() * 0.7;
    }
    double[] option = new double[CATALOGUE.size()];
    for (int i = 0; i < option.length; i++) {
      option[i] = random.nextGaussian() * 0.5;
    }
    if (taste == Taste.ALIGNED) {
      before = new Tastes(2.5, desire, -1.5, 0.3, -0.8, 0.5, -1.0, -2.0, -2.0, option, -0.5);
    } else {
      // Likes what the prior ranks low: what the predicted desire does not ask for, rain walks,
      // hard evenings; place and time still matter, but less than the hand weights say.
      before = new Tastes(-2.0, desire, 1.5, -0.5, 2.0, -1.0, -0.5, -0.8, -0.8, option, 0.5);
    }
    this.after = before.drifted(random);
    this.situations = random.split();
  }

  Taste taste() {
    return taste;
  }

  /** The next situation. */
  Situation nextSituation() {
    SplittableRandom r = situations;
    int hour = 7 + r.nextInt(16);
    boolean rain = r.nextDouble() < 0.35;
    int[] free = {20, 30, 45, 60, 90, 120, 180};
    double[] budgets = {0, 10, 30, 100};
    double u = r.nextDouble();
    Place where = u < 0.5 ? Place.INDOOR : u < 0.7 ? Place.OUTDOOR : Place.ANY;
    double[] intensity = new double[Desire.values().length];
    double day = hour < 12 ? 0 : hour < 18 ? 1 : 2;
    intensity[Desire.MOVE.ordinal()] = clip(0.65 - 0.15 * day + 0.15 * r.nextGaussian());
    intensity[Desire.REST.ordinal()] = clip(0.25 + 0.2 * day + 0.15 * r.nextGaussian());
    intensity[Desire.EXPLORE.ordinal()] = clip(0.4 + 0.2 * r.nextGaussian());
    intensity[Desire.BUY.ordinal()] = clip(0.3 + 0.2 * r.nextGaussian());
    intensity[Desire.SAVE.ordinal()] = clip(0.3 + 0.2 * r.nextGaussian());
    return new Situation(hour, rain, free[r.nextInt(free.length)], budgets[r.nextInt(budgets.length)], where, intensity);
  }

  /** The true satisfaction, 0.05..0.95, of every option in {@code s} at decision {@code t}. */
  double[] satisfaction(Situation s, int t) {
    Tastes k = t < driftAt ? before : after;
    double[] out = new double[CATALOGUE.size()];
    for (int i = 0; i < out.length; i++) {
      Option o = CATALOGUE.get(i);
      boolean outdoor = o.place() == Place.OUTDOOR;
      double u = k.intensity() * (s.intensity()[o.desire().ordinal()] - 0.4)
          + k.desire()[o.desire().ordinal()]
          + (outdoor && s.rain() ? k.rain() : 0)
          + (outdoor && !s.rain() ? k.dry() : 0)
          + (s.evening() ? k.evening() * (o.effort() - 0.4) : 0)
          + (s.morning() ? k.morning() * (o.effort() - 0.4) : 0)
          + k.cost() * o.cost() / 50
          + k.time() * (1 - timeFit(o.minutes(), s.freeMinutes()))
          + k.place() * (fits(o.place(), s.where()) ? 0 : 1)
          + k.option()[i]
          + (s.evening() && o.minutes() > 60 ? k.longEvening() : 0);
      out[i] = 0.05 + 0.9 / (1 + Math.exp(-u));
    }
    return out;
  }

  /**
   * The candidates in {@code s}: one per option, with the features the policies see; {@code history}
   * is each option's shrunk mean feedback so far (the engine's {@code OptionPreferences}: prior 0.5
   * worth 2 observations).
   */
  static List<Candidate> candidates(Situation s, double[] historySum, int[] historyCount) {
    List<Candidate> list = new ArrayList<>(CATALOGUE.size());
    double move = s.intensity()[Desire.MOVE.ordinal()];
    double rest = s.intensity()[Desire.REST.ordinal()];
    double wantedEffort = clip(move - 0.5 * rest + 0.1);
    for (int i = 0; i < CATALOGUE.size(); i++) {
      Option o = CATALOGUE.get(i);
      boolean outdoor = o.place() == Place.OUTDOOR;
      double[] x = new double[DIMENSION];
      x[0] = s.intensity()[o.desire().ordinal()];
      x[1] = fits(o.place(), s.where()) ? 1 : 0;
      x[2] = (0.5 * 2 + historySum[i]) / (2 + historyCount[i]);
      x[3] = timeFit(o.minutes(), s.freeMinutes());
      x[4] = o.desire() == Desire.MOVE || o.desire() == Desire.REST ? 1 - Math.abs(o.effort() - wantedEffort) : 1;
      x[5] = outdoor && s.rain() ? 0 : 1;
      x[6] = o.cost() <= s.budget() ? 1 : 0;
      x[7] = outdoor && s.rain() ? 1 : 0;
      x[8] = outdoor && !s.rain() ? 1 : 0;
      x[9] = s.evening() ? o.effort() : 0;
      x[10] = s.morning() ? o.effort() : 0;
      x[11] = o.cost() / 100;
      x[12] = Math.min(2, (double) o.minutes() / s.freeMinutes());
      x[13 + o.desire().ordinal()] = 1;
      x[SHARED + i] = 1;
      list.add(new Candidate(o.id(), x));
    }
    return list;
  }

  static boolean fits(Place option, Place where) {
    return option == Place.ANY || where == Place.ANY || option == where;
  }

  /** 1 when it fits the free minutes, falling to 0 at twice them (as the engine's scorer). */
  static double timeFit(int minutes, int freeMinutes) {
    if (minutes <= freeMinutes) {
      return 1;
    }
    return Math.max(0, 1 - (double) (minutes - freeMinutes) / freeMinutes);
  }

  static double clip(double v) {
    return Math.max(0, Math.min(1, v));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "person[%s, drift at %d]", taste, driftAt);
  }
}
