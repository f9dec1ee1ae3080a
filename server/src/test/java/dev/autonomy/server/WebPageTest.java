package dev.autonomy.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.vault.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The browser page: served without the token, locked down by headers, and no hole in the API's lock. */
class WebPageTest {
  private static final Clock CLOCK = DemoServer.CLOCK;
  private static final AccessToken TOKEN = DemoServer.TOKEN;

  @TempDir static Path dir;
  static DemoServer demo;
  static Autonomy autonomy;
  static AutonomyServer server;
  static String base;
  static final HttpClient CLIENT = HttpClient.newHttpClient();

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

  static HttpResponse<String> send(String method, String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }

  @Test
  void page_isServedWithoutTokenAndLoadsItsScript() throws Exception {
    HttpResponse<String> r = send("GET", "/", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(header(r, "Content-Type")).startsWith("text/html");
    assertThat(r.body())
        .contains("id=\"app\"")
        .contains("<script src=\"app.js\"")
        .contains("href=\"style.css\"");
    // No inline script: every <script> tag loads app.js, so the CSP can forbid inline code.
    assertThat(r.body().split("<script", -1)).hasSize(2);
  }

  @ParameterizedTest
  @CsvSource({
      "/, text/html",
      "/index.html, text/html",
      "/app.js, text/javascript",
      "/style.css, text/css"})
  void assets_haveTheirContentTypeAndSecurityHeaders(String path, String type) throws Exception {
    HttpResponse<String> r = send("GET", path, null);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    assertThat(header(r, "Content-Type")).as(path).startsWith(type);
    assertThat(r.body()).as(path).isNotBlank();
    assertThat(header(r, "Content-Security-Policy")).as(path)
        .startsWith("default-src 'self'")
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval");
    assertThat(header(r, "X-Content-Type-Options")).as(path).isEqualTo("nosniff");
    assertThat(header(r, "Referrer-Policy")).as(path).isEqualTo("no-referrer");
  }

  @Test
  void page_hasTheAskForm_andTheScriptCallsAsk() throws Exception {
    String html = send("GET", "/", null).body();
    assertThat(html)
        .contains("id=\"ask-form\"")
        .contains("id=\"ask-input\"")
        .contains("id=\"ask-recs\"");
    // The ask box comes first in the main view.
    assertThat(html.indexOf("id=\"ask-section\"")).isBetween(html.indexOf("id=\"main\""), html.indexOf("id=\"now\""));
    String js = send("GET", "/app.js", null).body();
    assertThat(js).contains("\"/ask\"").contains("$(\"ask-form\").addEventListener(\"submit\", ask)")
        .contains("recs.map(recommendationItem)");
  }

  @Test
  void script_neverKeepsTheTokenInLocalStorageOrTheUrl() throws Exception {
    String js = send("GET", "/app.js", null).body();
    assertThat(js).contains("sessionStorage").doesNotContain("localStorage").contains("Authorization");
    assertThat(js).doesNotContain("innerHTML").doesNotContain("eval(");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/desires", "/recommend", "/ask?text=run", "/why/rec-x", "/rules", "/audit", "/app.js/../desires"})
  void api_stillNeedsTheToken(String path) throws Exception {
    HttpResponse<String> r = send("GET", path, null);
    assertThat(r.statusCode()).as(path).isEqualTo(401);
    assertThat(header(r, "Content-Type")).as(path).startsWith("application/problem+json");
  }

  @Test
  void writes_toPagePathsStillNeedTheToken() throws Exception {
    assertThat(send("POST", "/", null).statusCode()).isEqualTo(401);
    assertThat(send("DELETE", "/app.js", null).statusCode()).isEqualTo(401);
  }

  @Test
  void api_andHealth_areNotShadowedByThePage() throws Exception {
    HttpResponse<String> health = send("GET", "/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(Json.mapper().readTree(health.body()).path("status").asText()).isEqualTo("ok");
    HttpResponse<String> rules = send("GET", "/rules", TOKEN.value());
    assertThat(rules.statusCode()).isEqualTo(200);
    assertThat(Json.mapper().readTree(rules.body()).has("rules")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/nope", "/web/app.js", "/app.js.map", "/index.htm"})
  void unknownPath_isStillAProblem404(String path) throws Exception {
    HttpResponse<String> r = send("GET", path, TOKEN.value());
    assertThat(r.statusCode()).as(path).isEqualTo(404);
    assertThat(header(r, "Content-Type")).as(path).startsWith("application/problem+json");
    JsonNode json = Json.mapper().readTree(r.body());
    assertThat(json.path("detail").asText()).as(path).contains(path);
  }

  @Test
  void unknownPath_withoutToken_isRefusedNot404() throws Exception {
    assertThat(send("GET", "/nope", null).statusCode()).isEqualTo(401);
  }
}
