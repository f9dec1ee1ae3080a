package dev.autonomy.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.engine.access.Access;
import dev.autonomy.engine.access.Scope;
import dev.autonomy.vault.AccessLog;
import dev.autonomy.vault.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Consent per app over real HTTP: each token reaches its scopes only, and every call is in the access log. */
class AppAccessTest {
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

  static Access access() {
    return demo.autonomy.access();
  }

  static Reply send(String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(demo.base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    RawHttp.assertProblemIfError(r);
    if (r.statusCode() >= 400) {
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(Problem.CONTENT_TYPE));
    }
    return new Reply(r.statusCode(), Json.mapper().readTree(r.body()));
  }

  static Access.Grant grant(String name, Scope... scopes) {
    EnumSet<Scope> set = EnumSet.noneOf(Scope.class);
    set.addAll(List.of(scopes));
    return access().grant(name, set, new SecureRandom());
  }

  static AccessLog.Entry last() {
    List<AccessLog.Entry> log = access().log(1);
    assertThat(log).hasSize(1);
    return log.get(0);
  }

  @Test
  void appToken_reachesItsScopesAndIsRefusedOutsideThem_andTheLogSaysSo() throws Exception {
    Access.Grant coach = grant("coach", Scope.RECOMMEND, Scope.FEEDBACK);
    assertThat(coach.scopes()).containsExactly("recommend", "feedback");

    Reply shown = send("GET", "/recommend?limit=2", null, coach.token());
    assertThat(shown.status()).isEqualTo(200);
    assertThat(last()).extracting(AccessLog.Entry::actor, AccessLog.Entry::scope, AccessLog.Entry::method,
        AccessLog.Entry::route, AccessLog.Entry::status, AccessLog.Entry::allowed)
        .containsExactly("coach", "recommend", "GET", "/recommend", 200, true);

    Reply desires = send("GET", "/desires", null, coach.token());
    assertThat(desires.status()).isEqualTo(403);
    assertThat(desires.json().get("detail").asText()).contains("'desires'");
    assertThat(last()).extracting(AccessLog.Entry::actor, AccessLog.Entry::scope, AccessLog.Entry::status,
        AccessLog.Entry::allowed).containsExactly("coach", "desires", 403, false);

    Reply rules = send("POST", "/rules", "{\"text\":\"never swim\"}", coach.token());
    assertThat(rules.status()).isEqualTo(403);
    assertThat(demo.autonomy.rules()).noneMatch(r -> r.text().equals("never swim"));

    Reply signals = send("GET", "/signals", null, coach.token());
    assertThat(signals.status()).isEqualTo(403);
    assertThat(signals.json().get("detail").asText()).contains("'read:signals'");

    assertThat(access().apps()).filteredOn(a -> a.name().equals("coach"))
        .singleElement().satisfies(a -> assertThat(a.lastUsed()).isPresent());
  }

  @Test
  void everyRoute_needsItsOneScope_andATokenWithEveryOtherScopeIsRefused403() throws Exception {
    var table = demo.server.routeScopes();
    assertThat(table).containsEntry("GET /desires", Scope.DESIRES).containsEntry("GET /signals", Scope.READ_SIGNALS)
        .containsEntry("POST /rules", Scope.RULES).containsEntry("POST /policies/live", Scope.RULES)
        .containsEntry("POST /feedback/{id}", Scope.FEEDBACK).containsEntry("GET /recommend", Scope.RECOMMEND)
        .doesNotContainKey("GET /health");
    int n = 0;
    for (var route : table.entrySet()) {
      String[] methodPath = route.getKey().split(" ", 2);
      String path = methodPath[1].replaceAll("\\{[^}]+}", "x");
      Access.Grant others = grant("all-but-one-" + n++,
          EnumSet.complementOf(EnumSet.of(route.getValue())).toArray(Scope[]::new));
      Reply refused = send(methodPath[0], path, "{}", others.token());
      assertThat(refused.status()).as(route.getKey()).isEqualTo(403);
      assertThat(refused.json().get("detail").asText()).as(route.getKey()).contains("'" + route.getValue().code() + "'");
      assertThat(last()).extracting(AccessLog.Entry::route, AccessLog.Entry::allowed).containsExactly(methodPath[1], false);
      access().revoke(others.app());
    }
  }

