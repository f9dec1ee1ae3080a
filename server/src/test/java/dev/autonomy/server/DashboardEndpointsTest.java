package dev.autonomy.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.access.Access;
import dev.autonomy.engine.access.Scope;
import dev.autonomy.vault.AccessLog;
import dev.autonomy.vault.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dashboard's routes over real HTTP: what they answer, who may call them, and what they refuse. */
class DashboardEndpointsTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @TempDir static Path dir;
  static DemoServer demo;
  static Access.Grant everything;
  static Access.Grant desiresOnly;
  static Access.Grant signals;

  record Reply(int status, JsonNode json) {}

  @BeforeAll
  static void start() throws Exception {
    demo = DemoServer.start(dir);
    everything = demo.autonomy.access().grant("all-scopes", EnumSet.allOf(Scope.class), new SecureRandom());
    desiresOnly = demo.autonomy.access().grant("mood-app", EnumSet.of(Scope.DESIRES), new SecureRandom());
    signals = demo.autonomy.access().grant("charts-app", EnumSet.of(Scope.READ_SIGNALS), new SecureRandom());
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  static Reply send(String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(demo.base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    String type = r.statusCode() >= 400 ? Problem.CONTENT_TYPE : "application/json";
    assertThat(r.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t).startsWith(type));
    return new Reply(r.statusCode(), Json.mapper().readTree(r.body()));
  }

  static Reply person(String method, String path, String body) throws Exception {
    return send(method, path, body, DemoServer.TOKEN.value());
  }

  @Test
  void series_areTheDailyTotalsOfTheRawSignals_dayByDayEndingToday() throws Exception {
    Reply r = person("GET", "/series?kinds=steps,sleep&days=60", null);
    assertThat(r.status()).isEqualTo(200);
    LocalDate today = LocalDate.now(DemoServer.CLOCK);
    assertThat(r.json().get("to").asText()).isEqualTo(today.toString());
    assertThat(r.json().get("from").asText()).isEqualTo(today.minusDays(59).toString());
    JsonNode steps = r.json().get("series").get(0);
    assertThat(steps.get("kind").asText()).isEqualTo("steps");
    assertThat(steps.get("days")).hasSize(60);

    // Each observed day is the sum of that day's raw step records, as an app with read:signals reads them.
    Access.Signals raw = demo.autonomy.access().signals(Optional.of(SignalKind.STEPS),
        today.minusDays(59).atStartOfDay(DemoServer.PARIS).toInstant(), DemoServer.CLOCK.instant(), Access.MAX_ROWS);
    assertThat(raw.truncated()).isFalse();
    Map<String, Double> perDay = new HashMap<>();
    for (Map<String, Object> s : raw.signals()) {
      String day = Instant.parse((String) s.get("start")).atZone(ZoneId.of((String) s.get("zone"))).toLocalDate().toString();
      perDay.merge(day, ((Number) s.get("value")).doubleValue(), Double::sum);
    }
    int compared = 0;
    for (JsonNode day : steps.get("days")) {
      if ("observed".equals(day.get("status").asText())) {
        assertThat(day.get("value").asDouble()).as(day.get("date").asText())
            .isCloseTo(perDay.get(day.get("date").asText()), org.assertj.core.data.Offset.offset(1e-6));
        compared++;
      } else {
        assertThat(day.get("value").isNull()).as(day.get("date").asText()).isEqualTo("missing".equals(day.get("status").asText()));
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(40);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/series?kinds=steps,heartbeat|unknown signal kind 'heartbeat'",
      "/series?days=0|days must be in 1..400, was 0",
      "/series?days=ninety|days must be a whole number, was 'ninety'",
      "/desires/by-hour?context=place%3Dmoon|place",
      "/desires/by-hour?context=at%3D2026-01-01T10:00|leave 'at' out",
      "/access-log?limit=0|limit must be in 1..10000, was 0"})
  void badParameters_are400NamingWhatToChange(String path, String detail) throws Exception {
    Reply r = person("GET", path, null);
    assertThat(r.status()).as(path).isEqualTo(400);
    assertThat(r.json().get("detail").asText()).as(path).contains(detail);
  }

  @Test
  void desiresByHour_areTheDesiresAtEachHourOfToday_perContext() throws Exception {
    Reply r = person("GET", "/desires/by-hour?context=&context=place%3Doutdoor", null);
    assertThat(r.status()).isEqualTo(200);
    JsonNode grids = r.json().get("grids");
    assertThat(grids).hasSize(2);
    assertThat(grids.get(1).get("context").get("place").asText()).isEqualTo("outdoor");
    for (JsonNode grid : grids) {
      assertThat(grid.get("hours")).hasSize(24);
    }
    // Hour 18 outdoors is what the desires say at 18:00 outdoors.
    Situation at18 = new Situation(LocalDate.now(DemoServer.CLOCK).atTime(18, 0).atZone(DemoServer.PARIS), Map.of("place", "outdoor"));
    List<Desire> expected = demo.autonomy.desires(at18);
    JsonNode row = grids.get(1).get("hours").get(18);
    for (Desire d : expected) {
      assertThat(row.get(d.type().code()).asDouble()).as(d.type().code()).isEqualTo(d.intensity());
    }
    assertThat(expected).isNotEmpty();
  }

  @Test
  void signalsAndQuality_needReadSignals_desiresByHourNeedsDesires() throws Exception {
    assertThat(send("GET", "/series", null, desiresOnly.token()).status()).isEqualTo(403);
    assertThat(send("GET", "/quality", null, desiresOnly.token()).status()).isEqualTo(403);
    assertThat(send("GET", "/series", null, signals.token()).status()).isEqualTo(200);
    assertThat(send("GET", "/quality", null, signals.token()).json().get("kinds")).isNotEmpty();
    assertThat(send("GET", "/desires/by-hour", null, signals.token()).status()).isEqualTo(403);
    assertThat(send("GET", "/desires/by-hour", null, desiresOnly.token()).json().get("grids")).hasSize(4);
  }

  @ParameterizedTest
  @CsvSource({"GET, /apps", "POST, /apps/mood-app/revoke", "GET, /access-log", "POST, /export", "GET, /forget",
      "POST, /forget"})
  void thePersonsOwnRoutes_refuseAnAppEvenWithEveryScope_andTheLogSaysSo(String method, String path) throws Exception {
    Reply r = send(method, path, "{\"confirm\":\"" + DashboardEndpoints.FORGET_PHRASE + "\"}", everything.token());
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().get("detail").asText()).contains("the person's own");
    AccessLog.Entry last = demo.autonomy.access().log(1).get(0);
    assertThat(last.actor()).isEqualTo("all-scopes");
    assertThat(last.allowed()).isFalse();
    assertThat(last.status()).isEqualTo(403);
    assertThat(demo.autonomy.access().apps()).filteredOn(a -> a.name().equals("mood-app")).allMatch(a -> a.live());
    assertThat(demo.autonomy.home().resolve("vault.db")).exists();
  }

  @Test
  void apps_listsGrantsWithoutTokens_andRevokeRefusesTheTokenAtOnce() throws Exception {
    Access.Grant doomed = demo.autonomy.access().grant("doomed", EnumSet.of(Scope.RECOMMEND), new SecureRandom());
    assertThat(send("GET", "/recommend", null, doomed.token()).status()).isEqualTo(200);
    Reply apps = person("GET", "/apps", null);
    assertThat(apps.json().toString()).contains("\"doomed\"").doesNotContain(doomed.token());
    Reply revoked = person("POST", "/apps/doomed/revoke", null);
    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.json().get("revoked").isNull()).isFalse();
    assertThat(send("GET", "/recommend", null, doomed.token()).status()).isEqualTo(401);
    assertThat(person("POST", "/apps/nobody/revoke", null).status()).isEqualTo(404);
    List<AccessLog.Entry> log = demo.autonomy.access().log(5);
    assertThat(log).anySatisfy(e -> assertThat(e.detail()).isEqualTo("app revoked doomed"));
  }

  @Test
  void accessLog_isNewestLast_andHoldsThePagesOwnCalls() throws Exception {
    person("GET", "/quality", null);
    Reply r = person("GET", "/access-log?limit=3", null);
    JsonNode entries = r.json().get("entries");
    assertThat(entries).hasSize(3);
    assertThat(entries.get(2).get("route").asText()).isEqualTo("/quality");
    assertThat(entries.get(2).get("actor").asText()).isEqualTo("person");
  }

  @Test
  void export_writesOnlyInsideTheVaultsExportsFolder_andRefusesABodyNamingAPath() throws Exception {
    Path outside = dir.resolve("elsewhere");
    Reply refused = person("POST", "/export", "{\"dir\":\"" + outside + "\",\"path\":\"../../etc\"}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(outside).doesNotExist();
    Reply r = person("POST", "/export", null);
    assertThat(r.status()).isEqualTo(200);
    Path written = Path.of(r.json().get("dir").asText());
    assertThat(written.getParent()).isEqualTo(demo.autonomy.home().resolve(DashboardEndpoints.EXPORTS).toAbsolutePath().normalize());
    assertThat(written.resolve("signals.csv")).isRegularFile();
    assertThat(outside).doesNotExist();
    // A second export in the same second gets a folder of its own.
    Path second = Path.of(person("POST", "/export", null).json().get("dir").asText());
    assertThat(second).isNotEqualTo(written).hasParent(written.getParent());
    assertThat(Files.list(written).count()).isEqualTo(Files.list(second).count());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"map\":\"../vault.db\",\"start\":\"43.7,7.4\",\"km\":3}|map must be the file name of an OSM file",
      "{\"map\":\"/etc/passwd\",\"start\":\"43.7,7.4\",\"km\":3}|map must be the file name of an OSM file",
      "{\"map\":\"..osm\",\"start\":\"43.7,7.4\",\"km\":3}|map must be the file name of an OSM file",
      "{\"map\":\"nowhere.osm.gz\",\"start\":\"43.7,7.4\",\"km\":3}|is not in",
      "{\"map\":\"nowhere.osm.gz\",\"start\":\"north\",\"km\":3}|start: expected LAT,LON",
      "{\"map\":\"nowhere.osm.gz\",\"start\":\"43.7,7.4\",\"km\":0}|km must be in [0.2, 200]"})
  void plans_readMapsFromTheVaultsMapsFolderOnly(String body, String detail) throws Exception {
    Reply r = person("POST", "/plans/run", body);
    assertThat(r.status()).as(body).isEqualTo(400);
    assertThat(r.json().get("detail").asText()).as(body).contains(detail);
  }

  @Test
  void plans_needThePlansScope_andListNoMapUntilOneIsPut() throws Exception {
    assertThat(send("GET", "/plans/maps", null, desiresOnly.token()).status()).isEqualTo(403);
    assertThat(person("GET", "/plans/maps", null).json().get("maps")).isEmpty();
    Path maps = demo.autonomy.home().resolve(DashboardPlans.MAPS);
    Files.createDirectories(maps.resolve("monaco-abc123"));
    Files.writeString(maps.resolve("notes.txt"), "not a map");
    Files.writeString(maps.resolve("tiny.osm"), "<osm version=\"0.6\"></osm>");
    assertThat(person("GET", "/plans/maps", null).json().toString()).isEqualTo("{\"maps\":[\"tiny.osm\"]}");
  }

  @Test
  void forget_withoutThePhrase_is400AndErasesNothing() throws Exception {
    Reply preview = person("GET", "/forget", null);
    assertThat(preview.json().get("phrase").asText()).isEqualTo(DashboardEndpoints.FORGET_PHRASE);
    assertThat(preview.json().get("home").asText()).isEqualTo(demo.autonomy.home().toString());
    assertThat(preview.json().get("holds").get("signals").asLong()).isEqualTo(demo.autonomy.signalCount());
    for (String body : List.of("{\"confirm\":\"yes\"}", "{}", "not json")) {
      Reply r = person("POST", "/forget", body);
      assertThat(r.status()).as(body).isEqualTo(400);
      assertThat(r.json().get("detail").asText()).as(body).contains(DashboardEndpoints.FORGET_PHRASE);
    }
    assertThat(demo.autonomy.home().resolve("vault.db")).exists();
    assertThat(person("GET", "/health", null).status()).isEqualTo(200);
  }
}
