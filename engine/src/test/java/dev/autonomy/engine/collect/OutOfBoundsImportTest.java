package dev.autonomy.engine.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.signal.ImportReport;
import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Provenance;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.state.PersonStates;
import dev.autonomy.vault.ImportResult;
import dev.autonomy.vault.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault class "one bad date breaks the vault": a record dated 9999 (or 0001, or negative steps)
 * refuses the whole import with the file, record and field, and nothing is written; with set-aside
 * the rest is imported and the report names what was left out; and a record that reached the vault
 * before imports checked cannot stretch the engine's days.
 */
class OutOfBoundsImportTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneId.of("Europe/Paris"));

  private static Path events(Path dir, String badRow) throws Exception {
    Path csv = dir.resolve("spending.csv");
    Files.writeString(csv, String.join("\n",
        "time,kind,amount,unit,category,text",
        "2026-11-20T08:30:00+01:00,purchase,3.5,EUR,coffee,Coffee",
        badRow,
        "2026-11-21T08:30:00+01:00,purchase,3.5,EUR,coffee,Coffee",
        ""));
    return csv;
  }

  @Test
  void aRecordDated9999RefusesTheImportNamingFileRecordAndField(@TempDir Path dir) throws Exception {
    Path csv = events(dir, "9999-01-01T08:30:00+01:00,purchase,4.0,EUR,coffee,Far future");
    try (Vault vault = Vault.open(dir.resolve("vault"), CLOCK)) {
      Collector collector = new Collector(vault, CLOCK);
      assertThatThrownBy(() -> collector.importPath(csv, null, null, n -> { }, false))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("spending.csv: record 2 (purchase): field 'start': 9999-01-01")
          .hasMessageContaining("nothing was imported").hasMessageContaining("--set-aside");
      assertThat(vault.signals().count()).isZero();

      ImportResult kept = collector.importPath(csv, null, null, n -> { }, true);
      assertThat(kept.added()).isEqualTo(2);
      assertThat(kept.report().skipped()).containsEntry("set aside: outside the bounds of a record", 1L);
      assertThat(kept.report().warnings()).singleElement().asString().startsWith("set aside: ").contains("record 2");
    }
  }

  @Test
  void year0001AndNegativeStepsAreRefusedToo(@TempDir Path dir) throws Exception {
    Path old = events(dir, "0001-01-01T08:30:00+01:00,purchase,4.0,EUR,coffee,Long ago");
    try (Vault vault = Vault.open(dir.resolve("vault"), CLOCK)) {
      assertThatThrownBy(() -> new Collector(vault, CLOCK).importPath(old, null, null, n -> { }, false))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("field 'start'").hasMessageContaining("before 1990-01-01");
    }
    Instant t = Instant.parse("2026-11-20T10:00:00Z");
    Provenance p = new Provenance("x.csv", "test", "Watch", Modality.SENSED);
    assertThat(dev.autonomy.core.signal.SignalBounds.problem(
        new Signal(SignalKind.STEPS, t, t.plusSeconds(60), ZoneOffset.UTC, -5, "count", "", "", p), CLOCK.instant()))
        .hasValueSatisfying(m -> assertThat(m).contains("field 'value'").contains("cannot be negative"));
    assertThat(dev.autonomy.core.signal.SignalBounds.problem(
        new Signal(SignalKind.TRANSACTION, t, t, ZoneOffset.UTC, -950, "EUR", "", "", p), CLOCK.instant())).isEmpty();
  }

  @Test
  void aRecordThatReachedTheVaultBeforeImportsCheckedDoesNotStretchTheDays(@TempDir Path dir) {
    Provenance p = new Provenance("old.csv", "test", "Watch", Modality.SENSED);
    Instant normal = Instant.parse("2026-11-20T10:00:00Z");
    Instant far = Instant.parse("9999-06-01T10:00:00Z");
    try (Vault vault = Vault.open(dir.resolve("vault"), CLOCK)) {
      // written straight through the vault, as an older Autonomy would have
      vault.signals().importSource("old.csv", "test", sink -> {
        for (int d = 0; d < 5; d++) {
          Instant t = normal.plus(d, ChronoUnit.DAYS);
          sink.accept(new Signal(SignalKind.STEPS, t, t.plusSeconds(3600), ZoneOffset.UTC, 5000, "count", "", "", p));
        }
        sink.accept(new Signal(SignalKind.STEPS, far, far.plusSeconds(3600), ZoneOffset.UTC, 5000, "count", "", "", p));
        return new ImportReport("test", 6, Map.of(), List.of());
      });
      PersonStates states = new PersonStates(vault, CLOCK, () -> { throw new AssertionError("no notes here"); });
      var steps = states.cleaned().table().series(SignalKind.STEPS);
      assertThat(steps.lastKey()).isBefore(java.time.LocalDate.of(2027, 1, 1));
      assertThat(steps).hasSizeLessThan(10);
      assertThat(states.quality().toText()).contains("dated outside 1990..2100");
    }
  }
}
