package dev.autonomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.cli.CoreLoopCommandsTest.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code app grant|list|revoke} and {@code access log}: a token shown once, never listed; every change logged with its actor. */
class AppCommandTest {
  @Test
  void grantPrintsTheTokenOnce_listNeverShowsIt_revokeIsLogged(@TempDir Path dir) throws Exception {
    String home = dir.resolve("home").toString();
    Run grant = CoreLoopCommandsTest.run("--home", home, "app", "grant", "coach", "--scopes", "recommend,feedback", "--json");
    assertThat(grant.exit()).as(grant.err()).isZero();
    JsonNode granted = grant.json();
    assertThat(granted.get("app").asText()).isEqualTo("coach");
    assertThat(granted.get("scopes")).extracting(JsonNode::asText).containsExactly("recommend", "feedback");
    String token = granted.get("token").asText();
    assertThat(token).hasSize(64);

    Run text = CoreLoopCommandsTest.run("--home", home, "app", "grant", "reader", "--scopes", "read:signals");
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("granted reader: read:signals").contains("shown only now");

    Run list = CoreLoopCommandsTest.run("--home", home, "app", "list", "--json");
    assertThat(list.exit()).as(list.err()).isZero();
    assertThat(list.out()).doesNotContain(token).doesNotContainIgnoringCase("token");
    assertThat(list.json().get("apps")).hasSize(2);
    JsonNode coach = list.json().get("apps").get(0);
    assertThat(coach.get("name").asText()).isEqualTo("coach");
    assertThat(coach.get("last_used").isNull()).isTrue();
    assertThat(coach.get("revoked").isNull()).isTrue();
    assertThat(CoreLoopCommandsTest.run("--home", home, "app", "list").out()).doesNotContain(token).contains("coach");

    Run again = CoreLoopCommandsTest.run("--home", home, "app", "grant", "coach", "--scopes", "rules");
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("app 'coach' already has access").contains("autonomy app revoke coach");

    Run revoke = CoreLoopCommandsTest.run("--home", home, "app", "revoke", "coach");
    assertThat(revoke.exit()).as(revoke.err()).isZero();
    assertThat(revoke.out()).contains("revoked coach");
    Run revokedList = CoreLoopCommandsTest.run("--home", home, "app", "list", "--json");
    assertThat(revokedList.json().get("apps").get(0).get("revoked").isNull()).isFalse();

    Run unknown = CoreLoopCommandsTest.run("--home", home, "app", "revoke", "coach");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("no app 'coach' has access");

    Run badScope = CoreLoopCommandsTest.run("--home", home, "app", "grant", "x", "--scopes", "everything");
    assertThat(badScope.exit()).isEqualTo(2);
    assertThat(badScope.err()).contains("unknown scope 'everything'").contains("read:signals");

    Run log = CoreLoopCommandsTest.run("--home", home, "access", "log", "--json");
    assertThat(log.exit()).as(log.err()).isZero();
    assertThat(log.out()).doesNotContain(token);
    JsonNode entries = log.json().get("entries");
    assertThat(entries).extracting(e -> e.get("actor").asText() + " " + e.get("action").asText() + " " + e.get("detail").asText())
        .containsExactly("cli grant coach: recommend,feedback", "cli grant reader: read:signals", "cli revoke coach");
  }

  @Test
  void ruleChangesExportAndForget_areInTheAccessLogWithTheCliAsActor(@TempDir Path dir) throws Exception {
    String home = dir.resolve("home").toString();
    assertThat(CoreLoopCommandsTest.run("--home", home, "rule", "add", "never", "swim").exit()).isZero();
    assertThat(CoreLoopCommandsTest.run("--home", home, "rule", "remove", "r1").exit()).isZero();
    Run export = CoreLoopCommandsTest.run("--home", home, "export", dir.resolve("out").toString());
    assertThat(export.exit()).as(export.err()).isZero();

    assertThat(java.nio.file.Files.readString(dir.resolve("out").resolve("access-log.json")))
        .contains("rule added r1: never swim").contains("rule removed r1");
    assertThat(java.nio.file.Files.readString(dir.resolve("out").resolve("apps.json"))).isEqualTo("[ ]");
    assertThat(CoreLoopCommandsTest.run("--home", home, "policy", "switch", "linucb").exit()).isZero();

    Run log = CoreLoopCommandsTest.run("--home", home, "access", "log");
    assertThat(log.exit()).as(log.err()).isZero();
    assertThat(log.out()).contains("live policy switched to linucb");
    assertThat(log.out()).contains("cli").contains("rule added r1: never swim").contains("rule removed r1")
        .contains("export");
    Run limited = CoreLoopCommandsTest.run("--home", home, "access", "log", "--json", "--limit", "1");
    assertThat(limited.json().get("entries")).hasSize(1);
    assertThat(limited.json().get("entries").get(0).get("detail").asText()).isEqualTo("live policy switched to linucb");

    Run zero = CoreLoopCommandsTest.run("--home", home, "access", "log", "--limit", "0");
    assertThat(zero.exit()).isEqualTo(2);
    assertThat(zero.err()).contains("limit must be in 1..");
  }
}
