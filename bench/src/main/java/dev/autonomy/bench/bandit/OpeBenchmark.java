package dev.autonomy.bench.bandit;

import dev.autonomy.bandit.Candidate;
import dev.autonomy.bandit.ope.Comparison;
import dev.autonomy.bandit.ope.Estimate;
import dev.autonomy.bandit.ope.Estimator;
import dev.autonomy.bandit.ope.LoggedDecision;
import dev.autonomy.bandit.ope.OffPolicyEvaluation;
import dev.autonomy.bandit.ope.TargetPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code bench ope}: off-policy estimators on simulated logs whose truth is known.
 *
 * <p>Each decision offers {@value #K} candidates with {@value #D} features uniform in [-1, 1]; the
 * reward is a click with probability {@code sigmoid(2 theta* . x)} (so the direct method's linear
 * model is misspecified, as it is in life). The logging policy is a softmax over another direction
 * (temperature 0.5); target A is a softmax near {@code theta*} (temperature 0.3), target B is A
 * with its weights perturbed, so the two differ by a little. True values are the policies'
 * expected rewards over the context distribution, from {@value #TRUTH_CONTEXTS} contexts.
 */
final class OpeBenchmark {
  static final int K = 10;
  static final int D = 5;
  static final int TRUTH_CONTEXTS = 200_000;
  static final double[] THETA = {0.8, -0.5, 0.3, 0.0, 0.4};
  static final double[] LOGGING = {0.3, 0.2, -0.2, 0.4, 0.1};
  static final double[] TARGET_A = {0.8, -0.5, 0.3, 0.0, 0.4};
  static final double[] TARGET_B = {0.7, -0.35, 0.4, 0.15, 0.25};

  private OpeBenchmark() {}

  /** One estimator at one log size. */
  record Row(int n, Estimator estimator, double bias, double rmse, double coverage, double width) {}

  /** The comparison of A and B at one log size. */
  record ComparisonRow(int n, Estimator estimator, double trueDifference, int closeSeeds, double cannotTellWhenClose,
      double cannotTellOverall, double wrongWinner, double meanWidth) {}

  record Report(int seeds, int resamples, double truthA, double truthB, List<Row> rows, List<ComparisonRow> comparisons,
      Estimator measuredDefault, double seconds) {
    String table() {
      StringBuilder out = new StringBuilder();
      out.append(String.format(Locale.ROOT, "Off-policy estimators on simulated logs with known truth: %d seeds per size,"
          + " %d bootstrap resamples, %d candidates, %d features%ntrue value of target A %.4f, of target B %.4f"
          + " (difference %.4f)%n%n", seeds, resamples, K, D, truthA, truthB, truthA - truthB));
      out.append("| n | estimator | bias | RMSE | coverage of 95% interval | mean width |\n|---|---|---|---|---|---|\n");
      for (Row r : rows) {
        out.append(String.format(Locale.ROOT, "| %d | %s | %+.4f | %.4f | %.3f | %.4f |%n", r.n(), r.estimator().code(),
            r.bias(), r.rmse(), r.coverage(), r.width()));
      }
      out.append("\nA against B, paired bootstrap of the difference (\"cannot tell\" when its interval holds 0):\n\n");
      out.append("| n | estimator | true difference | seeds where it is below the interval width | share \"cannot tell\" there"
          + " | share \"cannot tell\" overall | share naming the worse policy better | mean width |\n|---|---|---|---|---|---|---|---|\n");
      for (ComparisonRow c : comparisons) {
        out.append(String.format(Locale.ROOT, "| %d | %s | %.4f | %d | %.3f | %.3f | %.3f | %.4f |%n", c.n(), c.estimator().code(),
            c.trueDifference(), c.closeSeeds(), c.cannotTellWhenClose(), c.cannotTellOverall(), c.wrongWinner(), c.meanWidth()));
      }
      out.append(String.format(Locale.ROOT, "%nDefault by this measurement (coverage >= 0.90 at every n, then lowest RMSE at n = 200): %s;"
          + " the library's OffPolicyEvaluation.DEFAULT_ESTIMATOR: %s.%n%.1f s%n",
          measuredDefault == null ? "none covers 0.90 at every n" : measuredDefault.code(), OffPolicyEvaluation.DEFAULT_ESTIMATOR.code(), seconds));
      return out.toString();
    }

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("seeds", seeds);
      m.put("resamples", resamples);
      m.put("true_value_a", truthA);
      m.put("true_value_b", truthB);
      List<Map<String, Object>> list = new ArrayList<>();
      for (Row r : rows) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("n", r.n());
        row.put("estimator", r.estimator().code());
        row.put("bias", r.bias());
        row.put("rmse", r.rmse());
        row.put("coverage", r.coverage());
        row.put("mean_width", r.width());
        list.add(row);
      }
      m.put("estimators", list);
      List<Map<String, Object>> comparisons = new ArrayList<>();
      for (ComparisonRow c : comparisons()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("n", c.n());
        row.put("estimator", c.estimator().code());
        row.put("true_difference", c.trueDifference());
        row.put("seeds_below_width", c.closeSeeds());
        row.put("cannot_tell_share_when_below_width", c.cannotTellWhenClose());
        row.put("cannot_tell_share", c.cannotTellOverall());
        row.put("wrong_winner_share", c.wrongWinner());
        row.put("mean_width", c.meanWidth());
        comparisons.add(row);
      }
      m.put("comparisons", comparisons);
      m.put("measured_default", measuredDefault == null ? null : measuredDefault.code());
      m.put("library_default", OffPolicyEvaluation.DEFAULT_ESTIMATOR.code());
      m.put("seconds", seconds);
      return m;
    }
  }

  static double[] softmax(List<Candidate> candidates, double[] w, double temperature) {
    double[] p = new double[candidates.size()];
    double max = Double.NEGATIVE_INFINITY;
    for (int a = 0; a < p.length; a++) {
      p[a] = dot(w, candidates.get(a).x()) / temperature;
      max = Math.max(max, p[a]);
    }
    double sum = 0;
    for (int a = 0; a < p.length; a++) {
      p[a] = Math.exp(p[a] - max);
      sum += p[a];
    }
    for (int a = 0; a < p.length; a++) {
      p[a] /= sum;
    }
    return p;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double meanReward(Candidate c) {
    return 1 / (1 + Math.exp(-2 * dot(THETA, c.x())));
  }

  static List<Candidate> context(SplittableRandom random) {
    List<Candidate> candidates = new ArrayList<>(K);
    for (int a = 0; a < K; a++) {
      double[] x = new double[D];
      for (int j = 0; j < D; j++) {
        x[j] = 2 * random.nextDouble() - 1;
      }
      candidates.add(new Candidate("c" + a, x));
    }
    return candidates;
  }

  static final TargetPolicy A = d -> softmax(d.candidates(), TARGET_A, 0.3);
  static final TargetPolicy B = d -> softmax(d.candidates(), TARGET_B, 0.3);

  static double truth(double[] w, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double sum = 0;
    for (int i = 0; i < TRUTH_CONTEXTS; i++) {
      List<Candidate> candidates = context(random);
      double[] p = softmax(candidates, w, 0.3);
      for (int a = 0; a < K; a++) {
        sum += p[a] * meanReward(candidates.get(a));
      }
    }
    return sum / TRUTH_CONTEXTS;
  }

  static List<LoggedDecision> log(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<LoggedDecision> log = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<Candidate> candidates = context(random);
      double[] p = softmax(candidates, LOGGING, 0.5);
      double u = random.nextDouble();
      int action = 0;
      double cumulative = p[0];
      while (cumulative < u && action < K - 1) {
        action++;
        cumulative += p[action];
      }
      double reward = random.nextDouble() < meanReward(candidates.get(action)) ? 1 : 0;
      log.add(new LoggedDecision(candidates, action, 0, p[action], reward));
    }
    return log;
  }

  static Report run(List<Integer> sizes, int seeds, int resamples) {
    long start = System.nanoTime();
    double truthA = truth(TARGET_A, 99);
    double truthB = truth(TARGET_B, 99);
    double trueDifference = truthA - truthB;
    Estimator[] estimators = Estimator.values();
    List<Row> rows = new ArrayList<>();
    List<ComparisonRow> comparisons = new ArrayList<>();
    Estimator measuredDefault = null;
    for (int n : sizes) {
      double[] error = new double[estimators.length];
      double[] squares = new double[estimators.length];
      int[] covered = new int[estimators.length];
      double[] width = new double[estimators.length];
      int[] close = new int[estimators.length];
      int[] cannotTellClose = new int[estimators.length];
      int[] cannotTell = new int[estimators.length];
      int[] wrong = new int[estimators.length];
      double[] comparisonWidth = new double[estimators.length];
      for (int seed = 1; seed <= seeds; seed++) {
        List<LoggedDecision> log = log(n, 1_000L * n + seed);
        OffPolicyEvaluation.Settings settings = new OffPolicyEvaluation.Settings(resamples, seed, 1, 0.95);
        Map<Estimator, Estimate> estimates = OffPolicyEvaluation.evaluate(log, A, settings);
        for (Estimator e : estimators) {
          Estimate estimate = estimates.get(e);
          int i = e.ordinal();
          error[i] += estimate.value() - truthA;
          squares[i] += (estimate.value() - truthA) * (estimate.value() - truthA);
          covered[i] += estimate.covers(truthA) ? 1 : 0;
          width[i] += estimate.width();
          Comparison c = OffPolicyEvaluation.compare(log, A, B, e, settings);
          boolean undecided = c.verdict() == Comparison.Verdict.CANNOT_TELL;
          cannotTell[i] += undecided ? 1 : 0;
          Comparison.Verdict worse = trueDifference > 0 ? Comparison.Verdict.B_BETTER : Comparison.Verdict.A_BETTER;
          wrong[i] += c.verdict() == worse ? 1 : 0;
          comparisonWidth[i] += c.width();
          if (Math.abs(trueDifference) < c.width()) {
            close[i]++;
            cannotTellClose[i] += undecided ? 1 : 0;
          }
        }
      }
      for (Estimator e : estimators) {
        int i = e.ordinal();
        Row row = new Row(n, e, error[i] / seeds, Math.sqrt(squares[i] / seeds), (double) covered[i] / seeds, width[i] / seeds);
        rows.add(row);
        comparisons.add(new ComparisonRow(n, e, trueDifference, close[i],
            close[i] == 0 ? Double.NaN : (double) cannotTellClose[i] / close[i], (double) cannotTell[i] / seeds,
            (double) wrong[i] / seeds, comparisonWidth[i] / seeds));
      }
    }
    return new Report(seeds, resamples, truthA, truthB, rows, comparisons, pickDefault(rows), (System.nanoTime() - start) / 1e9);
  }

  /**
   * The default: among the estimators whose interval covers the truth at least 90% of the time at
   * every log size (a default must stay honest as the log grows, and the direct method's interval
   * is only as good as its reward model), the one with the lowest RMSE at n = 200 (or the size
   * nearest it).
   */
  static Estimator pickDefault(List<Row> rows) {
    int reference = rows.stream().mapToInt(Row::n).boxed().min(Comparator.comparingInt(n -> Math.abs(n - 200))).orElse(200);
    Estimator best = null;
    double bestRmse = Double.POSITIVE_INFINITY;
    for (Estimator e : Estimator.values()) {
      boolean covers = rows.stream().filter(r -> r.estimator() == e).allMatch(r -> r.coverage() >= 0.90);
      for (Row r : rows) {
        if (covers && r.estimator() == e && r.n() == reference && r.rmse() < bestRmse) {
          bestRmse = r.rmse();
          best = e;
        }
      }
    }
    return best;
  }
}
