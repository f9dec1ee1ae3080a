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
  void thePersonsErrors_are400_403_404() throws Exception {
    assertProblem(send("GET", "/desires?context=plcae%3Dindoor", null), 400);
    assertProblem(send("GET", "/recommend?limit=0", null), 400);
    assertProblem(send("GET", "/why/rec-nope", null), 404);
    assertProblem(send("POST", "/feedback/rec-nope", "{\"outcome\":\"done\"}"), 404);
    assertProblem(send("POST", "/rules", "{\"text\":\"sometimes swim\"}"), 400);
    assertProblem(send("DELETE", "/rules/r99", null), 404);
    assertProblem(send("GET", "/audit?days=0", null), 400);

    // Feedback twice on one recommendation is refused (it would teach the models twice): 403.
    String id = send("GET", "/recommend?limit=1", null).json().get("recommendations").get(0).get("id").asText();
    assertThat(send("POST", "/feedback/" + id, "{\"outcome\":\"done\"}").status()).isEqualTo(200);
    Reply again = send("POST", "/feedback/" + id, "{\"outcome\":\"done\"}");
    assertProblem(again, 403);
    assertThat(again.json().get("detail").asText()).contains("already given");
  }

  @Test
  void aDamagedModelInTheVault_isOurFailure_500_withoutInternals() throws Exception {
    assertThat(send("GET", "/desires", null).status()).isEqualTo(200);
    // Another process damages the stored desire model; the server must see it and fail as ours.
    try (Vault other = Vault.open(home, DemoServer.CLOCK)) {
      other.documents().put("model.desire", "{\"format\":\"autonomy-desire-linear/1\",\"heads\":\"broken\"}");
    }

    for (String path : new String[] {"/desires", "/recommend"}) {
      Reply r = send("GET", path, null);
      assertProblem(r, 500);
      assertThat(r.json().get("detail").asText()).doesNotContain("Exception").doesNotContain("model.desire");
    }
  }
}
