package dev.autonomy.solve.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.solve.SharedData;
import dev.autonomy.solve.SolverLimits;
import java.time.Duration;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AntColonyOrienteeringTest {
  private static final SolverLimits SHORT = new SolverLimits(Duration.ofMillis(500), 50);

  /** Random problem with asymmetric costs (a detour factor per arc), on a plane. */
  static OrienteeringProblem random(int n, long seed, boolean loop, double budgetFactor) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[n];
    double[] y = new double[n];
    double[] prize = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextDouble(100);
      y[i] = random.nextDouble(100);
      prize[i] = random.nextInt(1, 10);
    }
    double[][] cost = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        cost[i][j] = i == j ? 0 : Math.hypot(x[i] - x[j], y[i] - y[j]) * (1 + random.nextDouble(0.3));
      }
    }
    int end = loop ? 0 : 1;
    double budget = cost[0][end] + budgetFactor * 100;
    return new OrienteeringProblem(cost, prize, 0, end, budget);
  }

  @Property(tries = 30)
  void routes_respectTheBudgetAndReportTheirScore(
      @ForAll @IntRange(min = 2, max = 60) int n, @ForAll long seed, @ForAll boolean loop) {
    OrienteeringProblem problem = random(n, seed, loop, 1.5);

    OrienteeringSolution solution = AntColonyOrienteering.solve(problem, new SolverLimits(Duration.ofMillis(300), 10), seed);

    OrienteeringSolution verified = problem.verify(solution.route());
    assertThat(solution.length()).isLessThanOrEqualTo(problem.budget()).isEqualTo(verified.length());
    assertThat(solution.score()).isEqualTo(verified.score());
  }

  @Property(tries = 15)
  void smallProblems_reachTheExactOptimum(@ForAll @IntRange(min = 4, max = 13) int n, @ForAll long seed) {
    OrienteeringProblem problem = random(n, seed, false, 1.2);

    double exact = ExactOrienteering.solve(problem).score();
    double colony = AntColonyOrienteering.solve(problem, SHORT, seed).score();

    assertThat(colony).isEqualTo(exact);
  }

  @Test
  void colony_beatsTheGreedyBaseline() {
    double colonyTotal = 0;
    double greedyTotal = 0;
    for (long seed = 1; seed <= 5; seed++) {
      OrienteeringProblem problem = random(80, seed, false, 2.5);
      double colony = AntColonyOrienteering.solve(problem, SHORT, seed).score();
      double greedy = greedy(problem);
      assertThat(colony).isGreaterThanOrEqualTo(greedy);
      colonyTotal += colony;
      greedyTotal += greedy;
    }
    assertThat(colonyTotal).isGreaterThan(greedyTotal * 1.05);
  }

  @Test
  void sameSeed_sameRoute_whateverTheThreads() {
    OrienteeringProblem problem = random(70, 11, false, 3);
    SolverLimits limits = new SolverLimits(Duration.ofMinutes(1), 20);
    OrienteeringResult one = AntColonyOrienteering.builder().threads(1).build().run(problem, limits, 5);
    OrienteeringResult two = AntColonyOrienteering.builder().threads(2).build().run(problem, limits, 5);

    assertThat(two.solution()).isEqualTo(one.solution());
    assertThat(two.iterations()).isEqualTo(one.iterations());
  }

  @Test
  void loop_startsAndEndsAtTheSameNode() {
    OrienteeringProblem problem = random(30, 3, true, 2);
    int[] route = AntColonyOrienteering.solve(problem, SHORT, 1).route();
    assertThat(route[0]).isZero();
    assertThat(route[route.length - 1]).isZero();
    assertThat(route.length).isGreaterThan(2);
  }

  @Test
  void impossibleBudget_isAClearError() {
    double[][] cost = {{0, 10}, {10, 0}};
    OrienteeringProblem problem = new OrienteeringProblem(cost, new double[] {1, 1}, 0, 1, 5);
    assertThatThrownBy(() -> AntColonyOrienteering.solve(problem, SHORT, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("budget 5.0 is less than the direct cost 10.0");
  }

  /** Tsiligirides set 2 is small enough to solve exactly: the colony must find that optimum. */
  @Test
  void tsiligiridesSet2_budget30_matchesTheExactOptimum() {
    OrienteeringProblem problem = OrienteeringReader.read(
        SharedData.require("orienteering/tsiligrides_problem2/tsiligirides_problem_2_budget_30.txt")).toProblem();

    OrienteeringSolution colony = AntColonyOrienteering.solve(problem, new SolverLimits(Duration.ofSeconds(2), 200), 1);

    assertThat(colony.score()).isEqualTo(ExactOrienteering.solve(problem).score());
  }

  /** Greedy baseline: append the feasible node with the best prize per cost until none fits. */
  static double greedy(OrienteeringProblem p) {
    boolean[] used = new boolean[p.size()];
    used[p.start()] = true;
    used[p.end()] = true;
    double score = p.prize(p.start()) + (p.end() != p.start() ? p.prize(p.end()) : 0);
    int at = p.start();
    double length = 0;
    while (true) {
      int best = -1;
      double bestRatio = -1;
      for (int v = 0; v < p.size(); v++) {
        if (!used[v] && length + p.cost(at, v) + p.cost(v, p.end()) <= p.budget()) {
          double ratio = p.prize(v) / (p.cost(at, v) + 1e-9);
          if (ratio > bestRatio) {
            bestRatio = ratio;
            best = v;
          }
        }
      }
      if (best < 0) {
        return score;
      }
      used[best] = true;
      score += p.prize(best);
      length += p.cost(at, best);
      at = best;
    }
  }
}
