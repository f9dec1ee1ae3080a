package dev.autonomy.solve.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrienteeringProblemTest {
  private static final double[][] COST = {{0, 1, 2}, {1, 0, 1}, {2, 1, 0}};

  @Test
  void problem_rejectsEachBrokenRule() {
    double[] prize = {0, 1, 1};
    assertThatThrownBy(() -> new OrienteeringProblem(new double[][] {{0, 1}, {1}}, new double[] {0, 0}, 0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cost must be square: row 1 has 1 entries, expected 2");
    assertThatThrownBy(() -> new OrienteeringProblem(COST, new double[] {0, 1}, 0, 1, 1))
        .hasMessageContaining("prize must have one entry per node (3), had 2");
    assertThatThrownBy(() -> new OrienteeringProblem(COST, prize, 3, 1, 1))
        .hasMessageContaining("start must be in 0..2, was 3");
    assertThatThrownBy(() -> new OrienteeringProblem(COST, prize, 0, -1, 1))
        .hasMessageContaining("end must be in 0..2, was -1");
    assertThatThrownBy(() -> new OrienteeringProblem(COST, prize, 0, 1, -1))
        .hasMessageContaining("budget must be a finite number >= 0, was -1.0");
    assertThatThrownBy(() -> new OrienteeringProblem(
            new double[][] {{0, Double.NaN, 1}, {1, 0, 1}, {1, 1, 0}}, prize, 0, 1, 1))
        .hasMessageContaining("cost[0][1] must be a finite number >= 0, was NaN");
    assertThatThrownBy(() -> new OrienteeringProblem(
            new double[][] {{0, -1, 1}, {1, 0, 1}, {1, 1, 0}}, prize, 0, 1, 1))
        .hasMessageContaining("cost[0][1]");
  }

  @Test
  void problem_copiesItsArrays() {
    double[][] cost = {{0, 1}, {1, 0}};
    OrienteeringProblem problem = new OrienteeringProblem(cost, new double[] {0, 0}, 0, 1, 5);
    cost[0][1] = 99;
    problem.cost()[0][1] = 99;
    assertThat(problem.cost(0, 1)).isEqualTo(1);
  }

  @Test
  void verify_rejectsRoutesOverBudgetOrRepeating() {
    OrienteeringProblem problem = new OrienteeringProblem(COST, new double[] {0, 1, 1}, 0, 2, 2.5);
    assertThat(problem.verify(new int[] {0, 1, 2}).score()).isEqualTo(2);
    assertThatThrownBy(() -> problem.verify(new int[] {0, 1, 1, 2})).hasMessageContaining("visited twice");
    OrienteeringProblem tight = new OrienteeringProblem(COST, new double[] {0, 1, 1}, 0, 2, 1.5);
    assertThatThrownBy(() -> tight.verify(new int[] {0, 1, 2})).hasMessageContaining("exceeds the budget");
    assertThatThrownBy(() -> problem.verify(new int[] {1, 2})).hasMessageContaining("route must run from 0 to 2");
  }
}
