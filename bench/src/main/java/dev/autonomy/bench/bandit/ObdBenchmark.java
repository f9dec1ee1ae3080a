package dev.autonomy.bench.bandit;

import dev.autonomy.bandit.Candidate;
import dev.autonomy.bandit.Choice;
import dev.autonomy.bandit.Policies;
import dev.autonomy.bandit.Policy;
import dev.autonomy.bandit.Prior;
import dev.autonomy.bandit.obd.ObdCampaign;
import dev.autonomy.bandit.obd.ObdImpression;
import dev.autonomy.bandit.obd.ObdItem;
import dev.autonomy.bandit.ope.Estimate;
import dev.autonomy.bandit.ope.Estimator;
import dev.autonomy.bandit.ope.LoggedDecision;
import dev.autonomy.bandit.ope.OffPolicyEvaluation;
import dev.autonomy.bandit.ope.TargetPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * {@code bench obd}: OBP's protocol on the Open Bandit Dataset sample. For each campaign, the value
 * (CTR) of the Bernoulli Thompson sampling policy is estimated from the uniform-random log and
 * compared with the CTR that policy actually got in its own log (relative error, as in Saito et al.).
 *
 * <p><b>The evaluation policy's action distribution.</b> OBP computes it by running Bernoulli TS
 * with ZOZOTOWN's production prior, which these files do not carry. Here it is estimated from the
 * bts log itself: for each position, the share of that position's impressions that showed each item
 * (the time-averaged distribution; the logged propensities vary over the week as the policy
 * learned). It does not depend on the user, as Bernoulli TS does not.
 *
 * <p><b>Features</b> of an item for a user: {@code item_feature_0}, one-hot encodings of the hashed
 * {@code item_feature_1..3}, and the user's affinity to that item. The direct method's ridge model
 * adds a level per position.
 *
 * <p><b>Replay</b> (Li et al. 2011): our policies walk the random log in order; where a policy picks
 * the item the log shows, the click counts and the policy learns from it; other rows are skipped.
 * With a uniform logger about 1 row in {@code items} matches.
 */
final class ObdBenchmark {
  static final List<String> CAMPAIGNS = List.of("men", "women");
  static final Map<Estimator, String> NAMES = Map.of(Estimator.DM, "dm", Estimator.IPS, "ipw", Estimator.SNIPS, "snipw",
      Estimator.DR, "dr");
  static final List<Estimator> REPORTED = List.of(Estimator.DM, Estimator.IPS, Estimator.SNIPS, Estimator.DR);

  private ObdBenchmark() {}

  record EstimateRow(String name, double value, double relativeError, double low, double high) {}

  record ReplayRow(String policy, int matched, int clicks) {
    double ctr() {
      return matched == 0 ? Double.NaN : (double) clicks / matched;
    }
  }

  record Campaign(String campaign, int randomRows, int randomClicks, int btsRows, int btsClicks, List<EstimateRow> estimates,
      List<ReplayRow> replay) {
    double onPolicyCtr() {
      return (double) btsClicks / btsRows;
    }
  }

  record Report(int resamples, List<Campaign> campaigns, double seconds) {
    String table() {
      StringBuilder out = new StringBuilder();
      out.append(String.format(Locale.ROOT, "Open Bandit Dataset sample: Bernoulli TS's CTR estimated from the random log"
          + " (%d bootstrap resamples)%n", resamples));
      out.append("These files are 10,000-row samples with 46-69 clicks each: the intervals are wide, and one click moves a CTR"
          + " by 0.0001.\nPublished (full data, \"all\" campaign): relative error DM 0.157, IPW 0.311, SNIPW 0.312, DR 0.292.\n\n");
      out.append("| campaign | on-policy CTR (bts log) | estimator | estimate [95% CI] | relative error |\n|---|---|---|---|---|\n");
      for (Campaign c : campaigns) {
        for (EstimateRow e : c.estimates()) {
          out.append(String.format(Locale.ROOT, "| %s | %.5f (%d / %d) | %s | %.5f [%.5f, %.5f] | %.3f |%n", c.campaign(),
              c.onPolicyCtr(), c.btsClicks(), c.btsRows(), e.name(), e.value(), e.low(), e.high(), e.relativeError()));
        }
      }
      out.append("\nReplay on the random log (rejection sampling; CTR over the matched rows):\n\n");
      out.append("| campaign | random log CTR | policy | matched rows | clicks | replay CTR |\n|---|---|---|---|---|---|\n");
      for (Campaign c : campaigns) {
        for (ReplayRow r : c.replay()) {
          out.append(String.format(Locale.ROOT, "| %s | %.5f | %s | %d | %d | %.5f |%n", c.campaign(),
              (double) c.randomClicks() / c.randomRows(), r.policy(), r.matched(), r.clicks(), r.ctr()));
        }
      }
      out.append(String.format(Locale.ROOT, "%n%.1f s%n", seconds));
      return out.toString();
    }

