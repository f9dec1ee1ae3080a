package dev.autonomy.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkedExampleRunTest {
  @Test
  void designExample_indoorGivesPointSixFourAndGym_outdoorPointEightEightAndParkRun() {
    List<WorkedExampleRun.Outcome> outcomes = WorkedExampleRun.run(ZonedDateTime.parse("2026-11-30T18:00:00+01:00[Europe/Paris]"));
    WorkedExampleRun.Outcome indoor = outcomes.get(0);
    WorkedExampleRun.Outcome outdoor = outcomes.get(1);
    assertThat(indoor.desire().intensity()).isCloseTo(0.64, within(1e-9));
    assertThat(indoor.chosen().id()).isEqualTo("gym-strength");
    assertThat(outdoor.desire().intensity()).isCloseTo(0.88, within(1e-9));
    assertThat(outdoor.chosen().id()).isEqualTo("park-run");
    // The reason is the place the person is in, and it is said so.
    assertThat(indoor.ranking().recommendations().get(0).explanation().contributions())
        .anySatisfy(c -> assertThat(c.input()).isEqualTo("place"));
  }
}
