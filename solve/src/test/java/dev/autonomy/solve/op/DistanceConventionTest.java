package dev.autonomy.solve.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.solve.SharedData;
import org.junit.jupiter.api.Test;

class DistanceConventionTest {

  @Test
  void leg_exactKeepsTheDistanceAndRoundedRoundsToOneDecimal() {
    assertThat(DistanceConvention.EXACT.leg(30.0106)).isEqualTo(30.0106);
    assertThat(DistanceConvention.ROUNDED_1DP.leg(30.0106)).isEqualTo(30.0);
    assertThat(DistanceConvention.ROUNDED_1DP.leg(0.16)).isEqualTo(0.2);
    assertThat(DistanceConvention.ROUNDED_1DP.leg(Math.hypot(3, 4))).isEqualTo(5.0);
  }

  @Test
  void toProblem_defaultsToExactDistances() {
    OrienteeringInstance instance = OrienteeringReader.read("op.txt", "op", "3 1\n0 0 0\n1 0 0\n0.5 0.34 5\n");
    assertThat(instance.toProblem()).isEqualTo(instance.toProblem(DistanceConvention.EXACT));
    assertThat(instance.toProblem().cost(0, 2)).isEqualTo(Math.hypot(0.5, 0.34));
    assertThat(instance.toProblem(DistanceConvention.ROUNDED_1DP).cost(0, 2)).isEqualTo(0.6);
    assertThatThrownBy(() -> instance.toProblem(null)).hasMessage("distances must not be null");
  }

  /** The evidence for the convention: Pillai's 275 on set 2, Tmax 30, is optimal only with rounded legs. */
  @Test
  void tsiligiridesSet2Tmax30_reachesTheLiteratureScoreOnlyWithRoundedLegs() {
    OrienteeringInstance instance = OrienteeringReader.read(
        SharedData.require("orienteering/tsiligrides_problem2/tsiligirides_problem_2_budget_30.txt"));
    OrienteeringProblem exact = instance.toProblem(DistanceConvention.EXACT);
    assertThat(ExactOrienteering.solve(exact).score()).isEqualTo(265);
    OrienteeringSolution rounded = ExactOrienteering.solve(instance.toProblem(DistanceConvention.ROUNDED_1DP));
    assertThat(rounded.score()).isEqualTo(275);
    assertThat(exact.length(rounded.route())).isGreaterThan(30.0);
  }
}
