package dev.autonomy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.context.StatedContext;
import dev.autonomy.engine.rank.Ranking;
import dev.autonomy.engine.rank.RankingPolicy;
import dev.autonomy.vault.Json;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API as an app uses it: a real server on an ephemeral port over a vault with the demo person. */
class AutonomyServerTest {
  private static final Clock CLOCK = DemoServer.CLOCK;
  private static final AccessToken TOKEN = DemoServer.TOKEN;

  @TempDir static Path dir;
  static DemoServer demo;
  static Autonomy autonomy;
  static AutonomyServer server;
  static String base;
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  record Reply(int status, JsonNode json) {}

  @BeforeAll
  static void start() throws Exception {
    demo = DemoServer.start(dir);
    autonomy = demo.autonomy;
    server = demo.server;
    base = demo.base;
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  static Reply send(String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    RawHttp.assertProblemIfError(r);
    // Errors are RFC 9457 problem details; everything else is plain JSON.
    String type = r.statusCode() >= 400 ? "application/problem+json" : "application/json";
    assertThat(r.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t).startsWith(type));
    return new Reply(r.statusCode(), Json.mapper().readTree(r.body()));
  }

  static Reply get(String path) throws Exception {
    return send("GET", path, null, TOKEN.value());
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void everyRoute_withoutTheToken_is401() throws Exception {
    for (String path : List.of("/desires", "/recommend", "/rules", "/audit", "/why/rec-x")) {
      Reply r = send("GET", path, null, null);
      assertThat(r.status()).as(path).isEqualTo(401);
      assertThat(r.json().get("detail").asText()).startsWith("missing token");
    }
    Reply wrong = send("POST", "/rules", "{\"text\":\"never swim\"}", "not-the-token-but-long-enough");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().get("detail").asText()).startsWith("wrong token");
    assertThat(get("/rules").json().get("rules")).isEmpty();
  }

