package dev.autonomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.cli.CoreLoopCommandsTest.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code policy shadow} (a shadow ranks beside the live policy; evaluate then uses its own logged
 * choices) and {@code log} / {@code log keep} (size and retention of the decision log).
 */
class PolicyShadowAndLogCommandTest {
  @Test
  void aShadowIsListedLoggedAndEvaluatedFromItsOwnChoices(@TempDir Path dir) throws Exception {
    String home = dir.resolve("home").toString();
    Run shadow = CoreLoopCommandsTest.run("--home", home, "policy", "shadow", "thompson");
    assertThat(shadow.exit()).as(shadow.err()).isZero();
    assertThat(shadow.out()).contains("thompson ranks in the shadow from the next request").contains("in the shadow of fixed now: thompson");
    Run own = CoreLoopCommandsTest.run("--home", home, "policy", "shadow", "fixed");
    assertThat(own.exit()).isEqualTo(2);
    assertThat(own.err()).contains("fixed is the live policy");

    for (int i = 0; i < 3; i++) {
      Run r = CoreLoopCommandsTest.run("--home", home, "recommend", "--limit", "3", "--json");
      assertThat(r.exit()).as(r.err()).isZero();
      String top = r.json().get("recommendations").get(0).get("id").asText();
      assertThat(CoreLoopCommandsTest.run("--home", home, "feedback", top, "--done", "--rating", "4").exit()).isZero();
    }
    Run list = CoreLoopCommandsTest.run("--home", home, "policy", "list");
    assertThat(list.out()).contains("* fixed").contains("s thompson");
    Run evaluated = CoreLoopCommandsTest.run("--home", home, "policy", "evaluate", "thompson");
    assertThat(evaluated.exit()).as(evaluated.err()).isZero();
    assertThat(evaluated.out()).contains("its choices: shadow on 3 list(s)");

    Run log = CoreLoopCommandsTest.run("--home", home, "log", "--json");
    assertThat(log.exit()).as(log.err()).isZero();
    JsonNode size = log.json().get("size");
    assertThat(size.get("lists").asInt()).isEqualTo(3);
    assertThat(size.get("shadowLists").asInt()).isEqualTo(3);
    assertThat(size.get("feedback").asInt()).isEqualTo(3);
    assertThat(log.json().get("keep_days").isNull()).isTrue();

    Run off = CoreLoopCommandsTest.run("--home", home, "policy", "shadow", "thompson", "--off");
    assertThat(off.out()).contains("in the shadow of fixed now: none");
  }

  @Test
  void logKeepSetsTheRetention_andABadValueIsThePersonsError(@TempDir Path dir) throws Exception {
    String home = dir.resolve("home").toString();
    Run r = CoreLoopCommandsTest.run("--home", home, "recommend", "--limit", "3");
    assertThat(r.exit()).as(r.err()).isZero();
    Run keep = CoreLoopCommandsTest.run("--home", home, "log", "keep", "30");
    assertThat(keep.exit()).as(keep.err()).isZero();
    assertThat(keep.out()).contains("the log keeps the last 30 day(s); removed now: 0 list(s)");
    Run shown = CoreLoopCommandsTest.run("--home", home, "log");
    assertThat(shown.out()).contains("1 list(s) shown, 3 recommendation(s)").contains("keeps the last 30 day(s)");
    Run all = CoreLoopCommandsTest.run("--home", home, "log", "keep", "all");
    assertThat(all.out()).contains("the log keeps everything");
    Run bad = CoreLoopCommandsTest.run("--home", home, "log", "keep", "forever");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("DAYS must be a whole number of days or 'all', was 'forever'");
    Run zero = CoreLoopCommandsTest.run("--home", home, "log", "keep", "0");
    assertThat(zero.exit()).isEqualTo(2);
    assertThat(zero.err()).contains("days must be in 1..3650, was 0");
  }
}
