package dev.autonomy.server;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A headless Chromium driven by Selenium, for the tests that use the page as a person does. It uses
 * the browser and driver installed on the machine (Debian's {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them): nothing is downloaded. When either is
 * missing the test fails saying how to install them, unless {@code AUTONOMY_SKIP_BROWSER=1}, which
 * skips it and says so.
 */
final class BrowserSupport {
  /** Where the screenshots of each step go: test artefacts, beside the build's other outputs. */
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  static final String SKIP_ENV = "AUTONOMY_SKIP_BROWSER";

  private BrowserSupport() {}

  /** A headless Chromium, or a failure (a skip with {@value #SKIP_ENV}=1) naming what to install. */
  static ChromeDriver start() {
    Optional<Path> browser = onPath(List.of("chromium", "chromium-browser", "google-chrome"));
    Optional<Path> driver = onPath(List.of("chromedriver"));
    Optional<String> missing = missing(browser, driver);
    if (missing.isPresent()) {
      if ("1".equals(System.getenv(SKIP_ENV))) {
        Assumptions.abort("skipped: " + SKIP_ENV + "=1 and " + missing.get());
      }
      fail(missing.get());
    }
    ChromeOptions options = new ChromeOptions();
    // The page's console, so a test can see a script error or something the CSP blocked.
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    options.setBinary(browser.get().toFile());
    // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start; the page is our own.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1200,1800", "--lang=en-GB", "--no-first-run", "--disable-extensions",
        "--disable-background-networking", "--disable-component-update", "--disable-sync");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(driver.get().toFile())
        .usingAnyFreePort()
        .build();
    ChromeDriver chrome = new ChromeDriver(service, options);
    chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    return chrome;
  }

  /** What to tell the person when the browser or its driver is not installed; empty when both are. */
  static Optional<String> missing(Optional<Path> browser, Optional<Path> driver) {
    if (browser.isPresent() && driver.isPresent()) {
      return Optional.empty();
    }
    String what = browser.isEmpty() && driver.isEmpty() ? "chromium and chromedriver"
        : browser.isEmpty() ? "chromium" : "chromedriver";
    return Optional.of("the browser tests need " + what + " on the PATH: install them with"
        + " 'sudo apt-get install -y chromium chromium-driver' (Debian/Ubuntu; .ci/run does this), or set "
        + SKIP_ENV + "=1 to skip these tests");
  }

  /** The first of {@code names} that is an executable file on the PATH. */
  static Optional<Path> onPath(List<String> names) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String name : names) {
      for (String dir : path.split(File.pathSeparator)) {
        if (dir.isEmpty()) {
          continue;
        }
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** Saves what the browser shows now as {@code target/screenshots/NAME.png}. */
  static Path screenshot(WebDriver driver, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot save screenshot " + name + ": " + e.getMessage(), e);
    }
  }
}
