package dev.autonomy.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.engine.access.Access;
import dev.autonomy.engine.access.Scope;
import dev.autonomy.vault.AccessLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API under attack: a page on another site, a rebound host name, a token where it must not be,
 * bodies too large or malformed, paths that climb out of the vault, a revoked token replayed. Each
 * is refused with its status as problem details, recorded in the access log, and changes nothing
 * in the vault (every table's rows counted before and after).
 */
class HostileRequestsTest {
  @TempDir static Path dir;
  static DemoServer demo;
  static int port;
  static final String EVIL = "http://evil.example";
  static final Map<String, String> PERSON = Map.of("Authorization", "Bearer " + DemoServer.TOKEN.value());

  Map<String, Long> before;

  @BeforeAll
  static void start() throws Exception {
    demo = DemoServer.start(dir);
    port = demo.server.port();
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  @BeforeEach
  void count() throws Exception {
    before = VaultCounts.of(home());
  }

  static Path home() {
    return dir.resolve("home");
  }

  static Map<String, String> with(Map<String, String> a, String name, String value) {
    Map<String, String> out = new java.util.LinkedHashMap<>(a);
    out.put(name, value);
    return out;
  }

  static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The refusal has its status, the access log's last entry says so (refused before the route ran
   * for 401, 403, 413 and 421; a 400 or 404 comes from a route the caller's scope let it reach, or
   * from no route at all), and no table of the vault changed.
   */
  void refused(RawHttp.Reply reply, int status, String actor, String route) throws Exception {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    AccessLog.Entry last = demo.autonomy.access().log(1).get(0);
    assertThat(last).extracting(AccessLog.Entry::actor, AccessLog.Entry::route, AccessLog.Entry::status)
        .containsExactly(actor, route, status);
    if (List.of(401, 403, 413, 421).contains(status)) {
      assertThat(last.allowed()).isFalse();
    }
    assertThat(VaultCounts.of(home())).isEqualTo(before);
  }

  @Test
  void anotherSitesOrigin_getsNoCorsGrant_andItsPreflightIsRefused() throws Exception {
    RawHttp.Reply read = RawHttp.send(port, "GET /recommend?limit=1 HTTP/1.1", with(PERSON, "Origin", EVIL));
    assertThat(read.headers()).doesNotContainKeys("access-control-allow-origin", "access-control-allow-credentials");
    assertThat(read.detail()).contains("cross-site");
    refused(read, 403, "person", "/recommend");

    RawHttp.Reply preflight = RawHttp.send(port, "OPTIONS /rules HTTP/1.1", Map.of("Origin", EVIL,
        "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization, content-type"));
    assertThat(preflight.status()).isGreaterThanOrEqualTo(400);
    assertThat(preflight.headers()).doesNotContainKeys("access-control-allow-origin", "access-control-allow-methods",
        "access-control-allow-headers");
    refused(preflight, 403, "anonymous", "/rules");

    RawHttp.Reply write = RawHttp.send(port, "POST /rules HTTP/1.1", with(PERSON, "Origin", EVIL),
        json("{\"text\":\"never swim\"}"));
    refused(write, 403, "person", "/rules");
    assertThat(demo.autonomy.rules()).noneMatch(r -> r.text().equals("never swim"));

    // The server's own page (same origin) is answered, still without any CORS header.
    RawHttp.Reply own = RawHttp.send(port, "GET /rules HTTP/1.1", with(PERSON, "Origin", "http://127.0.0.1:" + port));
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.headers()).doesNotContainKey("access-control-allow-origin");
  }

  @Test
  void aTokenInACookieOrTheUrl_isRefused401_evenForTheRightToken() throws Exception {
    String token = DemoServer.TOKEN.value();
    RawHttp.Reply cookie = RawHttp.send(port, "POST /rules HTTP/1.1", Map.of("Cookie", "token=" + token
        + "; Authorization=Bearer%20" + token), json("{\"text\":\"never swim\"}"));
    assertThat(cookie.headers()).containsEntry("www-authenticate", "Bearer");
    refused(cookie, 401, "anonymous", "/rules");

    RawHttp.Reply query = RawHttp.send(port, "POST /rules?token=" + token + " HTTP/1.1", Map.of(),
        json("{\"text\":\"never swim\"}"));
    assertThat(query.detail()).contains("URL");
    refused(query, 401, "anonymous", "/rules");

    RawHttp.Reply both = RawHttp.send(port, "POST /rules?access_token=" + token + " HTTP/1.1", PERSON,
        json("{\"text\":\"never swim\"}"));
    refused(both, 401, "person", "/rules");
    assertThat(demo.autonomy.rules()).noneMatch(r -> r.text().equals("never swim"));
  }

  @Test
  void aHostThatIsNotALoopbackName_isRefused421_dnsRebinding() throws Exception {
    RawHttp.Reply rebound = RawHttp.send(port, "GET /desires HTTP/1.1", with(PERSON, "Host", "evil.example:" + port));
    assertThat(rebound.detail()).contains("evil.example");
    refused(rebound, 421, "person", "/desires");
    refused(RawHttp.send(port, "POST /feedback/rec-x HTTP/1.1", with(PERSON, "Host", "evil.example"),
        json("{\"outcome\":\"done\"}")), 421, "person", "/feedback/rec-x");
    refused(RawHttp.send(port, "GET /health HTTP/1.1", Map.of("Host", "evil.example:" + port)), 421, "anonymous",
        "/health");
    refused(RawHttp.send(port, "GET /desires HTTP/1.1", with(PERSON, "Host", "127.0.0.1:" + (port == 1 ? 2 : port - 1))),
        421, "person", "/desires");
    refused(RawHttp.send(port, "GET /desires HTTP/1.1", with(PERSON, "Host", "127.0.0.1.evil.example:" + port)), 421,
        "person", "/desires");

    for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port, "localhost")) {
      assertThat(RawHttp.send(port, "GET /rules HTTP/1.1", with(PERSON, "Host", host)).status()).as(host).isEqualTo(200);
    }
  }

  @Test
  void aBodyOverTheLimit_is413BeforeItIsRead_whetherItsLengthIsDeclaredOrNot() throws Exception {
    try (AutonomyServer small = new AutonomyServer(demo.autonomy, DemoServer.TOKEN, 1024)) {
      int smallPort = small.start(AutonomyServer.LOOPBACK, 0);
      // Not JSON at all: a 400 would mean it was parsed; 413 means it was refused first.
      byte[] junk = "x".repeat(2048).getBytes(StandardCharsets.US_ASCII);
      RawHttp.Reply declared = RawHttp.send(smallPort, "POST /rules HTTP/1.1", PERSON, junk);
      assertThat(declared.detail()).contains("1024");
      refused(declared, 413, "person", "/rules");

      String chunked = Integer.toHexString(junk.length) + "\r\n" + new String(junk, StandardCharsets.US_ASCII) + "\r\n0\r\n\r\n";
      RawHttp.Reply streamed = RawHttp.send(smallPort, "POST /rules HTTP/1.1",
          with(with(PERSON, "Transfer-Encoding", "chunked"), "Content-Length", null), chunked.getBytes(StandardCharsets.US_ASCII));
      // Read up to the limit, then cut: the route was reached, so its log entry is the route's.
      assertThat(streamed.status()).isEqualTo(413);
      assertThat(demo.autonomy.access().log(1).get(0).status()).isEqualTo(413);
      assertThat(VaultCounts.of(home())).isEqualTo(before);

      assertThat(RawHttp.send(smallPort, "GET /rules HTTP/1.1", PERSON).status()).isEqualTo(200);
    }
    byte[] big = new byte[(int) AutonomyServer.DEFAULT_MAX_BODY_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    refused(RawHttp.send(port, "POST /rank HTTP/1.1", PERSON, big), 413, "person", "/rank");
  }

  @Test
  void errorsJettyAnswersItself_areProblemDetailsToo() throws Exception {
    RawHttp.Reply both = RawHttp.send(port, "POST /rules HTTP/1.1", with(PERSON, "Transfer-Encoding", "chunked"),
        "5\r\nhello\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(both.status()).isEqualTo(400);
    assertThat(demo.autonomy.access().log(1).get(0)).extracting(AccessLog.Entry::actor, AccessLog.Entry::status,
        AccessLog.Entry::allowed).containsExactly("anonymous", 400, false);
    RawHttp.Reply bad = RawHttp.send(port, "GET /why/%zz HTTP/1.1", PERSON);
    assertThat(bad.status()).isEqualTo(400);
    AccessLog.Entry last = demo.autonomy.access().log(1).get(0);
    assertThat(last).extracting(AccessLog.Entry::status, AccessLog.Entry::allowed).containsExactly(400, false);
    assertThat(last.detail()).startsWith("refused by the HTTP layer");
    assertThat(VaultCounts.of(home())).isEqualTo(before);
  }

  @Test
  void malformedJson_wrongTypes_andUnknownFields_are400NamingTheField() throws Exception {
    RawHttp.Reply broken = RawHttp.send(port, "POST /rules HTTP/1.1", PERSON, json("{\"text\": \"never swim\""));
    assertThat(broken.detail()).contains("request body must be a JSON object like");
    refused(broken, 400, "person", "/rules");

    RawHttp.Reply type = RawHttp.send(port, "POST /feedback/rec-x HTTP/1.1", PERSON,
        json("{\"outcome\":\"done\",\"rating\":\"five\"}"));
    assertThat(type.detail()).contains("'rating'");
    refused(type, 400, "person", "/feedback/{id}");

    RawHttp.Reply unknown = RawHttp.send(port, "POST /feedback/rec-x HTTP/1.1", PERSON,
        json("{\"outcome\":\"done\",\"ratting\":4}"));
    assertThat(unknown.detail()).contains("'ratting' is not known").contains("outcome, rating");
    refused(unknown, 400, "person", "/feedback/{id}");

    RawHttp.Reply item = RawHttp.send(port, "POST /rank HTTP/1.1", PERSON,
        json("{\"items\":[{\"id\":\"a\",\"title\":\"Yoga\",\"desire\":\"move\"},{\"id\":\"b\",\"title\":\"Run\","
            + "\"desire\":\"move\",\"minutes\":\"ten\"}]}"));
    assertThat(item.detail()).contains("'items[1].minutes' must be a number");
    refused(item, 400, "person", "/rank");

    RawHttp.Reply array = RawHttp.send(port, "POST /rules HTTP/1.1", PERSON, json("[\"never swim\"]"));
    refused(array, 400, "person", "/rules");
  }

  @Test
  void pathTraversalInIds_isRefused_andNothingIsReadOrWrittenOutsideTheVault() throws Exception {
    Path outside = dir.resolve("outside.txt");
    Files.writeString(outside, "secret outside the vault");
    String climb = "..%2F..%2Foutside.txt";
    for (String line : List.of("GET /why/" + climb, "GET /recommendations/..%2F..%2Fetc", "DELETE /rules/" + climb,
        "PUT /policies/shadows/" + climb, "GET /policies/" + climb + "/evaluation", "GET /why/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "POST /feedback/" + climb, "GET /../../etc/passwd", "GET /why/..%5C..%5Coutside.txt")) {
      RawHttp.Reply reply = RawHttp.send(port, line + " HTTP/1.1", PERSON, line.startsWith("GET") ? null
          : json("{\"outcome\":\"done\"}"));
      assertThat(reply.status()).as(line).isIn(400, 404);
      if (reply.status() == 400) {
        assertThat(reply.detail()).as(line).containsAnyOf("is not an id", "could not be read as HTTP");
      }
      assertThat(reply.body()).as(line).doesNotContain("secret outside").doesNotContain("root:");
      assertThat(demo.autonomy.access().log(1).get(0).status()).as(line).isEqualTo(reply.status());
      assertThat(VaultCounts.of(home())).as(line).isEqualTo(before);
    }
    assertThat(Files.readString(outside)).isEqualTo("secret outside the vault");
    // The API takes no export target: POST /export (the page's) always writes inside <home>/exports.
    Path target = dir.resolve("stolen");
    RawHttp.Reply export = RawHttp.send(port, "POST /export HTTP/1.1", PERSON, json("{\"dir\":\""
        + target.toString().replace("\\", "\\\\") + "\"}"));
    refused(export, 400, "person", "/export");
    assertThat(export.detail()).contains("takes no body");
    assertThat(target).doesNotExist();
  }

  @Test
  void aRevokedAppsTokenReplayed_is401_recordedUnderThatApp() throws Exception {
    Access.Grant grant = demo.autonomy.access().grant("replayer", EnumSet.of(Scope.RULES), new SecureRandom());
    Map<String, String> app = Map.of("Authorization", "Bearer " + grant.token());
    assertThat(RawHttp.send(port, "GET /rules HTTP/1.1", app).status()).isEqualTo(200);
    demo.autonomy.access().revoke("replayer");
    before = VaultCounts.of(home());

    RawHttp.Reply replay = RawHttp.send(port, "POST /rules HTTP/1.1", app, json("{\"text\":\"never run\"}"));
    assertThat(replay.detail()).contains("revoked");
    refused(replay, 401, "replayer", "/rules");
    refused(RawHttp.send(port, "GET /rules HTTP/1.1", app), 401, "replayer", "/rules");
    assertThat(demo.autonomy.rules()).noneMatch(r -> r.text().equals("never run"));
  }
}
