package dev.autonomy.engine.situation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeekdayContrastTest {
  private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

  @Test
  void recoversAContrastAndItsNoise() {
    SplittableRandom random = new SplittableRandom(7);
    List<WeekdayContrast.Day> days = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      boolean treated = random.nextDouble() < 0.3;
      double y = 10 + (i % 7 >= 5 ? -3 : 0) + (treated ? -2 : 0) + random.nextGaussian();
      days.add(new WeekdayContrast.Day(MONDAY.plusDays(i), y, treated));
    }
    WeekdayContrast c = WeekdayContrast.of(days);
    assertThat(c.contrast()).isCloseTo(-2.0, within(0.3));
    // OLS standard error for sd 1 and about 120 against 280 days: sqrt(1/120 + 1/280) = 0.11.
    assertThat(c.standardError()).isBetween(0.08, 0.14);
    assertThat(c.treated() + c.others()).isEqualTo(400);
  }

  @Test
  void aSituationThatFellOnLowWeekdaysIsNotBlamedForThem() {
    // Rain on every Sunday only, and Sundays are low anyway: same weekday compared, rain does nothing.
    List<WeekdayContrast.Day> days = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      LocalDate d = MONDAY.plusDays(i);
      boolean sunday = d.getDayOfWeek().getValue() == 7;
      boolean rain = sunday && (i / 7) % 2 == 0;
      days.add(new WeekdayContrast.Day(d, sunday ? 2 : 8, rain));
    }
    assertThat(WeekdayContrast.of(days).contrast()).isCloseTo(0.0, within(1e-9));
  }

  @Test
  void noContrastWhenEveryDayIsTheSame() {
    List<WeekdayContrast.Day> days = List.of(
        new WeekdayContrast.Day(MONDAY, 1, true), new WeekdayContrast.Day(MONDAY.plusDays(1), 2, true));
    WeekdayContrast c = WeekdayContrast.of(days);
    assertThat(c.contrast()).isZero();
    assertThat(c.standardError()).isNaN();
  }
}
