package dev.autonomy.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.cli.AutonomyCli;
import dev.autonomy.core.data.SharedData;
import dev.autonomy.vault.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Planned paths go through the engine: a rule refuses them, otherwise they are logged for feedback. */
class PlanRulesTest {
  @TempDir Path home;

  private static String[] run(String... args) {
    CommandLine cli = AutonomyCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new String[] {Integer.toString(exit), out.toString(), err.toString()};
  }

  private static Path monaco() {
    Optional<Path> monaco = SharedData.dataset("osm-graphhopper/monaco.osm.gz");
    assumeTrue(monaco.isPresent(), "needs ../shared/data/osm-graphhopper");
    return monaco.get();
  }

  @Test
  void runLoop_isRefusedByARule_andOtherwiseTakesFeedback() throws Exception {
    Path monaco = monaco();
    String h = home.toString();
    String[] ok = run("--home", h, "plan", "run", "--map", monaco.toString(), "--start", "43.7384,7.4246", "--km", "3", "--json");
    assertThat(ok[0]).as(ok[2]).isEqualTo("0");
    JsonNode json = Json.mapper().readTree(ok[1]);
    String id = json.get("id").asText();
    assertThat(id).startsWith("plan-");
    String[] fb = run("--home", h, "feedback", id, "--done", "--rating", "5");
    assertThat(fb[0]).as(fb[2]).isEqualTo("0");
    assertThat(fb[1]).contains("run-loop-3km");

    assertThat(run("--home", h, "rule", "add", "never", "run")[0]).isEqualTo("0");
    String[] refused = run("--home", h, "plan", "run", "--map", monaco.toString(), "--start", "43.7384,7.4246", "--km", "3", "--json");
    assertThat(refused[0]).isEqualTo("2");
    assertThat(refused[1]).isEmpty();
    assertThat(refused[2]).contains("r1", "never run");
  }

  @Test
  void trip_leavesOutPlacesARuleForbids_andSaysWhichRule() throws Exception {
    Path monaco = monaco();
    String h = home.toString();
    String[] trip = {"--home", h, "plan", "trip", "--map", monaco.toString(), "--start", "43.7384,7.4246", "--hours", "6",
        "--desire", "explore=1", "--seed", "3", "--json"};
    String[] free = run(trip);
    assertThat(free[0]).as(free[2]).isEqualTo("0");
    JsonNode before = Json.mapper().readTree(free[1]);
    // Monaco's museums are worth the most to an explorer, so an unconstrained 6-hour trip takes some.
    assertThat(before.get("stops").findValuesAsText("category")).contains("museum");
    assertThat(before.get("places_removed_by_rules").size()).isZero();

    assertThat(run("--home", h, "rule", "add", "never", "museum")[0]).isEqualTo("0");
    String[] ruled = run(trip);
    assertThat(ruled[0]).as(ruled[2]).isEqualTo("0");
    JsonNode after = Json.mapper().readTree(ruled[1]);
    assertThat(after.get("stops").size()).isPositive();
    assertThat(after.get("stops").findValuesAsText("category")).doesNotContain("museum");
    assertThat(after.get("places_removed_by_rules").get("r1 \"never museum\"").asInt()).isPositive();
    String[] why = run("--home", h, "why", after.get("id").asText());
    assertThat(why[0]).as(why[2]).isEqualTo("0");
    assertThat(why[1]).contains("never museum");
  }

  @Test
  void recommend_offersPathsSizedToFreeTime_underTheRules() throws Exception {
    Path monaco = monaco();
    String h = home.toString();
    String[] args = {"--home", h, "recommend", "--context", "free_minutes=45", "--seed", "2", "--map", monaco.toString(),
        "--start", "43.7384,7.4246", "--json"};
    String[] r = run(args);
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    JsonNode paths = Json.mapper().readTree(r[1]).get("paths");
    // 45 free minutes: a loop of about 45 / 6.5 = 6.9 km, a trip of at most 45 minutes.
    assertThat(paths.get("run").get("km").asDouble()).isBetween(6.9 * 0.9, 6.9 * 1.1);
    assertThat(paths.get("run").get("recommendation").get("id").asText()).startsWith("plan-");
    assertThat(paths.get("trip").get("recommendation").get("option").get("minutes").asInt()).isBetween(1, 45);
    assertThat(paths.get("not_offered").size()).isZero();

    assertThat(run("--home", h, "rule", "add", "never", "run")[0]).isEqualTo("0");
    String[] ruled = run(args);
    assertThat(ruled[0]).as(ruled[2]).isEqualTo("0");
    JsonNode after = Json.mapper().readTree(ruled[1]).get("paths");
    assertThat(after.has("run")).isFalse();
    assertThat(after.has("trip")).isTrue();
    assertThat(after.get("not_offered").get(0).asText()).startsWith("running loop:").contains("never run");

    // A start off the map fails before anything is logged.
    int logged = Json.mapper().readTree(run("--home", h, "audit", "--json")[1]).get("loggedInAll").asInt();
    String[] off = run("--home", h, "recommend", "--map", monaco.toString(), "--start", "48.85,2.35", "--json");
    assertThat(off[0]).isEqualTo("2");
    assertThat(off[2]).contains("off the map");
    assertThat(Json.mapper().readTree(run("--home", h, "audit", "--json")[1]).get("loggedInAll").asInt()).isEqualTo(logged);

    String[] half = run("--home", h, "recommend", "--map", monaco.toString());
    assertThat(half[0]).isEqualTo("2");
    assertThat(half[2]).contains("--map and --start go together");
  }

  @Test
  void basket_leavesOutItemsARuleForbids() throws Exception {
    Path items = home.resolve("items.csv");
    Files.writeString(items, "name,price,desire,utility,max_qty\nRunning shoes,90,move,5,1\nBook,15,explore,2,3\nWine,20,buy,1,2\n");
    String h = home.toString();
    assertThat(run("--home", h, "rule", "add", "never", "wine")[0]).isEqualTo("0");
    assertThat(run("--home", h, "rule", "add", "max", "cost", "50")[0]).isEqualTo("0");
    String[] r = run("--home", h, "plan", "basket", "--budget", "120", "--items", items.toString(), "--json");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    JsonNode json = Json.mapper().readTree(r[1]);
    assertThat(json.get("items").findValuesAsText("name")).containsOnly("Book");
    assertThat(json.get("removed_by_rules").has("Wine")).isTrue();
    assertThat(json.get("removed_by_rules").get("Running shoes").asText()).contains("max cost 50");
  }
}
