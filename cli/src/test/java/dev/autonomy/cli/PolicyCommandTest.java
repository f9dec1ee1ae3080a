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
    assertThat(list.out()).contains("* fixed").contains("linucb").contains("thompson").contains("egreedy").contains("conservative");

    Run switched = CoreLoopCommandsTest.run("--home", home, "policy", "switch", "linucb");
    assertThat(switched.exit()).as(switched.err()).isZero();
    assertThat(switched.out()).contains("live policy: linucb (was fixed)");

    Run json = CoreLoopCommandsTest.run("--home", home, "policy", "list", "--json");
    assertThat(json.exit()).as(json.err()).isZero();
    JsonNode policies = json.json().get("policies");
    assertThat(policies).hasSize(5);
    policies.forEach(p -> assertThat(p.get("live").asBoolean()).isEqualTo(p.get("name").asText().equals("linucb")));
    assertThat(json.json().get("switches").get(0).get("to").asText()).isEqualTo("linucb");

    Run unknown = CoreLoopCommandsTest.run("--home", home, "policy", "switch", "best");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("no ranking policy 'best'");
  }

  @Test
  void evaluate_printsEachEstimatorAndTheVerdict_andAnUnknownNameOrAnEmptyLogIsThePersonsError(@TempDir Path dir)
      throws Exception {
    String home = dir.resolve("home").toString();
    Run empty = CoreLoopCommandsTest.run("--home", home, "policy", "evaluate", "linucb");
    assertThat(empty.exit()).isEqualTo(2);
    assertThat(empty.err()).contains("no list shown in the last 90 day(s)");

    for (int i = 0; i < 4; i++) {
      Run r = CoreLoopCommandsTest.run("--home", home, "recommend", "--limit", "3", "--json");
      assertThat(r.exit()).as(r.err()).isZero();
      String top = r.json().get("recommendations").get(0).get("id").asText();
      Run fb = CoreLoopCommandsTest.run("--home", home, "feedback", top, "--done", "--rating", String.valueOf(2 + i));
      assertThat(fb.exit()).as(fb.err()).isZero();
    }
    Run text = CoreLoopCommandsTest.run("--home", home, "policy", "evaluate", "thompson", "--days", "7");
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("thompson on the top slot: 4 list(s) with feedback on their top item")
        .contains("dr-os").contains("(default)").contains("ips").contains("snips").contains("against the live policy");
    assertThat(text.out().indexOf("dr-os")).isLessThan(text.out().indexOf("ips"));

    Run json = CoreLoopCommandsTest.run("--home", home, "policy", "evaluate", "fixed", "--json");
    assertThat(json.exit()).as(json.err()).isZero();
    assertThat(json.json().get("estimates")).hasSize(5);
    assertThat(json.json().get("estimates").get(0).get("estimator").asText()).isEqualTo("DR_OS");
    assertThat(json.json().get("verdict").asText()).isNotEmpty();

    Run unknown = CoreLoopCommandsTest.run("--home", home, "policy", "evaluate", "best");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("no ranking policy 'best'");
  }
}
