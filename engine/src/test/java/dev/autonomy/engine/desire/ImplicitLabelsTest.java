package dev.autonomy.engine.desire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.quality.Cleaner;
import dev.autonomy.engine.quality.DailyTable;
import dev.autonomy.engine.quality.DayStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImplicitLabelsTest {
  private static final LocalDate START = SyntheticPerson.START;

  /** 30 days of 6 km (even days) or 2 km (odd days), an 18 km trip on days 10 and 17. */
  private static DailyTable tripsInTheMiddle() {
    List<Signal> signals = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      LocalDate day = START.plusDays(i);
      signals.add(SyntheticPerson.daily(SignalKind.STEPS, day, 5000, SyntheticPerson.WATCH));
      signals.add(SyntheticPerson.daily(SignalKind.DISTANCE, day, i % 2 == 0 ? 6000 : 2000, SyntheticPerson.WATCH));
      if (i == 10 || i == 17) {
        signals.add(SyntheticPerson.daily(SignalKind.TRIP, day, 18_000, SyntheticPerson.WATCH));
      }
    }
    return Cleaner.withDefaults().clean(signals).table();
  }

  @Test
  void explore_meansTheSameBeforeBetweenAndAfterThePersonsTrips() {
    DailyTable table = tripsInTheMiddle();
    LocalDate before = START.plusDays(3);
    LocalDate between = START.plusDays(13);
    LocalDate after = START.plusDays(25);
    // The cleaner zero-fills trips only inside their own span: the premise of this test.
    assertThat(table.get(SignalKind.TRIP, before).status()).isEqualTo(DayStatus.MISSING);
    assertThat(table.get(SignalKind.TRIP, between).status()).isEqualTo(DayStatus.OBSERVED);
    assertThat(table.get(SignalKind.TRIP, after).status()).isEqualTo(DayStatus.MISSING);

    ImplicitLabels labels = new ImplicitLabels(table, LabelScale.fit(table, START, START.plusDays(29)));
    double inSpan = labels.label(DesireType.EXPLORE, between).orElseThrow();
    assertThat(inSpan).isLessThan(0.5);
    assertThat(labels.label(DesireType.EXPLORE, before).orElseThrow()).isEqualTo(inSpan);
    assertThat(labels.label(DesireType.EXPLORE, after).orElseThrow()).isEqualTo(inSpan);
    assertThat(labels.label(DesireType.EXPLORE, START.plusDays(10)).orElseThrow()).isGreaterThan(inSpan);
  }

  @Test
  void explore_isDistanceAloneForAPersonWithoutTrips() {
    List<Signal> signals = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      signals.add(SyntheticPerson.daily(SignalKind.DISTANCE, START.plusDays(i), 1000 + 100 * i, SyntheticPerson.WATCH));
    }
    DailyTable table = Cleaner.withDefaults().clean(signals).table();
    LabelScale scale = LabelScale.fit(table, START, START.plusDays(19));
    ImplicitLabels labels = new ImplicitLabels(table, scale);
    assertThat(labels.label(DesireType.EXPLORE, START.plusDays(5)).orElseThrow())
        .isCloseTo(1500 / scale.distanceP90(), org.assertj.core.data.Offset.offset(1e-12));
  }
}
