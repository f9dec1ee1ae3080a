package dev.autonomy.core.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WorkoutPlaceTest {
  private static final Provenance WATCH = new Provenance("export.xml", "apple-health", "Watch", Modality.SENSED);
  private static final Instant AT = Instant.parse("2024-05-01T06:00:00Z");

  private static Signal signal(SignalKind kind, String text) {
    return new Signal(kind, AT, AT.plusSeconds(1800), ZoneOffset.UTC, 30, kind.canonicalUnit(), "running", text, WATCH);
  }

  @Test
  void code_isTheTextAWorkoutCarries() {
    assertThat(WorkoutPlace.INDOOR.code()).isEqualTo("indoor");
    assertThat(WorkoutPlace.OUTDOOR.code()).isEqualTo("outdoor");
    assertThat(WorkoutPlace.UNKNOWN.code()).isEmpty();
  }

  @Test
  void of_readsEveryCodeBack() {
    for (WorkoutPlace place : WorkoutPlace.values()) {
      assertThat(WorkoutPlace.of(signal(SignalKind.WORKOUT, place.code()))).isEqualTo(place);
    }
    assertThat(WorkoutPlace.of(signal(SignalKind.WORKOUT, null))).as("null text is stored as \"\"").isEqualTo(WorkoutPlace.UNKNOWN);
  }

  @Test
  void of_takesTextItDoesNotKnowAsUnknown() {
    assertThat(WorkoutPlace.of(signal(SignalKind.WORKOUT, "morning run with Bob"))).isEqualTo(WorkoutPlace.UNKNOWN);
    assertThat(WorkoutPlace.of(signal(SignalKind.WORKOUT, "Indoor"))).as("codes are exact").isEqualTo(WorkoutPlace.UNKNOWN);
  }

  @Test
  void of_rejectsOtherKindsNamingTheKind() {
    assertThatThrownBy(() -> WorkoutPlace.of(signal(SignalKind.DISTANCE, "outdoor")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("workout").hasMessageContaining("was distance");
    assertThatThrownBy(() -> WorkoutPlace.of(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
  }
}
