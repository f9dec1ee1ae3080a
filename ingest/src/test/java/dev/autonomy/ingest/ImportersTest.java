package dev.autonomy.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportersTest {
  @TempDir Path dir;

  @Test
  void forFormat_findsEachAndListsThemOtherwise() {
    for (String format : Importers.formats()) {
      assertThat(Importers.forFormat(format).format()).isEqualTo(format);
    }
    assertThat(Importers.formats()).containsExactly("apple-health", "gpx", "fitbit", "weather", "events");
    assertThatThrownBy(() -> Importers.forFormat("garmin"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("garmin").hasMessageContaining("apple-health");
  }

  @Test
  void detect_recognisesTheSamples() throws IOException {
    assertThat(Importers.detect(Samples.data("apple-health", "tdda-applehealthdata", "export6s3sample.xml")).format()).isEqualTo("apple-health");
    assertThat(Importers.detect(Samples.data("gpx", "gpxpy-test-files", "route.gpx")).format()).isEqualTo("gpx");
    assertThat(Importers.detect(Samples.data("fitbit-fitabase-2016")).format()).isEqualTo("fitbit");
    assertThat(Importers.detect(Files.writeString(dir.resolve("x.csv"), "time,kind,amount\n")).format()).isEqualTo("events");
    assertThat(Importers.detect(Files.writeString(dir.resolve("track.xml"), "<?xml version=\"1.0\"?><gpx version=\"1.1\"/>")).format()).isEqualTo("gpx");
  }

  @Test
  void detect_unknownFileListsTheFormats() throws IOException {
    Path junk = Files.write(dir.resolve("photo.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 1, 2});
    assertThatThrownBy(() -> Importers.detect(junk))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("photo.jpg").hasMessageContaining("fitbit").hasMessageContaining("--format");
    assertThatThrownBy(() -> Importers.detect(dir.resolve("absent.gpx")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("no such file");
  }

  @Test
  void units_convertToCanonical() {
    assertThat(Units.toCanonical(dev.autonomy.core.signal.SignalKind.DISTANCE, 1, "mi")).isEqualTo(1609.344);
    assertThat(Units.toCanonical(dev.autonomy.core.signal.SignalKind.DISTANCE, 2.5, "km")).isEqualTo(2500);
    assertThat(Units.toCanonical(dev.autonomy.core.signal.SignalKind.ACTIVE_ENERGY, 4.184, "kJ")).isEqualTo(1.0);
    assertThat(Units.toCanonical(dev.autonomy.core.signal.SignalKind.ACTIVE_ENERGY, 300, "Cal")).isEqualTo(300);
    assertThat(Units.toCanonical(dev.autonomy.core.signal.SignalKind.BODY_MASS, 10, "lb")).isCloseTo(4.5359237, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(Units.toCanonical(dev.autonomy.core.signal.SignalKind.WORKOUT, 2, "hr")).isEqualTo(120);
    assertThat(Units.toCanonical(dev.autonomy.core.signal.SignalKind.DISTANCE, 1, "parsec")).isNaN();
    assertThat(Units.toCanonical(dev.autonomy.core.signal.SignalKind.TEMPERATURE, 212, "degF")).isEqualTo(100);
    assertThat(Units.toCanonical(dev.autonomy.core.signal.SignalKind.TEMPERATURE, 20, "°C")).isEqualTo(20);
    assertThat(Units.toCanonical(dev.autonomy.core.signal.SignalKind.PRECIPITATION, 2, "inch")).isEqualTo(50.8);
    assertThat(Units.toCanonical(dev.autonomy.core.signal.SignalKind.PRECIPITATION, 1, "cm")).isEqualTo(10);
    assertThat(Units.toCanonical(dev.autonomy.core.signal.SignalKind.TEMPERATURE, 300, "K")).isNaN();
  }
}
