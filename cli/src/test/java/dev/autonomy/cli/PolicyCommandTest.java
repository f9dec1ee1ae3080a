package dev.autonomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.cli.CoreLoopCommandsTest.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policy list} and {@code policy switch}: the fixed policy is live at first; switching is recorded; a typo is the person's error. */
class PolicyCommandTest {
  @Test
  void listSwitchAndAnUnknownName(@TempDir Path dir) throws Exception {
    String home = dir.resolve("home").toString();
    Run list = CoreLoopCommandsTest.run("--home", home, "policy", "list");
    assertThat(list.exit()).as(list.err()).isZero();
    assertThat(list.out()).contains("* fixed").contains("linucb").contains("thompson").contains("egreedy");

    Run switched = CoreLoopCommandsTest.run("--home", home, "policy", "switch", "linucb");
    assertThat(switched.exit()).as(switched.err()).isZero();
    assertThat(switched.out()).contains("live policy: linucb (was fixed)");

    Run json = CoreLoopCommandsTest.run("--home", home, "policy", "list", "--json");
    assertThat(json.exit()).as(json.err()).isZero();
    JsonNode policies = json.json().get("policies");
    assertThat(policies).hasSize(4);
    policies.forEach(p -> assertThat(p.get("live").asBoolean()).isEqualTo(p.get("name").asText().equals("linucb")));
    assertThat(json.json().get("switches").get(0).get("to").asText()).isEqualTo("linucb");

    Run unknown = CoreLoopCommandsTest.run("--home", home, "policy", "switch", "best");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("no ranking policy 'best'");
  }
}
