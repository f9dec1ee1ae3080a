package dev.autonomy.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.vault.Json;
import dev.autonomy.vault.Vault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server tells the person's error (400, 403, 404) from a failure of ours (500) for each group
 * of routes, always as problem details; a failure's detail hides internals.
 */
class ProblemStatusTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  /** What each route's body looks like, as its error messages show it. */
  private static final String FEEDBACK = "{\"outcome\":\"done\",\"rating\":4}";
  private static final String RULE = "{\"text\":\"never swim\"}";
  /** The whole detail of a 500: internals go to the log only. */
  private static final String INTERNAL = "internal error; the server log has the details";

  @TempDir Path home;
  private Autonomy autonomy;
  private AutonomyServer server;
  private String base;

  @BeforeEach
  void start() {
    autonomy = Autonomy.open(home, DemoServer.CLOCK, new SplittableRandom(1));
    server = new AutonomyServer(autonomy, DemoServer.TOKEN);
    base = "http://127.0.0.1:" + server.start(AutonomyServer.LOOPBACK, 0);
  }

  @AfterEach
  void stop() {
    server.close();
    autonomy.close();
  }

  record Reply(int status, String contentType, JsonNode json) {}

  private Reply send(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + DemoServer.TOKEN.value())
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    RawHttp.assertProblemIfError(r);
    return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), Json.mapper().readTree(r.body()));
  }

  private static void assertProblem(Reply r, int status) {
    assertThat(r.status()).as(r.json().toString()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("status").asInt()).isEqualTo(status);
    assertThat(r.json().get("title").asText()).isNotBlank();
    assertThat(r.json().get("detail").asText()).isNotBlank();
  }

  @Test
  void thePersonsErrors_are400_403_404_withWhatToChange() throws Exception {
    assertProblem(send("GET", "/desires?context=plcae%3Dindoor", null), 400,
        "context: unknown key 'plcae'; known keys: place, weather, free_minutes, budget, limits, at, mood, quiet, activity");
    assertProblem(send("GET", "/recommend?limit=0", null), 400, "limit must be in 1..1000, was 0");
    assertProblem(send("GET", "/ask?text=run&limit=0", null), 400, "limit must be in 1..1000, was 0");
    assertProblem(send("GET", "/why/rec-nope", null), 404,
        "no recommendation with id 'rec-nope'; use an id a recommendation list gave");
    assertProblem(send("POST", "/feedback/rec-nope", "{\"outcome\":\"done\"}"), 404,
        "no recommendation with id 'rec-nope'; use an id a recommendation list gave");
    assertProblem(send("POST", "/rules", "{\"text\":\"sometimes swim\"}"), 400,
        "cannot understand rule 'sometimes swim'; rules look like: never WORD | max N minutes [on weekdays|weekends|mondays..]"
        + " | max cost N | max effort N | no outdoor|indoor [on DAYS | when weather=rain]");
    assertProblem(send("DELETE", "/rules/r99", null), 404, "no rule with id 'r99'; rules: []");
    assertProblem(send("GET", "/audit?days=0", null), 400, "days must be in 1..3650, was 0");

    // Feedback twice on one recommendation is refused (it would teach the models twice): 403.
    String id = send("GET", "/recommend?limit=1", null).json().get("recommendations").get(0).get("id").asText();
    assertThat(send("POST", "/feedback/" + id, "{\"outcome\":\"done\"}").status()).isEqualTo(200);
    Reply again = send("POST", "/feedback/" + id, "{\"outcome\":\"done\"}");
    assertProblem(again, 403);
    assertThat(again.json().get("detail").asText()).startsWith("feedback on " + id + " was already given (");
  }

  private static void assertProblem(Reply r, int status, String detail) {
    assertProblem(r, status);
    assertThat(r.json().get("detail").asText()).isEqualTo(detail);
  }

  @Test
  void aBodyThatIsNotAJsonObject_is400_showingWhatToSend() throws Exception {
    for (String body : new String[] {"", "null", "[\"done\"]", "\"done\"", "4"}) {
      assertProblem(send("POST", "/feedback/rec-nope", body), 400, "request body must be a JSON object like " + FEEDBACK);
      assertProblem(send("POST", "/rules", body), 400, "request body must be a JSON object like " + RULE);
    }
    // Broken JSON: Jackson's reason (which token, where) follows the example.
    Reply feedback = send("POST", "/feedback/rec-nope", "{\"outcome\":\"done\"");
    assertProblem(feedback, 400);
    assertThat(feedback.json().get("detail").asText())
        .startsWith("request body must be a JSON object like " + FEEDBACK + ": ").contains("end-of-input");
    Reply rule = send("POST", "/rules", "never swim");
    assertProblem(rule, 400);
    assertThat(rule.json().get("detail").asText())
        .startsWith("request body must be a JSON object like " + RULE + ": ").contains("Unrecognized token 'never'");
  }

  @Test
  void aBodyFieldOfTheWrongType_is400_namingTheField() throws Exception {
    assertProblem(send("POST", "/feedback/rec-nope", "{\"outcome\":{\"done\":true}}"), 400,
        "request body field 'outcome' must be a string; send a JSON object like " + FEEDBACK);
    assertProblem(send("POST", "/feedback/rec-nope", "{\"outcome\":\"done\",\"rating\":\"four\"}"), 400,
        "request body field 'rating' must be a number; send a JSON object like " + FEEDBACK);
    assertProblem(send("POST", "/rules", "{\"text\":[\"never swim\"]}"), 400,
        "request body field 'text' must be a string; send a JSON object like " + RULE);
  }

  @Test
  void aBodyFieldWithAnInvalidValue_is400_namingTheFieldAndTheValue() throws Exception {
    assertProblem(send("POST", "/feedback/rec-nope", "{\"outcome\":\"maybe\"}"), 400,
        "outcome must be \"done\" or \"skipped\", was \"maybe\"");
    assertProblem(send("POST", "/feedback/rec-nope", "{\"rating\":4}"), 400,
        "outcome must be \"done\" or \"skipped\", was null");
    assertProblem(send("POST", "/feedback/rec-nope", "{\"outcome\":\"done\",\"rating\":7}"), 400, "rating must be 1..5, was 7");
    // Not rounded to 4 on the way in: a rating is a whole number.
    assertProblem(send("POST", "/feedback/rec-nope", "{\"outcome\":\"done\",\"rating\":4.5}"), 400, "rating must be 1..5, was 4.5");
    assertProblem(send("POST", "/feedback/rec-nope", "{\"outcome\":\"later\",\"rating\":0}"), 400,
        "outcome must be \"done\" or \"skipped\", was \"later\"; rating must be 1..5, was 0");
    assertProblem(send("POST", "/rules", "{\"text\":\"  \"}"), 400, "text must be a rule like \"never swim\", was \"  \"");
    // A field the API does not know is named, not dropped (which would then read as a missing text).
    assertProblem(send("POST", "/rules", "{\"rule\":\"never swim\"}"), 400,
        "request body field 'rule' is not known; known: text; send a JSON object like {\"text\":\"never swim\"}");
    assertProblem(send("POST", "/rules", "{}"), 400, "text must be a rule like \"never swim\", was null");
  }

  @Test
  void aDamagedModelInTheVault_isOurFailure_500_withoutInternals() throws Exception {
    assertThat(send("GET", "/desires", null).status()).isEqualTo(200);
    // Another process damages the stored desire model; the server must see it and fail as ours.
    try (Vault other = Vault.open(home, DemoServer.CLOCK)) {
      other.documents().put("model.desire", "{\"format\":\"autonomy-desire-linear/1\",\"heads\":\"broken\"}");
    }

    for (String path : new String[] {"/desires", "/recommend", "/ask?text=run"}) {
      assertProblem(send("GET", path, null), 500, INTERNAL);
    }
  }

  @Test
  void aDamagedRecommendationInTheLog_isOurFailure_500_forWhyFeedbackAndAudit() throws Exception {
    String id = send("GET", "/recommend?limit=1", null).json().get("recommendations").get(0).get("id").asText();
    sql("UPDATE recommendations SET body = '{\"option\":' WHERE id = '" + id + "'");

    assertProblem(send("GET", "/why/" + id, null), 500, INTERNAL);
    assertProblem(send("POST", "/feedback/" + id, "{\"outcome\":\"done\"}"), 500, INTERNAL);
    assertProblem(send("GET", "/audit", null), 500, INTERNAL);
  }

  @Test
  void aDamagedRuleInTheVault_isOurFailure_500() throws Exception {
    assertThat(send("POST", "/rules", "{\"text\":\"never swim\"}").status()).isEqualTo(201);
    sql("UPDATE rules SET created = 'last tuesday'");

    assertProblem(send("GET", "/rules", null), 500, INTERNAL);
  }

  /** Changes the vault's database behind the server's back, as another program (or a bad disk) might. */
  private void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("vault.db"));
        Statement st = c.createStatement()) {
      assertThat(st.executeUpdate(statement)).isEqualTo(1);
    }
  }
}