    Map<String, Object> toMap() {
      List<Map<String, Object>> list = new ArrayList<>();
      for (Campaign c : campaigns) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("campaign", c.campaign());
        m.put("on_policy_ctr", c.onPolicyCtr());
        Map<String, Object> estimates = new LinkedHashMap<>();
        for (EstimateRow e : c.estimates()) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("value", e.value());
          row.put("relative_error", e.relativeError());
          row.put("ci_low", e.low());
          row.put("ci_high", e.high());
          estimates.put(e.name(), row);
        }
        m.put("estimates", estimates);
        Map<String, Object> replay = new LinkedHashMap<>();
        Map<String, Object> matched = new LinkedHashMap<>();
        for (ReplayRow r : c.replay()) {
          replay.put(r.policy(), r.ctr());
          matched.put(r.policy(), r.matched());
        }
        m.put("replay", replay);
        m.put("replay_matched", matched);
        list.add(m);
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("campaigns", list);
      m.put("resamples", resamples);
      m.put("seconds", seconds);
      return m;
    }
  }

  /** Turns (user row, item) into the features every estimator and policy sees. */
  static final class Features {
    final List<ObdItem> items;
    final int d;
    final double[][] base;
    final List<Candidate> noAffinity;

    Features(List<ObdItem> items) {
      this.items = items;
      List<Map<String, Integer>> codes = new ArrayList<>();
      int width = 1;
      int columns = items.get(0).categories().size();
      for (int c = 0; c < columns; c++) {
        Map<String, Integer> code = new HashMap<>();
        for (ObdItem item : items) {
          code.putIfAbsent(item.categories().get(c), code.size());
        }
        codes.add(code);
        width += code.size();
      }
      this.d = width + 1;
      this.base = new double[items.size()][d];
      for (ObdItem item : items) {
        double[] x = base[item.itemId()];
        x[0] = item.feature0();
        int offset = 1;
        for (int c = 0; c < columns; c++) {
          x[offset + codes.get(c).get(item.categories().get(c))] = 1;
          offset += codes.get(c).size();
        }
      }
      this.noAffinity = candidates(new double[items.size()]);
    }

    /** Most users have no affinity to any item; they share one candidate list. */
    List<Candidate> candidates(ObdImpression row) {
      double[] affinity = row.affinity();
      for (double a : affinity) {
        if (a != 0) {
          return candidates(affinity);
        }
      }
      return noAffinity;
    }

    private List<Candidate> candidates(double[] affinity) {
      List<Candidate> list = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        double[] x = base[i].clone();
        x[d - 1] = affinity[i];
        list.add(new Candidate(Integer.toString(i), x));
      }
      return list;
    }
  }

  static Report run(Path root, int resamples, long seed) {
    long start = System.nanoTime();
    List<Campaign> campaigns = new ArrayList<>();
    for (String name : CAMPAIGNS) {
      ObdCampaign random = ObdCampaign.load(root, "random", name);
      ObdCampaign bts = ObdCampaign.load(root, "bts", name);
      Features features = new Features(random.items());
      int positions = Math.max(random.positions(), bts.positions());
      double[][] btsDistribution = positionDistribution(bts, random.items().size(), positions);
      List<LoggedDecision> log = new ArrayList<>(random.log().size());
      for (ObdImpression row : random.log()) {
        log.add(new LoggedDecision(features.candidates(row), row.itemId(), row.position() - 1, row.propensity(), row.click()));
      }
      TargetPolicy target = decision -> btsDistribution[decision.slot()].clone();
      Map<Estimator, Estimate> estimates = OffPolicyEvaluation.evaluate(log, target,
          new OffPolicyEvaluation.Settings(resamples, seed, 1, 0.95));
      int btsClicks = bts.log().stream().mapToInt(ObdImpression::click).sum();
      double onPolicy = (double) btsClicks / bts.log().size();
      List<EstimateRow> rows = new ArrayList<>();
      for (Estimator e : REPORTED) {
        Estimate estimate = estimates.get(e);
        rows.add(new EstimateRow(NAMES.get(e), estimate.value(), Math.abs(estimate.value() - onPolicy) / onPolicy,
            estimate.low(), estimate.high()));
      }
      int randomClicks = random.log().stream().mapToInt(ObdImpression::click).sum();
      campaigns.add(new Campaign(name, random.log().size(), randomClicks, bts.log().size(), btsClicks, rows,
          replay(random, features, seed)));
    }
    return new Report(resamples, campaigns, (System.nanoTime() - start) / 1e9);
  }

  /** For each position (0-based), the share of the log's impressions there that showed each item. */
  static double[][] positionDistribution(ObdCampaign log, int items, int positions) {
    double[][] p = new double[positions][items];
    int[] total = new int[positions];
    for (ObdImpression row : log.log()) {
      p[row.position() - 1][row.itemId()]++;
      total[row.position() - 1]++;
    }
    for (int position = 0; position < positions; position++) {
      for (int i = 0; i < items; i++) {
        p[position][i] = total[position] == 0 ? 1.0 / items : p[position][i] / total[position];
      }
    }
    return p;
  }

  static List<ReplayRow> replay(ObdCampaign random, Features features, long seed) {
    Prior prior = new Prior(new double[features.d], 1);
    Map<String, Supplier<Policy>> policies = new LinkedHashMap<>();
    policies.put("random", () -> Policies.fixed(new double[features.d], 1));
    policies.put("linucb", () -> Policies.linUcb(prior, 0.05));
    policies.put("thompson", () -> Policies.thompson(prior, 0.05, 1));
    policies.put("egreedy", () -> Policies.epsilonGreedy(prior, 0.1));
    List<ReplayRow> rows = new ArrayList<>();
    int index = 0;
    for (Map.Entry<String, Supplier<Policy>> entry : policies.entrySet()) {
      Policy policy = entry.getValue().get();
      SplittableRandom rng = new SplittableRandom(seed * 31 + index++);
      int matched = 0;
      int clicks = 0;
      for (ObdImpression row : random.log()) {
        List<Candidate> candidates = features.candidates(row);
        Choice choice = policy.choose(candidates, 1, rng);
        if (choice.top() == row.itemId()) {
          matched++;
          clicks += row.click();
          policy.update(candidates.get(row.itemId()), row.click());
        }
      }
      rows.add(new ReplayRow(entry.getKey(), matched, clicks));
    }
    return rows;
  }
}
