package dev.autonomy.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.engine.access.Access;
import dev.autonomy.engine.access.Scope;
import dev.autonomy.vault.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.autonomy.core.data.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard used as a person uses it, in a real headless Chromium over a server on the demo
 * person's vault: the token prompt, the charts drawn with the vault's numbers, a feedback click that
 * changes the next list, a rule added and honoured, an app revoked, and forgetting everything. Each
 * step leaves a screenshot in {@code server/target/screenshots/}. The steps build on each other
 * (one browser, one vault), so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserDashboardTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @TempDir static Path dir;
  static DemoServer demo;
  static ChromeDriver chrome;
  static WebDriverWait wait;
  static Access.Grant coach;

  @BeforeAll
  static void start() throws Exception {
    chrome = BrowserSupport.start();
    demo = DemoServer.start(dir);
    coach = demo.autonomy.access().grant("coach", EnumSet.of(Scope.RECOMMEND, Scope.FEEDBACK), new SecureRandom());
    wait = new WebDriverWait(chrome, Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() {
    if (chrome != null) {
      chrome.quit();
    }
    if (demo != null) {
      demo.close();
    }
  }

  static HttpResponse<String> call(String method, String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(demo.base + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode api(String path) throws Exception {
    HttpResponse<String> r = call("GET", path, DemoServer.TOKEN.value());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  static Object js(String script, Object... args) {
    return ((JavascriptExecutor) chrome).executeScript(script, args);
  }

  static void shot(String name, By scrollTo) {
    js("arguments[0].scrollIntoView({block: 'start'})", chrome.findElement(scrollTo));
    BrowserSupport.screenshot(chrome, name);
  }

  /** The option ids of the suggestions list as the page shows it now (read in one go: the list may be redrawn). */
  @SuppressWarnings("unchecked")
  static List<String> shownOptions() {
    return (List<String>) js("return [...document.querySelectorAll('#recs > li.rec')].map(li => li.dataset.option)");
  }

  /** The recommendation ids of the list shown now: new ones each time the page asks for a list. */
  @SuppressWarnings("unchecked")
  static List<String> shownIds() {
    return (List<String>) js("return [...document.querySelectorAll('#recs > li.rec')].map(li => li.dataset.id)");
  }

  /** The score the page shows for {@code option} in the list now. */
  static double score(String option) {
    return Double.parseDouble((String) js("return document.querySelector(`#recs > li.rec[data-option='${arguments[0]}']`)"
        + ".dataset.score", option));
  }

  /** What the page's scripts reported that went wrong: uncaught errors, and anything the CSP blocked. */
  static List<String> scriptErrors() {
    return chrome.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
        .filter(m -> m.contains("Uncaught") || m.contains("Content Security Policy") || m.contains("Refused to"))
        .toList();
  }

  @Test
  @Order(1)
  void beforeTheToken_thePageAsksForItAndShowsNothingPersonal() {
    chrome.get(demo.base + "/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
    assertThat(chrome.findElement(By.id("login")).isDisplayed()).isTrue();
    assertThat(chrome.findElement(By.id("main")).isDisplayed()).isFalse();
    BrowserSupport.screenshot(chrome, "01-token-prompt");

    // A wrong token is refused, and the page says so.
    chrome.findElement(By.id("token-input")).sendKeys("not-the-token-but-long-enough");
    chrome.findElement(By.cssSelector("#token-form button")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-message"), "not accepted"));
    assertThat(chrome.findElement(By.id("main")).isDisplayed()).isFalse();
    // The console is read (and emptied) here: the refused call is in it, so later checks of it can fail.
    assertThat(chrome.manage().logs().get(LogType.BROWSER).getAll()).extracting(LogEntry::getMessage)
        .anySatisfy(m -> assertThat(m).contains("401"));
  }

  @Test
  @Order(2)
  void withTheToken_theChartsAreDrawnWithTheVaultsNumbers() throws Exception {
    chrome.findElement(By.id("token-input")).clear();
    chrome.findElement(By.id("token-input")).sendKeys(DemoServer.TOKEN.value());
    chrome.findElement(By.cssSelector("#token-form button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("main")));
    for (String kind : List.of("steps", "sleep", "purchase")) {
      wait.until(d -> js("const c = document.getElementById(arguments[0]);"
          + " return typeof Chart === 'function' && Chart.getChart(c) !== undefined", "chart-" + kind));
    }
    JsonNode series = api("/series?kinds=steps,sleep,purchase&days=90").get("series");
    assertThat(series).hasSize(3);
    for (JsonNode s : series) {
      String kind = s.get("kind").asText();
      @SuppressWarnings("unchecked")
      Map<String, Object> drawn = (Map<String, Object>) js("const c = Chart.getChart(document.getElementById(arguments[0]));"
          + " return {labels: c.data.labels, values: c.data.datasets[0].data};", "chart-" + kind);
      List<Object> values = new ArrayList<>();
      List<String> dates = new ArrayList<>();
      int known = 0;
      for (JsonNode day : s.get("days")) {
        dates.add(day.get("date").asText());
        values.add(day.get("value").isNull() ? null : day.get("value").asDouble());
        known += day.get("value").isNull() ? 0 : 1;
      }
      // The demo person has 45 days of each: a chart of nothing would pass too easily.
      assertThat(known).as(kind + " days known").isGreaterThanOrEqualTo(30);
      assertThat(drawn.get("labels")).as(kind + " dates").isEqualTo(dates);
      List<Object> drawnValues = new ArrayList<>();
      for (Object v : (List<?>) drawn.get("values")) {
        drawnValues.add(v == null ? null : ((Number) v).doubleValue());
      }
      assertThat(drawnValues).as(kind + " values").isEqualTo(values);
    }
    // The vault's numbers, not only the API's: the last known day of steps is the cleaned table's.
    var table = demo.autonomy.overview().series(List.of(dev.autonomy.core.signal.SignalKind.STEPS), 90);
    assertThat(table.series().get(0).days().stream().filter(d -> d.value() != null).count())
        .isEqualTo(series.get(0).get("days").findValues("value").stream().filter(v -> !v.isNull()).count());

    // Desires across today: the line chart holds the API's grid for the context chosen.
    wait.until(d -> js("return Chart.getChart(document.getElementById('chart-hours')) !== undefined"));
    JsonNode grid = api("/desires/by-hour?context=&context=place%3Dindoor&context=place%3Doutdoor&context=weather%3Drain")
        .get("grids").get(0);
    @SuppressWarnings("unchecked")
    List<Object> move = (List<Object>) js("const c = Chart.getChart(document.getElementById('chart-hours'));"
        + " return c.data.datasets.find(d => d.label === 'move').data;");
    List<Double> expected = new ArrayList<>();
    grid.get("hours").forEach(h -> expected.add(h.get("move").asDouble()));
    assertThat(move.stream().map(v -> ((Number) v).doubleValue()).toList()).isEqualTo(expected);
    shot("02-charts", By.id("data-section"));
    shot("02b-desires-by-hour", By.id("now"));

    assertThat(scriptErrors()).isEmpty();
    // Every control has a name a screen reader can say: a label, an aria-label or its own text.
    @SuppressWarnings("unchecked")
    List<String> unnamed = (List<String>) js("return [...document.querySelectorAll('#main input, #main select,"
        + " #main button, #main canvas')].filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')"
        + " && !e.getAttribute('aria-labelledby') && !e.textContent.trim()).map(e => e.outerHTML)");
    assertThat(unnamed).isEmpty();
    // Nothing the page loaded came from anywhere but this server.
    @SuppressWarnings("unchecked")
    List<String> loaded = (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name)"
        + ".concat([location.href])");
    assertThat(loaded).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(demo.base + "/"));
  }

  @Test
  @Order(3)
  void aLoopPlannedOnAMapInTheVault_isDrawnOnTheMap() throws Exception {
    Optional<Path> monaco = SharedData.root().map(d -> d.resolve("osm-graphhopper").resolve("monaco.osm.gz"))
        .filter(Files::isRegularFile);
    Assumptions.assumeTrue(monaco.isPresent(), "no ../shared/data/osm-graphhopper/monaco.osm.gz: plans not drawn");
    assertThat(chrome.findElement(By.id("plan-form")).isDisplayed()).as("no map yet, no form").isFalse();
    Path maps = demo.autonomy.home().resolve(DashboardPlans.MAPS);
    Files.createDirectories(maps);
    Files.copy(monaco.get(), maps.resolve("monaco.osm.gz"));
    chrome.navigate().refresh();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-form")));
    chrome.findElement(By.id("plan-start")).sendKeys("43.7384,7.4246");
    WebElement km = chrome.findElement(By.id("plan-km"));
    km.clear();
    km.sendKeys("3");
    chrome.findElement(By.id("plan-run")).click();
    // The first plan on a map builds its route graph (a few seconds for Monaco).
    new WebDriverWait(chrome, Duration.ofSeconds(90)).until(d -> ((Number) js("return planDrawn.length")).intValue() > 0
        || !d.findElement(By.id("plans-error")).getText().isEmpty());
    assertThat(chrome.findElement(By.id("plans-error")).getText()).isEmpty();
    @SuppressWarnings("unchecked")
    List<List<Number>> sent = (List<List<Number>>) js("return planDrawn");
    @SuppressWarnings("unchecked")
    List<List<Number>> drawn = (List<List<Number>>) js("return planLayer.getLayers()[0].getLatLngs().map(p => [p.lat, p.lng])");
    assertThat(drawn).hasSize(sent.size()).hasSizeGreaterThan(10);
    assertThat(drawn).isEqualTo(sent);
    // A loop: it ends where it starts, near the start asked for.
    assertThat(sent.get(0)).isEqualTo(sent.get(sent.size() - 1));
    assertThat(sent.get(0).get(0).doubleValue()).isCloseTo(43.7384, org.assertj.core.data.Offset.offset(0.01));
    assertThat(chrome.findElements(By.cssSelector("#plan-map path.leaflet-interactive"))).isNotEmpty();
    assertThat(chrome.findElement(By.id("plan-summary")).getText()).contains("Running loop").contains("offered as plan-");
    shot("03-plan-on-the-map", By.id("plans-section"));

    // A walking trip on the same map: its stops are listed and drawn, in order, from the start and back.
    chrome.findElement(By.id("plan-trip")).click();
    new WebDriverWait(chrome, Duration.ofSeconds(60)).until(d -> !d.findElement(By.id("plan-summary")).getText().contains("Planning")
        && (d.findElement(By.id("plan-summary")).getText().contains("Walking trip")
            || !d.findElement(By.id("plans-error")).getText().isEmpty()));
    assertThat(chrome.findElement(By.id("plans-error")).getText()).isEmpty();
    int stops = chrome.findElements(By.cssSelector("#plan-stops li")).size();
    assertThat(stops).isPositive();
    @SuppressWarnings("unchecked")
    List<List<Number>> trip = (List<List<Number>>) js("return planDrawn");
    assertThat(trip).hasSize(stops + 2);
    assertThat(trip.get(0)).isEqualTo(trip.get(stops + 1));
    assertThat(((Number) js("return planLayer.getLayers().length")).intValue()).isEqualTo(stops + 2);
    shot("03b-trip-on-the-map", By.id("plans-section"));
    assertThat(scriptErrors()).isEmpty();
  }

  @Test
  @Order(4)
  void aFeedbackClick_changesTheNextList() {
    wait.until(d -> !shownOptions().isEmpty());
    List<String> before = shownOptions();
    List<String> idsBefore = shownIds();
    String top = before.get(0);
    double scoreBefore = score(top);
    WebElement skip = chrome.findElement(By.cssSelector("#recs > li.rec:first-child button.skip"));
    skip.click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("recs-status"), "skipped"));
    wait.until(d -> !shownIds().isEmpty() && !shownIds().contains(idsBefore.get(0)));
    List<String> after = shownOptions();
    shot("04-feedback-changed-the-list", By.id("suggestions"));
    // Skipping the top suggestion lowers it: it is no longer first in the next list.
    assertThat(after).as("before " + before).isNotEmpty();
    assertThat(after.get(0)).as("after skipping " + top + ": " + after).isNotEqualTo(top);
    if (after.contains(top)) {
      assertThat(score(top)).as("score of " + top + " after the skip").isLessThan(scoreBefore);
    }
  }

  @Test
  @Order(5)
  void aRuleAddedOnThePage_isHonouredByTheNextSuggestions() throws Exception {
    List<String> shown = shownOptions();
    String option = shown.get(0);
    List<String> idsBefore = shownIds();
    WebElement input = chrome.findElement(By.id("rule-input"));
    input.sendKeys("never " + option);
    chrome.findElement(By.cssSelector("#rule-form button")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rules"), "never " + option));
    wait.until(d -> !shownIds().isEmpty() && !shownIds().contains(idsBefore.get(0)));
    shot("05-rule-added", By.id("rules-section"));
    assertThat(shownOptions()).doesNotContain(option);
    JsonNode recs = api("/recommend?limit=20").get("recommendations");
    List<String> ranked = new ArrayList<>();
    recs.forEach(r -> ranked.add(r.get("option").get("id").asText()));
    assertThat(ranked).isNotEmpty().doesNotContain(option);
  }

  @Test
  @Order(5)
  @SuppressWarnings("unchecked")
  void decideMyself_laysOutTheAllowedOptionsWithoutAPick_andTheAuditCountsIt() throws Exception {
    WebElement button = chrome.findElement(By.id("choose-button"));
    js("arguments[0].scrollIntoView({block: 'center'})", button);
    button.click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("choose")));
    wait.until(d -> !((List<String>) js("return [...document.querySelectorAll('#choose-rows tr')].map(r => r.cells[1].textContent)")).isEmpty());
    shot("05b-decide-myself", By.id("choose"));
    List<String> names = (List<String>) js("return [...document.querySelectorAll('#choose-rows tr')].map(r => r.cells[1].textContent)");
    JsonNode laid = api("/choose");
    List<String> expected = new ArrayList<>();
    laid.get("options").forEach(o -> expected.add(o.get("name").asText()));
    assertThat(names).isEqualTo(expected);
    assertThat(chrome.findElement(By.id("choose")).getText()).doesNotContain("score");
    // the page's use and the API's are both counted by the dependence watch
    assertThat(api("/audit").get("findings").get("dependence").get("recent").get("selfDecided").asInt())
        .isGreaterThanOrEqualTo(2);
    assertThat(button.getAttribute("aria-expanded")).isEqualTo("true");
  }

  @Test
  @Order(6)
  void anAppRevokedOnThePage_isRefusedFromThenOn() throws Exception {
    assertThat(call("GET", "/recommend", coach.token()).statusCode()).isEqualTo(200);
    By button = By.cssSelector("#apps li[data-app='coach'] button");
    wait.until(ExpectedConditions.elementToBeClickable(button));
    shot("06a-app-listed", By.id("apps-section"));
    chrome.findElement(button).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#apps li.revoked[data-app='coach']")));
    assertThat(chrome.findElement(By.cssSelector("#apps li[data-app='coach']")).getText()).containsIgnoringCase("revoked");
    assertThat(call("GET", "/recommend", coach.token()).statusCode()).isEqualTo(401);
    // The access log on the page shows the revocation and the refused call.
    chrome.navigate().refresh();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("access-log"), "app revoked coach"));
    assertThat(chrome.findElement(By.id("access-log")).getText()).contains("coach").contains("401");
    shot("06b-app-revoked", By.id("apps-section"));
    shot("06c-access-log", By.id("log-section"));
  }

  @Test
  @Order(7)
  void export_writesIntoTheVaultsExportsFolder() throws Exception {
    chrome.findElement(By.id("export-button")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("export-result"), "Exported"));
    Path exports = demo.autonomy.home().resolve(DashboardEndpoints.EXPORTS);
    String said = chrome.findElement(By.id("export-result")).getText();
    try (var folders = Files.list(exports)) {
      Path written = folders.findFirst().orElseThrow();
      assertThat(said).contains(written.toString());
      assertThat(written.resolve("signals.csv")).isRegularFile();
    }
    shot("07-exported", By.id("control-section"));
  }

  @Test
  @Order(8)
  void forget_asksWithADialogNamingWhatGoes_thenErasesTheVault() throws Exception {
    // By keyboard: the button opens the dialog and the focus goes to the phrase; Escape closes it.
    WebElement forget = chrome.findElement(By.id("forget-button"));
    js("arguments[0].focus()", forget);
    forget.sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("forget-dialog")));
    wait.until(d -> "forget-confirm".equals(js("return document.activeElement.id")));
    chrome.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("forget-dialog")));
    assertThat(call("GET", "/health", null).statusCode()).isEqualTo(200);

    chrome.findElement(By.id("forget-button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("forget-dialog")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("forget-what"), "signals"));
    String named = chrome.findElement(By.id("forget-dialog")).getText();
    assertThat(named).contains(demo.autonomy.home().toString()).contains("vault.db")
        .contains(demo.autonomy.signalCount() + " signals");
    BrowserSupport.screenshot(chrome, "08a-forget-dialog");

    // A wrong phrase erases nothing.
    chrome.findElement(By.id("forget-confirm")).sendKeys("yes");
    chrome.findElement(By.id("forget-go")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("forget-error"), "exactly"));
    assertThat(call("GET", "/health", null).statusCode()).isEqualTo(200);

    chrome.findElement(By.id("forget-confirm")).clear();
    chrome.findElement(By.id("forget-confirm")).sendKeys(DashboardEndpoints.FORGET_PHRASE);
    chrome.findElement(By.id("forget-go")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "Everything is forgotten"));
    BrowserSupport.screenshot(chrome, "08b-forgotten");
    assertThat(call("GET", "/health", null).statusCode()).isEqualTo(503);
    assertThat(demo.autonomy.home().resolve("vault.db")).doesNotExist();
  }
}
