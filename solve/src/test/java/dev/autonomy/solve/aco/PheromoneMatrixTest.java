package dev.autonomy.solve.aco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PheromoneMatrixTest {

  @Test
  void reset_fillsEveryTrailWithTheMaximum() {
    PheromoneMatrix trails = new PheromoneMatrix(3, 2, 0.2);
    trails.limit(5.0);

    trails.reset();

    for (int row = 0; row < 3; row++) {
      for (int column = 0; column < 2; column++) {
        assertThat(trails.at(row, column)).isEqualTo(5.0);
      }
    }
  }

  @Test
  void update_keepsEveryTrailWithinTheBounds() {
    PheromoneMatrix trails = new PheromoneMatrix(4, 4, 0.5); // τmin = 8 / (2 * 4) = 1
    trails.limit(8.0);
    trails.reset();

    for (int iteration = 0; iteration < 20; iteration++) {
      trails.evaporate();
      trails.add(0, 1, 5.0); // 8 * 0.5 + 5 = 9 > τmax
      trails.clampToBounds();
    }

    assertThat(trails.at(0, 1)).as("reinforced every time, capped at τmax").isEqualTo(8.0);
    assertThat(trails.at(2, 3)).as("never reinforced, floored at τmin").isEqualTo(1.0);
  }

  @Test
  void evaporate_keepsOneMinusRho() {
    PheromoneMatrix trails = new PheromoneMatrix(1, 1, 0.25);
    trails.limit(4.0);
    trails.reset();

    trails.evaporate();

    assertThat(trails.at(0, 0)).isEqualTo(3.0);
  }

  @Test
  void weigh_raisesTheTrailToAlphaAndMultipliesByTheHeuristic() {
    PheromoneMatrix trails = new PheromoneMatrix(1, 2, 0.1);
    trails.limit(4.0);
    trails.reset();
    double[] into = new double[2];

    trails.weigh(1.0, new double[] {0.5, 2.0}, into);
    assertThat(into).containsExactly(2.0, 8.0);

    trails.weigh(0.5, new double[] {0.5, 2.0}, into);
    assertThat(into).containsExactly(1.0, 4.0);
  }

  @Test
  void weigh_rejectsAHeuristicOfTheWrongSize() {
    PheromoneMatrix trails = new PheromoneMatrix(2, 2, 0.1);

    assertThatThrownBy(() -> trails.weigh(1.0, new double[3], new double[4]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("heuristic and into must have 4 entries, had 3 and 4");
  }
}
