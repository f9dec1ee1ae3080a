package dev.autonomy.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.demo.DemoFiles;
import dev.autonomy.engine.demo.SyntheticPerson;
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
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, faults 7 and 8: the server beside another process that uses the same vault, as the CLI
 * does. The server answers from the vault as it is now (imports and rules added by the other
 * process), stops serving a vault erased under it (503, nothing written), and answers 503 in plain
 * words when another process holds the vault past the busy timeout.
 */
class VaultUnderServerTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @TempDir Path dir;
  private Path home;
  private Autonomy served;
  private AutonomyServer server;
  private String base;

  @BeforeEach
  void start() {
    home = dir.resolve("home");
    served = Autonomy.open(home, DemoServer.CLOCK, new SplittableRandom(3));
    server = new AutonomyServer(served, DemoServer.TOKEN);
    base = "http://127.0.0.1:" + server.start(AutonomyServer.LOOPBACK, 0);
  }

  @AfterEach
  void stop() {
    server.close();
    served.close();
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

  private static void assertUnavailable(Reply r, String detail) {
    assertThat(r.status()).as(r.json().toString()).isEqualTo(503);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("detail").asText()).contains(detail);
  }

  @Test
  void theServerAnswersFromTheVaultAsAnotherProcessLeftIt() throws Exception {
    JsonNode before = send("GET", "/desires", null).json();
    assertThat(send("GET", "/rules", null).json().get("rules")).isEmpty();

    // Another process (the CLI) imports the person's files and adds a rule.
    SplittableRandom random = new SplittableRandom(7);
    DemoFiles.Written files = DemoFiles.write(dir.resolve("files"),
        SyntheticPerson.generate(LocalDate.now(DemoServer.CLOCK), 45, random.split()), DemoServer.PARIS, random.split());
    try (Autonomy cli = Autonomy.open(home, DemoServer.CLOCK, new SplittableRandom(3))) {
      for (Path f : files.all()) {
        cli.importPath(f, null, null);
      }
      cli.addRule("never swim");
    }

    assertThat(send("GET", "/rules", null).json().get("rules").get(0).get("text").asText()).isEqualTo("never swim");
    Reply after = send("GET", "/desires", null);
    assertThat(after.status()).isEqualTo(200);
    assertThat(after.json()).isNotEqualTo(before);
    try (Autonomy fresh = Autonomy.open(home, DemoServer.CLOCK, new SplittableRandom(3))) {
      assertThat(fresh.signalCount()).isPositive();
      assertThat(served.signalCount()).isEqualTo(fresh.signalCount());
      assertThat(served.quality().toMap()).isEqualTo(fresh.quality().toMap());
    }
  }

  @Test
  void aVaultErasedUnderTheServer_is503_andNothingIsWritten() throws Exception {
    assertThat(send("POST", "/rules", "{\"text\":\"never swim\"}").status()).isEqualTo(201);
    assertThat(send("GET", "/health", null).json().get("status").asText()).isEqualTo("ok");

    Autonomy.forgetAll(home); // 'autonomy forget --all' from another process

    assertUnavailable(send("GET", "/health", null), "was deleted while this process had it open");
    // Without a token, /health still says what happened but not where the person's files are.
    HttpResponse<String> anonymous =
        CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(503);
    assertThat(Json.mapper().readTree(anonymous.body()).get("detail").asText())
        .contains("was deleted while this process had it open")
        .contains("the vault (its folder is in the server log) was deleted")
        .doesNotContain(home.toAbsolutePath().toString());
    for (String path : new String[] {"/rules", "/desires", "/recommend", "/audit"}) {
      assertUnavailable(send("GET", path, null), "was deleted while this process had it open");
    }
    assertUnavailable(send("POST", "/rules", "{\"text\":\"never run\"}"), "nothing was changed");
    assertThat(home.resolve(Vault.DATABASE_FILE)).doesNotExist();

    // A vault made there again later is not served by this server, and gets nothing from it.
    try (Autonomy cli = Autonomy.open(home, DemoServer.CLOCK, new SplittableRandom(3))) {
      assertUnavailable(send("POST", "/rules", "{\"text\":\"never run\"}"), "was deleted");
      assertThat(cli.rules()).isEmpty();
    }
  }

  @Test
  void aVaultHeldByAnotherProcess_is503_sayingSo() throws Exception {
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + home.resolve(Vault.DATABASE_FILE));
        Statement st = other.createStatement()) {
      st.execute("BEGIN IMMEDIATE"); // a long import holds the write lock
      Reply r = send("POST", "/rules", "{\"text\":\"never swim\"}");
      assertUnavailable(r, "another process is using the vault");
      assertThat(r.json().get("detail").asText()).doesNotContain("SQLITE_BUSY");
      st.execute("ROLLBACK");
    }
    assertThat(send("GET", "/rules", null).json().get("rules")).isEmpty();
  }
}
