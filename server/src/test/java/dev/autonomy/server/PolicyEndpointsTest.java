package dev.autonomy.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.vault.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ranking policies over HTTP: list, shadow, switch and evaluate answer the CLI's shapes, and
 * an unknown name, a bad body, feedback on a shadow list and an empty log are clear 4xx problems.
 */
class PolicyEndpointsTest {
  @TempDir static Path dir;
  static DemoServer demo;
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  record Reply(int status, JsonNode json) {}

  @BeforeAll
  static void start() throws Exception {
    demo = DemoServer.start(dir);
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  static Reply send(String method, String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(demo.base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Authorization", "Bearer " + DemoServer.TOKEN.value()).build();
    HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    RawHttp.assertProblemIfError(r);
    String type = r.statusCode() >= 400 ? "application/problem+json" : "application/json";
    assertThat(r.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t).startsWith(type));
    return new Reply(r.statusCode(), Json.mapper().readTree(r.body()));
  }

  @Test
  void policiesAreListedShadowedSwitchedAndEvaluatedOverHttp() throws Exception {
    Reply empty = send("GET", "/policies/linucb/evaluation?days=30", null);
    assertThat(empty.status()).as(empty.json().toString()).isEqualTo(400);
    assertThat(empty.json().get("detail").asText()).contains("no list shown in the last 30 day(s)");

    Reply list = send("GET", "/policies", null);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().get("policies")).hasSize(5);
    assertThat(list.json().get("policies").get(0).get("name").asText()).isEqualTo("fixed");
    assertThat(list.json().get("policies").get(0).get("live").asBoolean()).isTrue();

    Reply shadow = send("PUT", "/policies/shadows/thompson", null);
    assertThat(shadow.status()).as(shadow.json().toString()).isEqualTo(200);
    assertThat(shadow.json().get("shadows").get(0).asText()).isEqualTo("thompson");

    Reply recommend = send("GET", "/recommend?limit=3&explore=0", null);
    assertThat(recommend.status()).isEqualTo(200);
    String top = recommend.json().get("recommendations").get(0).get("id").asText();
    Reply fb = send("POST", "/feedback/" + top, "{\"outcome\":\"done\",\"rating\":4}");
    assertThat(fb.status()).as(fb.json().toString()).isEqualTo(200);
    // The person sees a shadow list's id only in an export of the log.
    Path export = dir.resolve("export");
    demo.autonomy.export(export);
    JsonNode logged = Json.mapper().readTree(java.nio.file.Files.readAllLines(export.resolve("lists.jsonl")).get(0));
    String shadowId = logged.get("shadows").get(0).get("id").asText();
    Reply onShadow = send("POST", "/feedback/" + shadowId, "{\"outcome\":\"done\"}");
    assertThat(onShadow.status()).as(onShadow.json().toString()).isBetween(400, 499);
    assertThat(onShadow.json().get("detail").asText()).contains("never shown");

    Reply evaluation = send("GET", "/policies/thompson/evaluation?days=30", null);
    assertThat(evaluation.status()).as(evaluation.json().toString()).isEqualTo(200);
    assertThat(evaluation.json().get("evaluable").asInt()).isEqualTo(1);
    assertThat(evaluation.json().get("targetFrom").get("shadow").asInt()).isEqualTo(1);
    assertThat(evaluation.json().get("estimates")).hasSize(5);

    Reply unknown = send("GET", "/policies/best/evaluation", null);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("detail").asText()).contains("no ranking policy 'best'");
    Reply badBody = send("POST", "/policies/live", "{\"nom\":\"linucb\"}");
    assertThat(badBody.status()).isEqualTo(400);

    Reply switched = send("POST", "/policies/live", "{\"name\":\"linucb\"}");
    assertThat(switched.status()).as(switched.json().toString()).isEqualTo(200);
    assertThat(switched.json().get("from").asText()).isEqualTo("fixed");
    assertThat(switched.json().get("to").asText()).isEqualTo("linucb");
    Reply after = send("GET", "/policies", null);
    assertThat(after.json().get("switches")).hasSize(1);
    assertThat(after.json().get("policies").get(1).get("live").asBoolean()).isTrue();
    Reply off = send("DELETE", "/policies/shadows/thompson", null);
    assertThat(off.json().get("shadows")).isEmpty();
  }
}
