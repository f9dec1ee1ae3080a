package dev.autonomy.cli.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.cli.AutonomyCli;
import dev.autonomy.core.data.SharedData;
import dev.autonomy.solve.op.OrienteeringReader;
import dev.autonomy.solve.op.OrienteeringProblem;
import dev.autonomy.solve.tsp.TspInstance;
import dev.autonomy.solve.tsp.TsplibReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SolveCommandTest {
  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    CommandLine cli = AutonomyCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  static Path data(String relative) {
    Optional<Path> file = SharedData.dataset(relative);
    assumeTrue(file.isPresent(), "needs ../shared/data/" + relative);
    return file.get();
  }

  @Test
  void tspJson_printsLengthAndAOneBasedTourOfThatLength() throws IOException {
    Path file = data("tsplib/tsp/eil51.tsp");
    Result r = run("solve", "tsp", file.toString(), "--seconds", "1", "--seed", "1", "--json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    int[] tour = IntStream.range(0, json.get("tour").size()).map(i -> json.get("tour").get(i).asInt()).toArray();
    assertThat(tour).containsExactlyInAnyOrder(IntStream.rangeClosed(1, 51).toArray());
    TspInstance instance = TsplibReader.read(file);
    long length = instance.verifiedLength(IntStream.of(tour).map(c -> c - 1).toArray());
    assertThat(json.get("length").asLong()).isEqualTo(length).isBetween(426L, 440L);
  }

  @Test
  void tspText_printsLengthAndTour() {
    Result r = run("solve", "tsp", data("tsplib/tsp/berlin52.tsp").toString(), "--seconds", "0.5");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("berlin52: length ").contains("\ntour: ");
  }

  @Test
  void opJson_printsARouteWithinTheBudget() throws IOException {
    Path file = data("orienteering/tsiligrides_problem1/tsiligirides_problem_1_budget_40.txt");
    Result r = run("solve", "op", file.toString(), "--seconds", "1", "--json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.has("score")).isTrue();
    JsonNode route = json.get("route");
    assertThat(route.get(0).asInt()).isZero();
    assertThat(route.get(route.size() - 1).asInt()).isEqualTo(1);
    OrienteeringProblem problem = OrienteeringReader.read(file).toProblem();
    int[] nodes = IntStream.range(0, route.size()).map(i -> route.get(i).asInt()).toArray();
    var verified = problem.verify(nodes);
    assertThat(json.get("length").asDouble()).isEqualTo(verified.length()).isLessThanOrEqualTo(40.0);
    assertThat(json.get("score").asDouble()).isEqualTo(verified.score()).isGreaterThanOrEqualTo(150.0);
  }

  @Test
  void malformedTsp_exitsTwoWithOneLineAndNoOutput() throws IOException {
    Path bad = dir.resolve("bad.tsp");
    Files.writeString(bad, "NAME: bad\nTYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EUC_2D\nEOF\n");
    Result r = run("solve", "tsp", bad.toString(), "--json");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip()).doesNotContain("\n").startsWith("autonomy: ").contains("bad.tsp").contains("NODE_COORD_SECTION");
  }

  @Test
  void unknownEdgeWeightType_exitsTwo() throws IOException {
    Path bad = dir.resolve("geo3.tsp");
    Files.writeString(bad, "NAME: x\nTYPE: TSP\nDIMENSION: 1\nEDGE_WEIGHT_TYPE: XRAY1\nNODE_COORD_SECTION\n1 0 0\nEOF\n");
    Result r = run("solve", "tsp", bad.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("geo3.tsp:4").contains("XRAY1");
  }

  @Test
  void missingFileOrBadOption_exitsTwo() throws IOException {
    assertThat(run("solve", "tsp", dir.resolve("none.tsp").toString()).code()).isEqualTo(2);
    Path op = dir.resolve("op.txt");
    Files.writeString(op, "10 1\n0 0 0\n1 1 zero\n");
    Result bad = run("solve", "op", op.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("op.txt:3").contains("score");
    assertThat(run("solve", "tsp", data("tsplib/tsp/eil51.tsp").toString(), "--seconds", "0").code()).isEqualTo(2);
  }

  @Test
  void impossibleBudget_exitsTwo() throws IOException {
    Path op = dir.resolve("far.txt");
    Files.writeString(op, "5 1\n0 0 0\n10 0 0\n1 1 5\n");
    Result r = run("solve", "op", op.toString(), "--seconds", "0.2");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("budget 5.0 is less than the direct cost 10.0");
  }
}