  @Test
  void noToken_wrongToken_revokedToken_are401_andLoggedAsRefused() throws Exception {
    Reply none = send("GET", "/recommend", null, null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(last()).extracting(AccessLog.Entry::actor, AccessLog.Entry::status, AccessLog.Entry::allowed)
        .containsExactly("anonymous", 401, false);

    Reply wrong = send("GET", "/recommend", null, "not-a-token-anyone-was-given");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(last()).extracting(AccessLog.Entry::actor, AccessLog.Entry::status, AccessLog.Entry::allowed)
        .containsExactly("unknown", 401, false);

    Access.Grant gone = grant("gone", Scope.RECOMMEND);
    assertThat(send("GET", "/recommend?limit=1", null, gone.token()).status()).isEqualTo(200);
    access().revoke("gone");
    Reply revoked = send("GET", "/recommend?limit=1", null, gone.token());
    assertThat(revoked.status()).isEqualTo(401);
    assertThat(revoked.json().get("detail").asText()).contains("revoked");
    assertThat(last()).extracting(AccessLog.Entry::actor, AccessLog.Entry::route, AccessLog.Entry::status,
        AccessLog.Entry::allowed).containsExactly("gone", "/recommend", 401, false);
  }

  @Test
  void personToken_hasEveryScope_andIsLoggedAsThePerson() throws Exception {
    assertThat(send("GET", "/desires", null, DemoServer.TOKEN.value()).status()).isEqualTo(200);
    assertThat(last()).extracting(AccessLog.Entry::actor, AccessLog.Entry::scope, AccessLog.Entry::allowed)
        .containsExactly("person", "desires", true);
    assertThat(send("GET", "/signals?kind=sleep&limit=3&from=2026-11-01", null, DemoServer.TOKEN.value()).status())
        .isEqualTo(200);
  }

  @Test
  void ruleAddedByAnAppWithRulesScope_isLoggedWithThatAppAsActor() throws Exception {
    Access.Grant keeper = grant("rule-keeper", Scope.RULES);
    Reply added = send("POST", "/rules", "{\"text\":\"never swim\"}", keeper.token());
    assertThat(added.status()).isEqualTo(201);
    String id = added.json().get("id").asText();
    assertThat(last()).extracting(AccessLog.Entry::actor, AccessLog.Entry::scope, AccessLog.Entry::method,
        AccessLog.Entry::route, AccessLog.Entry::status, AccessLog.Entry::detail)
        .containsExactly("rule-keeper", "rules", "POST", "/rules", 201, "rule added " + id + ": never swim");
    assertThat(send("DELETE", "/rules/" + id, null, keeper.token()).status()).isEqualTo(200);
    assertThat(last()).extracting(AccessLog.Entry::actor, AccessLog.Entry::route, AccessLog.Entry::detail)
        .containsExactly("rule-keeper", "/rules/{id}", "rule removed " + id);
  }

  @Test
  void readSignals_returnsRawSignalsBoundedInSize() throws Exception {
    Access.Grant reader = grant("reader", Scope.READ_SIGNALS);
    Reply r = send("GET", "/signals?from=2026-10-01&to=2026-11-30&limit=5", null, reader.token());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("signals")).hasSize(5);
    assertThat(r.json().get("truncated").asBoolean()).isTrue();
    Reply day = send("GET", "/signals?kind=steps&from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z&limit=10000", null,
        reader.token());
    assertThat(day.status()).isEqualTo(200);
    assertThat(day.json().get("truncated").asBoolean()).isFalse();
    assertThat(day.json().get("signals")).isNotEmpty().allSatisfy(s -> {
      assertThat(s.get("kind").asText()).isEqualTo("steps");
      assertThat(s.get("start").asText()).startsWith("2026-11-20T");
    });
    assertThat(send("GET", "/signals?from=yesterday", null, reader.token()).status()).isEqualTo(400);
    assertThat(send("GET", "/signals?limit=10001", null, reader.token()).status()).isEqualTo(400);
    assertThat(send("GET", "/recommend", null, reader.token()).status()).isEqualTo(403);
  }

  @Test
  void appTokens_areNotStoredInClear() throws Exception {
    Access.Grant secret = grant("secret-keeper", Scope.RECOMMEND);
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.token().getBytes(StandardCharsets.UTF_8));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("home").resolve("vault.db"));
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM apps WHERE name = 'secret-keeper'")) {
      assertThat(rs.next()).isTrue();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        Object value = rs.getObject(i);
        String text = value instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) + HexFormat.of().formatHex(b)
            : String.valueOf(value);
        assertThat(text).as(rs.getMetaData().getColumnName(i)).doesNotContain(secret.token());
      }
      assertThat(rs.getBytes("token_hash")).isEqualTo(hash);
    }
    for (String file : List.of("vault.db", "vault.db-wal")) {
      Path p = dir.resolve("home").resolve(file);
      if (Files.exists(p)) {
        assertThat(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)).doesNotContain(secret.token());
      }
    }
    assertThat(secret.toString()).doesNotContain(secret.token());
  }
}
