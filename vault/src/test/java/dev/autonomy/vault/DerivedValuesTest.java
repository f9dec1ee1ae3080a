package dev.autonomy.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.feedback.Feedback;
import dev.autonomy.core.feedback.Outcome;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.option.Place;
import dev.autonomy.core.recommend.Evidence;
import dev.autonomy.core.recommend.Explanation;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.core.signal.ImportReport;
import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Provenance;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, fault 5: forgetting a source clears what decisions made since it came in were computed from. */
class DerivedValuesTest {
  @TempDir Path home;

  /** A clock the test moves. */
  private static final class Moving extends Clock {
    Instant now = Instant.parse("2026-11-01T08:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static Recommendation shown(String id) {
    Option o = new Option("walk", "Walk", DesireType.MOVE, Place.OUTDOOR, 30, 4, 0, "walk", Set.of());
    return new Recommendation(id, o, o.desire(), 0.5, 0.5, new Explanation("walk: you slept 6.1 h",
        List.of(new Contribution("desire.move.sleep_last_night_h", 6.06, 0.3, "your sleep last night")),
        List.of(), false, 0.9, List.of(new Evidence("sleep", "export.zip", "Watch", 30, LocalDate.of(2026, 11, 1),
            LocalDate.of(2026, 11, 30))), "test"));
  }

  private static void record(Vault vault, String id) {
    vault.decisions().record(Map.of("place", "outdoor"), List.of(shown(id)), new DecisionLog.Shown("linucb", 1,
        Map.of(id, new double[] {0.7, 1, 0.5}), Optional.of(new DecisionLog.Candidates(List.of("walk"),
            List.of(new double[] {0.7, 1, 0.5}), 0, 0.9))));
  }

  @Test
  void forget_clearsDecisionsMadeSinceTheSourceCameIn_andKeepsTheirOutcomes() {
    Moving clock = new Moving();
    try (Vault vault = Vault.open(home, clock)) {
      record(vault, "rec-before");
      clock.now = clock.now.plusSeconds(3600);
      vault.signals().importSource("export.zip", "apple-health", sink -> {
        Instant t = Instant.parse("2026-10-30T23:00:00Z");
        sink.accept(new Signal(SignalKind.SLEEP, t, t.plusSeconds(6 * 3600), ZoneOffset.UTC, 364, "min", "", "",
            new Provenance("export.zip", "apple-health", "Watch", Modality.SENSED)));
        return new ImportReport("apple-health", 1, Map.of(), List.of());
      });
      clock.now = clock.now.plusSeconds(3600);
      record(vault, "rec-after");
      vault.decisions().feedback(new Feedback("rec-after", Outcome.DONE, OptionalInt.of(5), clock.now));

      SignalStore.Forgotten f = vault.signals().forget(vault.signals().resolve("export.zip", Optional.empty()));

      assertThat(f.removed()).isEqualTo(1);
      assertThat(f.decisionsCleared()).isEqualTo(1);
      Recommendation before = vault.decisions().require("rec-before").recommendation();
      assertThat(before.explanation().contributions()).hasSize(1);
      assertThat(before.score()).isEqualTo(0.5);
      assertThat(vault.decisions().features("rec-before")).isPresent();
      Recommendation after = vault.decisions().require("rec-after").recommendation();
      assertThat(after.explanation().contributions()).isEmpty();
      assertThat(after.explanation().evidence()).isEmpty();
      assertThat(after.explanation().summary()).doesNotContain("6.1").contains("forgotten");
      assertThat(after.explanation().propensity()).isEqualTo(0.9);
      // computed from the forgotten data as much as the inputs were
      assertThat(after.score()).isZero();
      assertThat(after.confidence()).isZero();
      assertThat(after.option().id()).isEqualTo("walk");
      assertThat(vault.decisions().features("rec-after")).isEmpty();
      assertThat(vault.decisions().taught()).isEmpty();
      assertThat(vault.decisions().lists(Instant.EPOCH)).singleElement()
          .satisfies(l -> assertThat(l.created()).isBefore(clock.now.minusSeconds(3600)));
      assertThat(vault.decisions().feedbackRows()).singleElement()
          .satisfies(r -> assertThat(r.recommendationId()).isEqualTo("rec-after"));
    }
  }
}
