package dev.autonomy.bench.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autonomy.bench.BenchCli;
import dev.autonomy.core.data.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchSolversCommandTest {
  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    var cli = BenchCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  static Path data() {
    Optional<Path> root = SharedData.root();
    assumeTrue(root.isPresent(), "needs ../shared/data");
    return root.get();
  }

  @Test
  void solvers_printsAVerifiedRowPerSolver() {
    Result r = run("solvers", "--data", data().toString(), "--only", "eil51,tsiligirides_problem_2_budget_15",
        "--seeds", "1", "--seconds", "0.5", "--op-seconds", "0.5", "--solvers", "aco,jenetics");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("| eil51 | 51 | EUC_2D | aco (ours) |").contains("| eil51 | 51 | EUC_2D | jenetics GA |")
        .contains("| tsiligirides_problem_2_budget_15 | 21 | 15 | EXACT | 120 | 120 |")
        .contains("| tsiligirides_problem_2_budget_15 | 21 | 15 | ROUNDED_1DP | 120 | 120 |")
        .contains("Orienteering, EXACT distances: 1 instances").contains("Orienteering, ROUNDED_1DP distances: 1 instances")
        .doesNotContain("| NO |");
  }

  @Test
  void solvers_rejectsAnUnknownDistanceConvention() {
    Result r = run("solvers", "--data", data().toString(), "--part", "op", "--op-distances", "ROUNDED_2DP");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--op-distances").contains("ROUNDED_2DP");
  }

  @Test
  void solvers_rejectsAnUnknownSolver() {
    Result r = run("solvers", "--data", data().toString(), "--solvers", "cplex");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown solver 'cplex'");
  }
}
