package dev.autonomy.plan.trip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class GreedyOrienteeringTest {
  @Property(tries = 50)
  void route_staysWithinBudgetAndVisitsEachNodeOnce(
      @ForAll @IntRange(min = 3, max = 25) int n, @ForAll long seed, @ForAll @DoubleRange(min = 0, max = 3) double budget) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] xy = new double[n][2];
    for (double[] p : xy) {
      p[0] = random.nextDouble();
      p[1] = random.nextDouble();
    }
    double[][] cost = new double[n][n];
    double[] prize = new double[n];
    for (int i = 0; i < n; i++) {
      prize[i] = i < 2 ? 0 : 1 + random.nextInt(10);
      for (int j = 0; j < n; j++) {
        cost[i][j] = Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]);
      }
    }
    double b = Math.max(budget, cost[0][1]);
    int[] route = new GreedyOrienteering().solve(cost, prize, 0, 1, b, Duration.ZERO, seed);
    assertThat(TripPlanner.checked(route, cost, b, 0, 1)).isSameAs(route);
    assertThat(Arrays.stream(route).distinct().count()).isEqualTo(route.length);
  }

  @org.junit.jupiter.api.Test
  void checked_rejectsARouteOverBudget() {
    double[][] cost = {{0, 5, 5}, {5, 0, 5}, {5, 5, 0}};
    assertThatThrownBy(() -> TripPlanner.checked(new int[] {0, 2, 1}, cost, 9, 0, 1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("over the");
  }
}
