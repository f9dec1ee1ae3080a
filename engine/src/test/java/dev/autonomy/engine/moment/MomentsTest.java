package dev.autonomy.engine.moment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.signal.ImportReport;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.vault.Vault;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MomentsTest {
  static final LocalDate NEXT = MomentModelTest.START.plusDays(60);
  static final Clock CLOCK = Clock.fixed(NEXT.atTime(6, 30).atZone(MomentModelTest.ZONE).toInstant(), MomentModelTest.ZONE);

  static void importSignals(Vault vault, List<Signal> signals) {
    vault.signals().importSource("steps", "test", sink -> {
      signals.forEach(sink::accept);
      return new ImportReport("test", signals.size(), Map.of(), List.of());
    });
  }

  @Test
  void move_dependsOnTheHour_forAPersonWithTimedSteps_andSaysItsBasis(@TempDir Path home) {
    try (Vault vault = Vault.open(home, CLOCK)) {
      importSignals(vault, MomentModelTest.morningRunner(60, 4));
      Moments moments = new Moments(vault);

      Desire morning = moments.move(NEXT.atTime(6, 30).atZone(MomentModelTest.ZONE)).orElseThrow();
      Desire evening = moments.move(NEXT.atTime(21, 0).atZone(MomentModelTest.ZONE)).orElseThrow();

      assertThat(morning.intensity()).isGreaterThan(evening.intensity() + 0.3);
      assertThat(morning.confidence()).isGreaterThan(0.9);
      assertThat(moments.basis()).startsWith("moment model: 3-hour blocks").contains("60 days");
    }
  }

  @Test
  void staleData_isSaidPlainly_andLowersTheConfidence(@TempDir Path home) {
    try (Vault vault = Vault.open(home, CLOCK)) {
      importSignals(vault, MomentModelTest.morningRunner(60, 4));
      Moments moments = new Moments(vault);
      // The evening of the last synced day: everything before it is known.
      ZonedDateTime fresh = NEXT.minusDays(1).atTime(21, 30).atZone(MomentModelTest.ZONE);

      Desire now = moments.move(fresh).orElseThrow();
      Desire later = moments.move(fresh.plusDays(14)).orElseThrow();

      assertThat(later.confidence()).isLessThan(now.confidence() / 2);
      assertThat(later.contributions()).anySatisfy(c -> assertThat(c.meaning())
          .startsWith("no timed step data since " + MomentModelTest.START.plusDays(59)));
      assertThat(now.contributions()).noneSatisfy(c -> assertThat(c.input()).isEqualTo("no_step_data_since"));
    }
  }

  @Test
  void aPersonWithDailyDataOnly_hasNoMomentModel_andTheBasisSaysWhy(@TempDir Path home) {
    try (Vault vault = Vault.open(home, CLOCK)) {
      Moments moments = new Moments(vault);
      assertThat(moments.move(NEXT.atTime(6, 30).atZone(MomentModelTest.ZONE))).isEmpty();
      assertThat(moments.basis()).startsWith("daily model: no timed step records");
    }
  }
}
