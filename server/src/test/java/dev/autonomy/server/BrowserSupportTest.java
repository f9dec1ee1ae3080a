package dev.autonomy.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Without the browser or its driver, the browser tests say what to install and how to skip them. */
class BrowserSupportTest {
  private static final Optional<Path> HERE = Optional.of(Path.of("/usr/bin/x"));

  @Test
  void missingBrowserOrDriver_saysHowToInstallThemAndHowToSkip() {
    assertThat(BrowserSupport.missing(HERE, HERE)).isEmpty();
    assertThat(BrowserSupport.missing(Optional.empty(), HERE)).hasValueSatisfying(m -> assertThat(m)
        .startsWith("the browser tests need chromium on the PATH")
        .contains("apt-get install -y chromium chromium-driver").contains("AUTONOMY_SKIP_BROWSER=1"));
    assertThat(BrowserSupport.missing(HERE, Optional.empty())).hasValueSatisfying(m -> assertThat(m)
        .startsWith("the browser tests need chromedriver on the PATH"));
    assertThat(BrowserSupport.missing(Optional.empty(), Optional.empty())).hasValueSatisfying(m -> assertThat(m)
        .startsWith("the browser tests need chromium and chromedriver on the PATH"));
  }
}