  @Test
  void health_needsNoToken_andSaysNothingPersonal() throws Exception {
    Reply r = send("GET", "/health", null, null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().toString()).isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  void desires_inAContext_haveIntensitiesAndReasons() throws Exception {
    Reply r = get("/desires?context=" + q("place=outdoor,free_minutes=40"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("context").get("place").asText()).isEqualTo("outdoor");
    assertThat(r.json().get("context").get("free_minutes").asText()).isEqualTo("40");
    List<String> types = new ArrayList<>();
    r.json().get("desires").forEach(d -> {
      types.add(d.get("type").asText());
      assertThat(d.get("intensity").asDouble()).isBetween(0.0, 1.0);
    });
    assertThat(types).containsExactlyInAnyOrder("move", "rest", "explore", "buy", "save");
    List<String> stated = new ArrayList<>();
    r.json().get("stated").forEach(u -> {
      stated.add(u.get("key").asText() + "=" + u.get("value").asText());
      assertThat(u.get("why").asText()).isNotBlank();
    });
    assertThat(stated).containsExactly("place=outdoor", "free_minutes=40");
  }

  @Test
  void choose_laysOutTheOptionsWithoutAPick_andLogsNoRecommendation() throws Exception {
    Reply r = get("/choose?context=" + q("place=outdoor,free_minutes=40") + "&desire=move");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("ranked").asBoolean()).isFalse();
    assertThat(r.json().get("options")).isNotEmpty();
    r.json().get("options").forEach(o -> {
      assertThat(o.get("desire").asText()).isEqualTo("move");
      assertThat(o.get("minutes").asInt()).isLessThanOrEqualTo(40);
      assertThat(o.has("score")).isFalse();
    });
    assertThat(get("/why/rec-none").status()).isEqualTo(404);
  }

  @Test
  void ask_readsTheDesireAndRecommendsForIt() throws Exception {
    Reply en = get("/ask?text=" + q("I want to go for a run") + "&limit=2");
    assertThat(en.status()).as(en.json().toString()).isEqualTo(200);
    assertThat(en.json().get("text").asText()).isEqualTo("I want to go for a run");
    assertThat(en.json().get("understood").get("desire").asText()).isEqualTo("move");
    assertThat(en.json().get("understood").get("language").asText()).isEqualTo("en");
    JsonNode recs = en.json().get("recommendations");
    assertThat(recs.size()).isBetween(1, 2);
    recs.forEach(rec -> assertThat(rec.get("desire").asText()).isEqualTo("move"));
    assertThat(get("/why/" + recs.get(0).get("id").asText()).status()).isEqualTo(200);

    Reply zh = get("/ask?text=" + q("想找个安静的地方看书") + "&context=" + q("free_minutes=30"));
    assertThat(zh.status()).as(zh.json().toString()).isEqualTo(200);
    assertThat(zh.json().get("understood").get("desire").asText()).isEqualTo("rest");
    assertThat(zh.json().get("context").get("quiet").asText()).isEqualTo("true");
    assertThat(zh.json().get("context").get("free_minutes").asText()).isEqualTo("30");
    zh.json().get("recommendations").forEach(rec -> assertThat(rec.get("desire").asText()).isEqualTo("rest"));
  }

  @Test
  void ask_badInput_is400_andNoToken_is401() throws Exception {
    for (String path : List.of("/ask", "/ask?text=", "/ask?text=" + q("   "))) {
      Reply r = get(path);
      assertThat(r.status()).as(path).isEqualTo(400);
      assertThat(r.json().get("detail").asText()).as(path).contains("say what you want");
    }
    Reply limit = get("/ask?text=run&limit=0");
    assertThat(limit.status()).isEqualTo(400);
    assertThat(limit.json().get("detail").asText()).isEqualTo("limit must be in 1..1000, was 0");
    Reply context = get("/ask?text=run&context=" + q("place=moon"));
    assertThat(context.status()).isEqualTo(400);
    Reply noToken = send("GET", "/ask?text=" + q("I want to go for a run"), null, null);
    assertThat(noToken.status()).isEqualTo(401);
    assertThat(noToken.json().get("detail").asText()).startsWith("missing token");
  }

  @Test
  void recommend_givesIdsThatWhyAndFeedbackAccept() throws Exception {
    Reply r = get("/recommend?context=" + q("place=outdoor") + "&limit=3&explore=0&desire=move");
    assertThat(r.status()).as(r.json().toString()).isEqualTo(200);
    JsonNode recs = r.json().get("recommendations");
    assertThat(recs).hasSize(3);
    recs.forEach(rec -> assertThat(rec.get("desire").asText()).isEqualTo("move"));
    String id = recs.get(0).get("id").asText();
    String option = recs.get(0).get("option").get("id").asText();

    Reply why = get("/why/" + id);
    assertThat(why.status()).isEqualTo(200);
    assertThat(why.json().get("id").asText()).isEqualTo(id);
    assertThat(why.json().get("option").get("id").asText()).isEqualTo(option);
    assertThat(why.json().get("context").get("place").asText()).isEqualTo("outdoor");
    assertThat(why.json().get("feedback_count").asInt()).isZero();

    Reply fb = send("POST", "/feedback/" + id, "{\"outcome\":\"done\",\"rating\":5}", TOKEN.value());
    assertThat(fb.status()).as(fb.json().toString()).isEqualTo(200);
    assertThat(fb.json().get("option").asText()).isEqualTo(option);
    assertThat(fb.json().get("outcome").asText()).isEqualTo("done");
    assertThat(fb.json().get("preference_now").asDouble()).isGreaterThan(0.5);

    Reply after = get("/why/" + id);
    assertThat(after.json().get("feedback_count").asInt()).isEqualTo(1);
    assertThat(after.json().get("feedback_since").get(0).get("rating").asInt()).isEqualTo(5);

    Reply audit = get("/audit?days=28");
    assertThat(audit.status()).isEqualTo(200);
    assertThat(audit.json().toString()).contains("\"days\":28");
  }

  @Test
  void aRuleAdded_takesItsOptionOutOfRecommend_untilRemoved() throws Exception {
    String path = "/recommend?context=" + q("place=outdoor") + "&limit=5&explore=0";
    JsonNode top = get(path).json().get("recommendations").get(0).get("option");
    String activity = top.get("activity").asText();
    assertThat(activity).isNotBlank();

    Reply added = send("POST", "/rules", "{\"text\":\"never " + activity + "\"}", TOKEN.value());
    assertThat(added.status()).isEqualTo(201);
    String ruleId = added.json().get("id").asText();
    assertThat(added.json().get("text").asText()).isEqualTo("never " + activity);
    assertThat(get("/rules").json().get("rules").get(0).get("id").asText()).isEqualTo(ruleId);
    try {
      JsonNode ranked = get(path).json();
      assertThat(ranked.get("recommendations")).isNotEmpty();
      ranked.get("recommendations").forEach(rec -> assertThat(rec.get("option").get("activity").asText()).isNotEqualTo(activity));
      assertThat(ranked.get("rules").get(0).get("removed").toString()).contains(top.get("id").asText());
    } finally {
      Reply removed = send("DELETE", "/rules/" + ruleId, null, TOKEN.value());
      assertThat(removed.status()).isEqualTo(200);
      assertThat(removed.json().get("removed").asText()).isEqualTo(ruleId);
    }
    assertThat(get(path).json().get("recommendations").get(0).get("option").get("id").asText()).isEqualTo(top.get("id").asText());
  }

  @Test
  void recommend_withAStatedBudgetAndFreeTime_showsWhatTheEngineRanks_andSaysWhatTheLimitsLeftOut() throws Exception {
    String context = "budget=10,free_minutes=45";
    Reply r = get("/recommend?context=" + q(context) + "&limit=30&explore=0");
    assertThat(r.status()).as(r.json().toString()).isEqualTo(200);
    // The same ranking the engine gives for the same context (unlogged), limits and all.
    var situation = StatedContext.parse(List.of(context), CLOCK);
    Ranking expected = autonomy.rank(situation, new RankingPolicy(30, 0), autonomy.options().all());
    List<String> shown = new ArrayList<>();
    r.json().get("recommendations").forEach(rec -> {
      shown.add(rec.get("option").get("id").asText());
      assertThat(rec.get("option").get("cost").asDouble()).isLessThanOrEqualTo(10);
      assertThat(rec.get("option").get("minutes").asInt()).isLessThanOrEqualTo(45);
    });
    assertThat(shown).isNotEmpty().isEqualTo(expected.recommendations().stream().map(x -> x.option().id()).toList());
    assertThat(r.json().get("limits")).isEqualTo(Json.mapper().valueToTree(expected.limits()));
    assertThat(r.json().get("limits").get(0).get("over").toString()).contains("{\"optionId\":\"running-shoes\",\"reason\":\"costs 90 > budget 10\"}");
    assertThat(r.json().get("eligible").asInt()).isEqualTo(expected.eligible());

    Reply why = get("/why/" + r.json().get("recommendations").get(0).get("id").asText());
    assertThat(why.status()).isEqualTo(200);
    assertThat(why.json().get("explanation").get("limits")).isEqualTo(r.json().get("limits"));
  }

  @Test
  void recommend_aContextValueOfTheWrongType_is400_andLogsNothing() throws Exception {
    int before = get("/audit?days=28").json().get("loggedInAll").asInt();
    for (String bad : List.of("budget=lots", "budget=-3", "free_minutes=1.5", "limits=maybe", "mood=sad", "company=friends")) {
      Reply r = get("/recommend?context=" + q(bad));
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.json().get("detail").asText()).as(bad).isEqualTo(message(() -> StatedContext.parse(List.of(bad), CLOCK)));
    }
    assertThat(get("/audit?days=28").json().get("loggedInAll").asInt()).isEqualTo(before);
  }

