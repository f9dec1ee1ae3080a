package dev.autonomy.bench.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autonomy.bench.BenchCli;
import dev.autonomy.core.data.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BanditCommandsTest {
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

  @Test
  void bandit_printsATableAndJson() {
    Result table = run("bandit", "--decisions", "100", "--seeds", "2");
    assertThat(table.code()).isZero();
    assertThat(table.out()).contains("| decisions | policy |", "| 100 | fixed |", "| 100 | linucb-hybrid |");
    Result json = run("bandit", "--decisions", "100", "--seeds", "2", "--json");
    assertThat(json.code()).isZero();
    assertThat(json.out()).contains("\"share_last_50\"", "\"cumulative_regret\"");
  }

  @Test
  void bandit_replaysOnlyTheNamedPolicies_andRejectsAnUnknownOne() {
    Result r = run("bandit", "--decisions", "100", "--seeds", "2", "--replays", "2", "--policies", "conservative");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("| 100 | fixed |", "| 100 | conservative |", "of 4 |").doesNotContain("| 100 | linucb |");
    Result bad = run("bandit", "--policies", "bestest");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--policies: no policy 'bestest'");
  }

  @Test
  void banditMemory_measuresEveryPolicyAndTheEngineDocument() {
    Result r = run("bandit-memory", "--dimensions", "8,32");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("| linucb | 8 |", "| thompson | 32 |", "| conservative | 32 |", "engine.policy");
    BanditMemory.Report report = BanditMemory.run(java.util.List.of(8, 32), 1);
    long linucb8 = heap(report, "linucb", 8);
    assertThat(heap(report, "linucb", 32)).as("A and A^-1 grow with d^2").isGreaterThan(8 * linucb8);
    assertThat(heap(report, "thompson", 32)).as("Thompson keeps a Cholesky factor too").isGreaterThan(heap(report, "linucb", 32));
    assertThat(report.engine().bytes()).isPositive();
  }

  private static long heap(BanditMemory.Report report, String policy, int d) {
    return report.rows().stream().filter(r -> r.policy().equals(policy) && r.dimension() == d).findFirst().orElseThrow().heapBytes();
  }

  @Test
  void bandit_rejectsTooFewDecisions() {
    Result r = run("bandit", "--decisions", "30");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--decisions must be >= 70, was 30");
  }

  @Test
  void obd_namesTheFolderItCannotUse() {
    Result r = run("obd", "--data", "/nonexistent/obd");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("/nonexistent/obd: no random/ and bts/ folders");
  }

  @Test
  void obd_printsTheJsonShapeOnTheSharedSample() {
    assumeTrue(SharedData.dataset("open-bandit-dataset").isPresent(), "../shared/data/open-bandit-dataset is not here");
    Result r = run("obd", "--resamples", "20", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"campaign\" : \"men\"", "\"campaign\" : \"women\"", "\"on_policy_ctr\"", "\"snipw\"",
        "\"relative_error\"", "\"ci_low\"", "\"replay\"", "\"thompson\"");
  }

  @Test
  void help_listsTheNewBenchmarks() {
    Result r = run("--help");
    assertThat(r.out()).contains("bandit", "ope", "obd");
  }
}
