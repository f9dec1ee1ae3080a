package dev.autonomy.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.cli.AutonomyCli;
import dev.autonomy.core.data.SharedData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PlanCommandTest {
  @TempDir static Path home;
  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    CommandLine cli = AutonomyCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of("--home", home.toString()));
    all.addAll(List.of(args));
    int code = cli.execute(all.toArray(String[]::new));
    return new Result(code, out.toString(), err.toString());
  }

  static String map(String name) {
    Optional<Path> file = SharedData.dataset("osm-graphhopper/" + name);
    assumeTrue(file.isPresent(), "needs ../shared/data/osm-graphhopper/" + name);
    return file.get().toString();
  }

  @Test
  void trip_printsOrderedPlacesWithinTheBudget() throws IOException {
    Result r = run("plan", "trip", "--map", map("monaco.osm.gz"), "--start", "43.7384,7.4246", "--hours", "3", "--json", "--seed", "3");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode trip = new ObjectMapper().readTree(r.out());
    assertThat(trip.get("budget_minutes").asDouble()).isEqualTo(180.0);
    assertThat(trip.get("total_minutes").asDouble()).isLessThanOrEqualTo(180.0);
    assertThat(trip.get("bound").asText()).isNotBlank();
    Set<String> ids = new HashSet<>();
    double walk = trip.get("return_walk_minutes").asDouble();
    assertThat(trip.get("stops").size()).isPositive();
    for (JsonNode stop : trip.get("stops")) {
      assertThat(ids.add(stop.get("osm_id").asText())).isTrue();
      assertThat(stop.get("name").asText()).isNotBlank();
      assertThat(stop.get("category").asText()).isNotBlank();
      assertThat(stop.get("why").asText()).contains(" x ");
      assertThat(stop.get("arrival").asText()).matches("\\d\\d:\\d\\d(:\\d\\d)?");
      walk += stop.get("walk_minutes").asDouble();
    }
    assertThat(walk).isCloseTo(trip.get("walk_minutes").asDouble(), org.assertj.core.data.Offset.offset(0.1 * (ids.size() + 2)));
    // the graph is cached in the vault, under maps/
    try (var entries = Files.list(home.resolve("maps"))) {
      assertThat(entries.map(p -> p.getFileName().toString()).toList()).anyMatch(n -> n.startsWith("monaco-"));
    }
  }

  @Test
  void trip_textSaysWhyAndWhatBoundIt() {
    Result r = run("plan", "trip", "--map", map("monaco.osm.gz"), "--start", "43.7384,7.4246", "--hours", "2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Walking trip on monaco").contains("explore 0.70 x").contains("Bound: ").contains("OpenStreetMap");
  }

  @Test
  void trip_startOffTheMapExitsTwo() {
    Result r = run("plan", "trip", "--map", map("monaco.osm.gz"), "--start", "48.8566,2.3522", "--hours", "6");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("start 48.856600,2.352200 is off the map 'monaco'");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void trip_fileThatIsNotOsmExitsTwo() throws IOException {
    Path bogus = dir.resolve("bogus.osm.gz");
    Files.writeString(bogus, "hello");
    Result r = run("plan", "trip", "--map", bogus.toString(), "--start", "43.7384,7.4246", "--hours", "6");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bogus.osm.gz: not an OpenStreetMap file");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void run_loopIsWithinTenPercentAndWritesGpx() throws IOException {
    Path gpx = dir.resolve("loop.gpx");
    Result r = run("plan", "run", "--map", map("andorra.osm.pbf"), "--start", "42.5078,1.5211", "--km", "5", "--json", "--gpx", gpx.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode loop = new ObjectMapper().readTree(r.out());
    assertThat(loop.get("km").asDouble()).isBetween(4.5, 5.5);
    assertThat(loop.get("within_tolerance").asBoolean()).isTrue();
    assertThat(loop.get("repeated_share").asDouble()).isBetween(0.0, 1.0);
    assertThat(loop.get("elevation_gain_m").isNull()).isTrue();
    assertThat(loop.get("points").size()).isGreaterThan(10);
    assertThat(Files.readString(gpx)).contains("<trkpt").hasLineCount(loop.get("points").size() + 6);
  }

  @Test
  void run_textShowsDistanceAndRepeats() {
    Result r = run("plan", "run", "--map", map("andorra.osm.pbf"), "--start", "42.5078,1.5211", "--km", "5");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Distance:").contains("asked 5.00 km").contains("Repeated:").contains("Climb:     unknown");
  }

  @Test
  void basket_choosesWithinBudgetAndMatchesTheExactOptimum() throws IOException {
    Path items = dir.resolve("items.csv");
    Files.writeString(items, "name,price,desire,utility,max_qty\nrunning shoes,89.90,move,9,1\ncoffee beans,12.50,rest,3,4\n"
        + "museum pass,25,explore,7,2\nbook,18,explore,5,3\nsavings jar,20,save,6,3\n");
    Result r = run("plan", "basket", "--budget", "120", "--items", items.toString(), "--desire", "buy=0.7,save=0.3,explore=0.5", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode basket = new ObjectMapper().readTree(r.out());
    assertThat(basket.get("spent").asDouble()).isLessThanOrEqualTo(120.0);
    assertThat(basket.get("utility").asDouble()).isGreaterThanOrEqualTo(0.99 * basket.get("exact_optimum").asDouble());
    for (JsonNode line : basket.get("items")) {
      assertThat(line.get("desire").asText()).isIn("save", "explore");
      assertThat(line.get("why").asText()).isNotBlank();
    }
  }

  @Test
  void basket_impossibleBudgetExitsTwo() throws IOException {
    Path items = dir.resolve("items.csv");
    Files.writeString(items, "name,price,desire,utility,max_qty\nbike,300,move,9,1\n");
    Result r = run("plan", "basket", "--budget", "120", "--items", items.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("nothing is affordable");
    r = run("plan", "basket", "--budget", "-1", "--items", items.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("budget must be >= 0");
  }

  @Test
  void basket_badCsvNamesLineAndField() throws IOException {
    Path items = dir.resolve("items.csv");
    Files.writeString(items, "name,price,desire,utility,max_qty\nbike,300,move,9,1\ntea,cheap,rest,1,1\n");
    Result r = run("plan", "basket", "--budget", "120", "--items", items.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("items.csv:3: field 'price': expected a number, was 'cheap'");
  }
}
