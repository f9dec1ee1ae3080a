package dev.autonomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.demo.DemoFiles;
import dev.autonomy.engine.demo.SyntheticPerson;
import dev.autonomy.server.AccessToken;
import dev.autonomy.server.AutonomyServer;
import dev.autonomy.vault.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The CLI's {@code --json} and the API print the same shapes: for one vault, {@code desires},
 * {@code recommend} and {@code rule list} from the command objects, in process, against
 * {@code GET /desires}, {@code /recommend} and {@code /rules} from a real server, compared field
 * by field (names, nesting and JSON types; the values differ, as time and exploration do).
 */
class CliApiShapesTest {
  @TempDir static Path dir;
  static Path home;
  static Map<String, JsonNode> cli = new TreeMap<>();
  static Map<String, JsonNode> api = new TreeMap<>();

  static JsonNode run(String... args) throws Exception {
    return Json.mapper().readTree(exec(args));
  }

  static String exec(String... args) {
    CommandLine commands = AutonomyCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commands.setOut(new PrintWriter(out));
    commands.setErr(new PrintWriter(err));
    assertThat(commands.execute(args)).as(err.toString()).isZero();
    return out.toString();
  }

  @BeforeAll
  static void bothWays() throws Exception {
    home = dir.resolve("home");
    SplittableRandom random = new SplittableRandom(5);
    DemoFiles.Written files = DemoFiles.write(dir.resolve("files"), SyntheticPerson.generate(LocalDate.now(), 40,
        random.split()), ZoneId.systemDefault(), random.split());
    for (Path f : files.all()) {
      exec("--home", home.toString(), "import", f.toString());
    }
    exec("--home", home.toString(), "rule", "add", "never swim");
    String h = home.toString();
    cli.put("desires", run("--home", h, "desires", "--context", "place=indoor", "--json"));
    cli.put("recommend", run("--home", h, "recommend", "--context", "place=indoor", "--limit", "4", "--explore", "0", "--json"));
    cli.put("rules", run("--home", h, "rule", "list", "--json"));
    AccessToken token = new AccessToken("shape-test-token-0123456789");
    try (Autonomy autonomy = Autonomy.open(home, Clock.systemDefaultZone(), new SplittableRandom(1));
        AutonomyServer server = new AutonomyServer(autonomy, token)) {
      String base = "http://127.0.0.1:" + server.start(AutonomyServer.LOOPBACK, 0);
      HttpClient client = HttpClient.newHttpClient();
      for (Map.Entry<String, String> route : Map.of("desires", "/desires?context=place%3Dindoor",
          "recommend", "/recommend?context=place%3Dindoor&limit=4&explore=0", "rules", "/rules").entrySet()) {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + route.getValue()))
            .header("Authorization", "Bearer " + token.value()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        api.put(route.getKey(), Json.mapper().readTree(r.body()));
      }
    }
  }

  /**
   * A value's shape: an object's field names with their shapes, an array's elements' shapes merged,
   * a scalar's JSON type.
   */
  static JsonNode shape(JsonNode value) {
    if (value.isObject()) {
      var out = Json.mapper().createObjectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> field = it.next();
        out.set(field.getKey(), shape(field.getValue()));
      }
      return out;
    }
    if (value.isArray()) {
      var merged = Json.mapper().createObjectNode();
      var scalars = new java.util.TreeSet<String>();
      for (JsonNode element : value) {
        JsonNode s = shape(element);
        if (s.isObject()) {
          merged.setAll((com.fasterxml.jackson.databind.node.ObjectNode) s);
        } else {
          scalars.add(s.asText());
        }
      }
      return Json.mapper().createArrayNode().add(merged).add(String.join("|", scalars));
    }
    return Json.mapper().getNodeFactory().textNode(value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
  }

  @Test
  void desires_recommend_andRules_haveTheSameShapeFromTheCliAndTheApi() {
    assertThat(api.keySet()).containsExactly("desires", "recommend", "rules");
    for (String name : api.keySet()) {
      assertThat(shape(api.get(name))).as(name).isEqualTo(shape(cli.get(name)));
    }
    assertThat(api.get("rules").get("rules").get(0).get("text").asText()).isEqualTo("never swim");
    assertThat(api.get("recommend").get("recommendations")).hasSize(4);
    assertThat(cli.get("recommend").get("recommendations")).hasSize(4);
    assertThat(shape(api.get("recommend")).at("/recommendations/0/explanation/contributions/0").has("meaning")).isTrue();
  }
}
