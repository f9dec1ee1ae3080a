package dev.autonomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.cli.CoreLoopCommandsTest.Run;
import dev.autonomy.engine.demo.DemoFiles;
import dev.autonomy.engine.demo.SyntheticPerson;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code desires} says what the move desire rests on, and {@code --eval --blocks H} evaluates the moment model. */
class MomentDesiresCommandTest {
  @TempDir static Path dir;
  static String home;

  @BeforeAll
  static void importADemoPersonWithHourlySteps() throws Exception {
    home = dir.resolve("home").toString();
    SplittableRandom random = new SplittableRandom(5);
    DemoFiles.Written files = DemoFiles.write(dir.resolve("files"), SyntheticPerson.generate(LocalDate.now(), 40, random.split()),
        ZoneId.systemDefault(), random.split());
    for (Path f : files.all()) {
      Run r = CoreLoopCommandsTest.run("--home", home, "import", f.toString());
      assertThat(r.exit()).as(r.err()).isZero();
    }
  }

  @Test
  void desires_saysTheMoveDesireComesFromTheMomentModel() {
    Run r = CoreLoopCommandsTest.run("--home", home, "desires", "--context", "at=" + LocalDate.now() + "T07:00");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("from the moment model: 3-hour blocks of your timed step records");
  }

  @Test
  void evalBlocks_printsTheRowsTheIssueNames_withAnIntervalAroundTheEstimate() throws Exception {
    Run r = CoreLoopCommandsTest.run("--home", home, "desires", "--eval", "--blocks", "3", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode row = r.json().get("eval").get(0);
    for (String field : new String[] {"desire", "block_hours", "days", "model_mae", "baseline_block_mean_mae",
        "baseline_yesterday_mae", "model_ci_low", "model_ci_high"}) {
      assertThat(row.has(field)).as(field).isTrue();
    }
    assertThat(row.get("block_hours").asInt()).isEqualTo(3);
    assertThat(row.get("days").asInt()).isEqualTo(7);
    assertThat(row.get("model_mae").asDouble()).isBetween(row.get("model_ci_low").asDouble(), row.get("model_ci_high").asDouble());
  }

  @Test
  void blocksWithoutEval_orBlocksThatDoNotDivideTheDay_areThePersonsError() {
    assertThat(CoreLoopCommandsTest.run("--home", home, "desires", "--blocks", "3").exit()).isEqualTo(2);
    Run odd = CoreLoopCommandsTest.run("--home", home, "desires", "--eval", "--blocks", "5");
    assertThat(odd.exit()).isEqualTo(2);
    assertThat(odd.err()).contains("block hours must divide the day");
  }

  @Test
  void desires_saysWhatEachStatedKeyDid_inTextAndJson() throws Exception {
    Run text = CoreLoopCommandsTest.run("--home", home, "desires", "--context", "weather=rain,budget=20");
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("stated weather=rain: ").contains("stated budget=20: not used by desires: a limit on the options shown");
    Run json = CoreLoopCommandsTest.run("--home", home, "desires", "--context", "weather=rain,budget=20", "--json");
    assertThat(json.exit()).as(json.err()).isZero();
    JsonNode stated = json.json().get("stated");
    assertThat(stated).hasSize(2);
    JsonNode weather = stated.get(0).get("key").asText().equals("weather") ? stated.get(0) : stated.get(1);
    assertThat(weather.get("value").asText()).isEqualTo("rain");
    assertThat(weather.has("used")).isTrue();
    assertThat(weather.get("why").asText()).isNotBlank();
    // the demo person's files include a weather file: the effects behind the answer come with it
    assertThat(weather.get("effects")).isNotEmpty();
    assertThat(weather.get("effects").get(0).get("days")).isNotEmpty();
  }
}
