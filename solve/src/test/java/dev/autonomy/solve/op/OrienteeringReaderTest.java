package dev.autonomy.solve.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.solve.SharedData;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class OrienteeringReaderTest {

  @Test
  void read_tsiligiridesAndChaoFiles() {
    OrienteeringInstance t1 = OrienteeringReader.read(
        SharedData.require("orienteering/tsiligrides_problem1/tsiligirides_problem_1_budget_85.txt"));
    assertThat(t1.size()).isEqualTo(32);
    assertThat(t1.tmax()).isEqualTo(85);
    assertThat(t1.prize()[0]).isZero();
    OrienteeringInstance chao = OrienteeringReader.read(
        SharedData.require("orienteering/chao_set64-diamond/chao_set_64_1_80.txt"));
    assertThat(chao.size()).isEqualTo(64);
    OrienteeringProblem problem = chao.toProblem();
    assertThat(problem.start()).isZero();
    assertThat(problem.end()).isEqualTo(1);
    assertThat(problem.cost(0, 1)).isEqualTo(14.0); // (0,-7) to (0,7), unrounded Euclidean
  }

  @Test
  void read_rejectsBadLinesWithTheirNumber() {
    assertThatThrownBy(() -> OrienteeringReader.read("op.txt", "op", "10 1\n1 2 3\n1 x 3\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("op.txt:3: field 'y': expected a number, found 'x'");
    assertThatThrownBy(() -> OrienteeringReader.read("op.txt", "op", "10 2\n1 2 3\n1 1 3\n"))
        .hasMessageContaining("op.txt:1: field 'P'");
    assertThatThrownBy(() -> OrienteeringReader.read("op.txt", "op", "10 1\n1 2 3\n"))
        .hasMessageContaining("need at least a start and an end");
    assertThatThrownBy(() -> OrienteeringReader.read("op.txt", "op", "10 1\n1 2\n1 2 3\n"))
        .hasMessageContaining("op.txt:2: field 'x y score': expected 3 numbers");
  }

  @Property(tries = 300)
  void read_failsOnlyWithInvalidInput(@ForAll @StringLength(max = 100) String noise) {
    try {
      OrienteeringReader.read("fuzz.txt", "fuzz", "10 1\n" + noise);
    } catch (InvalidInputException expected) {
      assertThat(expected.getMessage()).startsWith("fuzz.txt");
    }
  }
}