  @Test
  void badInput_is400_withTheCliMessage() throws Exception {
    Reply key = get("/desires?context=" + q("colour=blue"));
    assertThat(key.status()).isEqualTo(400);
    assertThat(key.json().get("detail").asText()).isEqualTo(message(() -> dev.autonomy.engine.context.StatedContext.parse(List.of("colour=blue"), CLOCK)));
    assertThat(key.json().get("detail").asText()).startsWith("context: unknown key 'colour'");

    Reply minutes = get("/recommend?context=" + q("free_minutes=lots"));
    assertThat(minutes.status()).isEqualTo(400);
    assertThat(minutes.json().get("detail").asText()).startsWith("context free_minutes='lots': expected whole minutes");

    assertThat(get("/recommend?limit=many").json().get("detail").asText()).isEqualTo("limit must be a whole number, was 'many'");
    assertThat(get("/recommend?explore=2").json().get("detail").asText()).isEqualTo("exploration must be in [0, 1], was 2.0");
    assertThat(get("/recommend?desire=fly").json().get("detail").asText()).startsWith("unknown desire 'fly'");
    assertThat(get("/audit?days=0").status()).isEqualTo(400);

    Reply unknown = get("/why/rec-nope");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("detail").asText()).isEqualTo("no recommendation with id 'rec-nope'; use an id a recommendation list gave");
    assertThat(unknown.json().get("title").asText()).isEqualTo("Not Found");
    assertThat(unknown.json().get("status").asInt()).isEqualTo(404);

