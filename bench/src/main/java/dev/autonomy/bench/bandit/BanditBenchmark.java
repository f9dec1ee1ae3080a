package dev.autonomy.bench.bandit;

import dev.autonomy.bandit.Candidate;
import dev.autonomy.bandit.Choice;
import dev.autonomy.bandit.Policies;
import dev.autonomy.bandit.Policy;
import dev.autonomy.bandit.Prior;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * {@code bench bandit}: each policy faces the same simulated persons (same situations, same hidden
 * tastes, same drift) for a number of decisions; the top suggestion's true satisfaction is compared
 * with the best option's (the oracle).
 *
 * <p>Each decision shows k = 3. The person looks at the top item and does it with probability equal
 * to its satisfaction (reward 1); if not (reward 0), they look at the next item with probability
 * {@value #LOOK_FURTHER}, and so on: a cascade, so feedback arrives on any item of the list, and the
 * policies learn from every item the person looked at.
 */
final class BanditBenchmark {
  static final int K = 3;
  static final double LOOK_FURTHER = 0.6;
  static final int FIRST = 20;
  static final int LAST = 50;

  private BanditBenchmark() {}

  /**
   * The policies' settings.
   *
   * @param lambda prior precision of every learned policy (the hand weights as prior mean)
   * @param alpha LinUCB's exploration bonus
   * @param v Thompson sampling's posterior scale
   * @param epsilon epsilon-greedy's exploration rate
   * @param discount forgetting per update of every learned policy (1: never)
   * @param beta the conservative policy's margin: how many standard deviations sure a departure from
   *     the fixed ranking must be
   * @param fixedEpsilon the fixed ranker's last-slot exploration (the engine's default is 0.1)
   */
  record Settings(double lambda, double alpha, double v, double epsilon, double discount, double beta, double fixedEpsilon,
      boolean drift) {}

  /** Per-arm features of the hybrid model: the desire one-hot (a per-option level), outdoor x rain, effort x evening. */
  static final int[] HYBRID_ARM_FEATURES = {7, 9, 13, 14, 15, 16, 17};

  static Map<String, Supplier<Policy>> policies(Settings s) {
    Prior prior = new Prior(SimulatedPerson.HAND_WEIGHTS, s.lambda());
    Map<String, Supplier<Policy>> policies = new LinkedHashMap<>();
    policies.put("fixed", () -> Policies.fixed(SimulatedPerson.HAND_WEIGHTS, s.fixedEpsilon()));
    policies.put("linucb", () -> Policies.linUcb(prior, s.alpha(), s.discount()));
    policies.put("linucb-hybrid", () -> Policies.hybridLinUcb(prior, s.lambda(), HYBRID_ARM_FEATURES, s.alpha(), s.discount()));
    policies.put("thompson", () -> Policies.thompson(prior, s.v(), 100, s.discount()));
    policies.put("egreedy", () -> Policies.epsilonGreedy(prior, s.epsilon(), s.discount()));
    policies.put("conservative", () -> Policies.conservative(prior, s.alpha(), s.beta(), s.discount()));
    return policies;
  }

  /** One policy on one person. */
  record Run(String policy, long seed, SimulatedPerson.Taste taste, double firstShare, double lastShare, double regret) {}

  /** One policy's row over all persons at one horizon. */
  record Row(String policy, int decisions, double firstShare, double lastShare, double lastShareAligned,
      double lastShareContrary, double worstLastShare, double regret, int beatsFixed, int seeds, List<Double> lastShareBySeed,
      double minMargin, double medianMargin) {}

  /** All rows, with how long the runs took. */
  record Report(Settings settings, int replays, List<Row> rows, Map<Integer, Double> seconds) {
    String table() {
      StringBuilder out = new StringBuilder();
      out.append(String.format(Locale.ROOT, "Learned rankers on simulated persons (k = %d, %s; lambda %.2f,"
          + " alpha %.2f, v %.2f, epsilon %.2f, discount %.3f, beta %.2f; fixed = hand weights, last-slot epsilon %.2f)%n"
          + "share = mean true satisfaction of the top suggestion / mean satisfaction of the best option available%n"
          + "%d replay(s) per person (replay 0: the feedback draws of the single-run table); counts are over runs%n%n",
          K, settings.drift() ? "tastes drift at half-time" : "no drift", settings.lambda(), settings.alpha(), settings.v(),
          settings.epsilon(), settings.discount(), settings.beta(), settings.fixedEpsilon(), replays));
      out.append("| decisions | policy | share, first 20 | share, last 50 | last 50 aligned | last 50 contrary"
          + " | worst seed, last 50 | cumulative regret | beats fixed (last 50) | margin over fixed, min / median |\n");
      out.append("|---|---|---|---|---|---|---|---|---|---|\n");
      for (Row r : rows) {
        boolean fixed = r.policy().equals("fixed");
        out.append(String.format(Locale.ROOT, "| %d | %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.1f | %s | %s |%n", r.decisions(),
            r.policy(), r.firstShare(), r.lastShare(), r.lastShareAligned(), r.lastShareContrary(), r.worstLastShare(),
            r.regret(), fixed ? "-" : r.beatsFixed() + " of " + r.seeds(),
            fixed ? "-" : String.format(Locale.ROOT, "%+.3f / %+.3f", r.minMargin(), r.medianMargin())));
      }
      seconds.forEach((decisions, s) -> out.append(String.format(Locale.ROOT, "%n%d decisions: %.1f s", decisions, s)));
      out.append('\n');
      return out.toString();
    }

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("settings", Map.of("lambda", settings.lambda(), "alpha", settings.alpha(), "v", settings.v(),
          "epsilon", settings.epsilon(), "discount", settings.discount(), "beta", settings.beta(), "fixed_epsilon",
          settings.fixedEpsilon(), "k", K, "drift", settings.drift(), "replays", replays));
      List<Map<String, Object>> list = new ArrayList<>();
      for (Row r : rows) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("decisions", r.decisions());
        row.put("policy", r.policy());
        row.put("share_first_20", r.firstShare());
        row.put("share_last_50", r.lastShare());
        row.put("share_last_50_aligned", r.lastShareAligned());
        row.put("share_last_50_contrary", r.lastShareContrary());
        row.put("worst_seed_share_last_50", r.worstLastShare());
        row.put("cumulative_regret", r.regret());
        row.put("seeds_beating_fixed", r.beatsFixed());
        row.put("seeds", r.seeds());
        row.put("share_last_50_by_seed", r.lastShareBySeed());
        row.put("min_margin_over_fixed", r.minMargin());
        row.put("median_margin_over_fixed", r.medianMargin());
        list.add(row);
      }
      m.put("rows", list);
      m.put("seconds", seconds);
      return m;
    }
  }

  static Report run(List<Integer> horizons, int seeds, long firstSeed, Settings settings) {
    return run(horizons, seeds, firstSeed, 1, Set.of(), settings);
  }

  /**
   * Every policy (or those in {@code only}, with the fixed ranker always) on {@code seeds} persons
   * from {@code firstSeed}, each person lived {@code replays} times with different feedback draws:
   * one run per seed says little where the headroom is small, so settings are compared over replays.
   */
  static Report run(List<Integer> horizons, int seeds, long firstSeed, int replays, Set<String> only, Settings settings) {
    Map<String, Supplier<Policy>> policies = policies(settings);
    if (!policies.keySet().containsAll(only)) {
      throw new IllegalArgumentException("unknown policies " + only + "; known: " + policies.keySet());
    }
    List<Row> rows = new ArrayList<>();
    Map<Integer, Double> seconds = new LinkedHashMap<>();
    for (int decisions : horizons) {
      long start = System.nanoTime();
      Map<String, List<Run>> runs = new LinkedHashMap<>();
      for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
        SimulatedPerson.Taste taste = seed % 2 == 1 ? SimulatedPerson.Taste.ALIGNED : SimulatedPerson.Taste.CONTRARY;
        for (int replay = 0; replay < replays; replay++) {
          // The index keeps each policy's choice stream the same whichever others run.
          int index = 0;
          for (Map.Entry<String, Supplier<Policy>> p : policies.entrySet()) {
            if (only.isEmpty() || only.contains(p.getKey()) || p.getKey().equals("fixed")) {
              runs.computeIfAbsent(p.getKey(), k -> new ArrayList<>())
                  .add(simulate(p.getKey(), p.getValue().get(), taste, seed, replay, decisions, index, settings));
            }
            index++;
          }
        }
      }
      List<Run> fixed = runs.get("fixed");
      runs.forEach((name, list) -> rows.add(row(name, decisions, list, fixed)));
      seconds.put(decisions, (System.nanoTime() - start) / 1e9);
    }
    return new Report(settings, replays, rows, seconds);
  }

  private static Row row(String name, int decisions, List<Run> list, List<Run> fixed) {
    int beats = 0;
    double worst = Double.POSITIVE_INFINITY;
    double[] margins = new double[list.size()];
    for (int i = 0; i < list.size(); i++) {
      beats += list.get(i).lastShare() > fixed.get(i).lastShare() ? 1 : 0;
      worst = Math.min(worst, list.get(i).lastShare());
      margins[i] = list.get(i).lastShare() - fixed.get(i).lastShare();
    }
    Arrays.sort(margins);
    int n = margins.length;
    double median = n % 2 == 1 ? margins[n / 2] : (margins[n / 2 - 1] + margins[n / 2]) / 2;
    return new Row(name, decisions, mean(list, Run::firstShare, null), mean(list, Run::lastShare, null),
        mean(list, Run::lastShare, SimulatedPerson.Taste.ALIGNED), mean(list, Run::lastShare, SimulatedPerson.Taste.CONTRARY),
        worst, mean(list, Run::regret, null), beats, list.size(), list.stream().map(Run::lastShare).toList(), margins[0], median);
  }

  private static double mean(List<Run> runs, ToDoubleFunction<Run> value, SimulatedPerson.Taste taste) {
    return runs.stream().filter(r -> taste == null || r.taste() == taste).mapToDouble(value).average().orElse(Double.NaN);
  }

  /** One policy living {@code decisions} decisions with one person, with the feedback draws of replay 0. */
  static Run simulate(String name, Policy policy, SimulatedPerson.Taste taste, long seed, int decisions, int policyIndex,
      Settings settings) {
    return simulate(name, policy, taste, seed, 0, decisions, policyIndex, settings);
  }

  /**
   * One policy living {@code decisions} decisions with one person: the person (tastes, situations,
   * drift) is the seed's; replay {@code r} changes only the feedback and choice draws.
   */
  static Run simulate(String name, Policy policy, SimulatedPerson.Taste taste, long seed, int replay, int decisions,
      int policyIndex, Settings settings) {
    SimulatedPerson person = new SimulatedPerson(taste, seed, settings.drift() ? decisions / 2 : Integer.MAX_VALUE);
    SplittableRandom feedback = new SplittableRandom(seed * 1_000_003L + 17 + replay * 0x9E3779B97F4A7C15L);
    SplittableRandom choices = new SplittableRandom(seed * 7_919L + policyIndex + replay * 0xBF58476D1CE4E5B9L);
    int options = SimulatedPerson.CATALOGUE.size();
    double[] historySum = new double[options];
    int[] historyCount = new int[options];
    double firstTop = 0;
    double firstBest = 0;
    double lastTop = 0;
    double lastBest = 0;
    double regret = 0;
    for (int t = 0; t < decisions; t++) {
      SimulatedPerson.Situation situation = person.nextSituation();
      double[] satisfaction = person.satisfaction(situation, t);
      double best = 0;
      for (double s : satisfaction) {
        best = Math.max(best, s);
      }
      List<Candidate> candidates = SimulatedPerson.candidates(situation, historySum, historyCount);
      Choice choice = policy.choose(candidates, K, choices);
      double top = satisfaction[choice.top()];
      regret += best - top;
      if (t < FIRST) {
        firstTop += top;
        firstBest += best;
      }
      if (t >= decisions - LAST) {
        lastTop += top;
        lastBest += best;
      }
      for (Choice.Slot slot : choice.slots()) {
        int i = slot.index();
        boolean done = feedback.nextDouble() < satisfaction[i];
        double reward = done ? 1 : 0;
        policy.update(candidates.get(i), reward);
        historySum[i] += reward;
        historyCount[i]++;
        if (done || feedback.nextDouble() >= LOOK_FURTHER) {
          break;
        }
      }
    }
    return new Run(name, seed, taste, firstTop / firstBest, lastTop / lastBest, regret);
  }
}
