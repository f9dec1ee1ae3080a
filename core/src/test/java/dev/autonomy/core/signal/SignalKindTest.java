package dev.autonomy.core.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignalKindTest {
  private static final Provenance STATION = new Provenance("weather.csv", "weather", "meteostat", Modality.SENSED);

  @Test
  void fromCode_readsEveryCodeBack() {
    for (SignalKind kind : SignalKind.values()) {
      assertThat(SignalKind.fromCode(kind.code())).isEqualTo(kind);
    }
    assertThat(SignalKind.fromCode(" Temperature ")).isEqualTo(SignalKind.TEMPERATURE);
    assertThatThrownBy(() -> SignalKind.fromCode("humidity"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("precipitation").hasMessageContaining("weather");
  }

  @Test
  void weatherKinds_haveOneCanonicalUnitAndAnOrderedConditionList() {
    assertThat(SignalKind.TEMPERATURE.canonicalUnit()).isEqualTo("degC");
    assertThat(SignalKind.PRECIPITATION.canonicalUnit()).isEqualTo("mm");
    assertThat(SignalKind.WEATHER.canonicalUnit()).isEqualTo("code");
    assertThat(SignalKind.WEATHER_CONDITIONS).containsExactly("sun", "cloud", "fog", "rain", "snow", "storm");
    Instant noon = Instant.parse("2024-05-01T10:00:00Z");
    Signal rain = new Signal(SignalKind.WEATHER, noon, noon, ZoneOffset.UTC, SignalKind.WEATHER_CONDITIONS.indexOf("rain"),
        "code", "rain", "", STATION);
    assertThat(rain.naturalKey()).startsWith("weather|").contains("|rain|meteostat|");
    assertThatThrownBy(() -> new Signal(SignalKind.TEMPERATURE, noon, noon, ZoneOffset.UTC, 68, "degF", "", "", STATION))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be degC");
  }

  @Test
  void aWorkoutsPlaceIsNotPartOfItsIdentity_soAReimportWithPlacesAddsNoSecondWorkout() {
    Instant start = Instant.parse("2024-05-01T17:00:00Z");
    Provenance watch = new Provenance("export.zip", "apple-health", "Watch", Modality.SENSED);
    Signal before = new Signal(SignalKind.WORKOUT, start, start.plusSeconds(2400), ZoneOffset.UTC, 40, "min", "running", "", watch);
    Signal after = new Signal(SignalKind.WORKOUT, start, start.plusSeconds(2400), ZoneOffset.UTC, 40, "min", "running", "outdoor", watch);
    assertThat(after.naturalKey()).isEqualTo(before.naturalKey());
    Signal note = new Signal(SignalKind.NOTE, start, start, ZoneOffset.UTC, 0, "none", "journal", "a", watch);
    Signal other = new Signal(SignalKind.NOTE, start, start, ZoneOffset.UTC, 0, "none", "journal", "b", watch);
    assertThat(other.naturalKey()).isNotEqualTo(note.naturalKey());
  }
}