    Reply rule = send("POST", "/rules", "{\"text\":\"sometimes swim\"}", TOKEN.value());
    assertThat(rule.status()).isEqualTo(400);
    assertThat(rule.json().get("detail").asText()).isEqualTo(message(() -> autonomy.addRule("sometimes swim")));

    Reply body = send("POST", "/feedback/rec-nope", "not json", TOKEN.value());
    assertThat(body.status()).isEqualTo(400);
    assertThat(body.json().get("detail").asText()).startsWith("request body must be a JSON object like {\"outcome\":\"done\"");
    Reply outcome = send("POST", "/feedback/rec-nope", "{\"outcome\":\"maybe\"}", TOKEN.value());
    assertThat(outcome.json().get("detail").asText()).isEqualTo("outcome must be \"done\" or \"skipped\", was \"maybe\"");
    assertThat(send("DELETE", "/rules/r999", null, TOKEN.value()).json().get("detail").asText()).startsWith("no rule with id 'r999'");
  }

  @Test
  void unknownRoute_is404Json() throws Exception {
    Reply r = get("/nothing-here");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("detail").asText()).isNotBlank();
  }

  @Test
  void start_onATakenPort_failsNamingThePort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName(AutonomyServer.LOOPBACK));
        AutonomyServer second = new AutonomyServer(autonomy, TOKEN)) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> second.start(AutonomyServer.LOOPBACK, port))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("cannot listen on 127.0.0.1:" + port
              + ": the port is in use (another 'autonomy serve'?); choose another port or stop what uses it");
    }
    assertThat(server.port()).isPositive();
  }

  @Test
  void loopback_isTold() {
    assertThat(AutonomyServer.isLoopback("127.0.0.1")).isTrue();
    assertThat(AutonomyServer.isLoopback("::1")).isTrue();
    assertThat(AutonomyServer.isLoopback("0.0.0.0")).isFalse();
  }

  @Test
  void tokenFile_isCreatedOwnerOnly_thenReadBack(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("sub/token");
    AccessToken created = AccessToken.fromFile(file, new SecureRandom());
    assertThat(created.value()).matches("[0-9a-f]{64}");
    assertThat(created.toString()).doesNotContain(created.value());
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
    assertThat(AccessToken.fromFile(file, new SecureRandom())).isEqualTo(created);
    Files.writeString(file, "short\n");
    assertThatThrownBy(() -> AccessToken.fromFile(file, new SecureRandom()))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith(file + ": token must be 16 to 256");
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      // A token others on the machine can read is no consent of the person's: refused, saying how to fix it.
      Files.writeString(file, created.value() + "\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
      assertThatThrownBy(() -> AccessToken.fromFile(file, new SecureRandom()))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("open to others").hasMessageContaining("chmod 600");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      assertThat(AccessToken.fromFile(file, new SecureRandom())).isEqualTo(created);
    }
  }

  private static String message(Runnable call) {
    try {
      call.run();
    } catch (InvalidInputException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected InvalidInputException");
  }
}
