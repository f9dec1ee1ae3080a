package dev.autonomy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.vault.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        .contains("<script src=\"charts.js\"")
        .contains("href=\"style.css\"");
    // No inline script: every <script> tag loads a file, so the CSP can forbid inline code.
    List<String> scripts = new ArrayList<>();
    Matcher m = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(r.body());
    while (m.find()) {
      assertThat(m.group(2)).as("inline script").isBlank();
      scripts.add(m.group(1));
    }
    assertThat(scripts).hasSize(r.body().split("<script", -1).length - 1).allSatisfy(a -> assertThat(a).contains("src="));
  }

  /** The page's own files, read as the server sends them. */
  static List<String> pageFiles() throws Exception {
    List<String> out = new ArrayList<>();
    for (String path : List.of("/", "/app.js", "/dashboard.js", "/charts.js", "/style.css")) {
      out.add(send("GET", path, null).body());
    }
    return out;
  }

  @Test
  void page_loadsNothingFromAnotherSite() throws Exception {
    Pattern url = Pattern.compile("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}");
    for (String file : pageFiles()) {
      Matcher m = url.matcher(file);
      if (m.find()) {
        fail("the page names another site: " + m.group());
      }
    }
    // Every script and style sheet the HTML names is a path on this server.
    String html = send("GET", "/", null).body();
    Matcher refs = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
    int n = 0;
    while (refs.find()) {
      String ref = refs.group(1);
      if (!ref.startsWith("#")) {
        assertThat(ref).as(ref).doesNotContain(":").doesNotStartWith("//");
        assertThat(send("GET", ref.startsWith("/") ? ref : "/" + ref, null).statusCode()).as(ref).isEqualTo(200);
        n++;
      }
    }
    assertThat(n).isGreaterThanOrEqualTo(7);
  }

  @ParameterizedTest
  @CsvSource({"chart.js, " + WebPage.CHART_JS, "leaflet, " + WebPage.LEAFLET_JS, "leaflet, " + WebPage.LEAFLET_CSS})
  void libraries_areTheWebJarsOnTheClasspath_servedWithoutToken(String artifact, String path) throws Exception {
    Properties pom = new Properties();
    try (var in = WebPage.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")) {
      assertThat(in).as(artifact + " webjar on the classpath").isNotNull();
      pom.load(in);
    }
    // The page names the version the pom resolved: a version bump that forgets the page fails here.
    assertThat(path).startsWith("/webjars/" + artifact + "/" + pom.getProperty("version") + "/");
    assertThat(send("GET", "/", null).body()).contains("\"" + path + "\"");
    HttpResponse<String> r = send("GET", path, null);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    assertThat(r.body().length()).as(path).isGreaterThan(10_000);
  }

  @Test
  void otherWebJarFiles_stillNeedTheToken() throws Exception {
    assertThat(send("GET", "/webjars/chart.js/4.4.1/dist/chart.js", null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/webjars/leaflet/1.9.4/LICENSE", null).statusCode()).isEqualTo(401);
  }

  @ParameterizedTest
  @CsvSource({
      "/, text/html",
      "/index.html, text/html",
      "/app.js, text/javascript",
      "/dashboard.js, text/javascript",
      "/charts.js, text/javascript",
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
    for (String path : List.of("/app.js", "/dashboard.js", "/charts.js")) {
      String js = send("GET", path, null).body();
      assertThat(js).as(path).doesNotContain("localStorage").doesNotContain("innerHTML").doesNotContain("eval(");
    }
    String js = send("GET", "/app.js", null).body();
    assertThat(js).contains("sessionStorage").contains("Authorization");
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
