package dev.autonomy.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.NotFoundException;
import dev.autonomy.core.signal.ImportReport;
import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Provenance;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, fault 4: a source is its content and origin; a signal goes when every source that brought it is forgotten. */
class SourceIdentityTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-10T08:00:00Z"), ZoneOffset.UTC);

  @TempDir Path home;

  private static Signal steps(int day, double value) {
    Instant start = Instant.parse("2026-01-01T10:00:00Z").plusSeconds(86_400L * day);
    return new Signal(SignalKind.STEPS, start, start.plusSeconds(3600), ZoneId.of("Europe/Paris"), value, "count",
        "", "", new Provenance("export.zip", "apple-health", "Watch", Modality.SENSED));
  }

  private static ImportResult days(Vault vault, SourceOrigin origin, int from, int to) {
    return vault.signals().importSource(origin, "apple-health", sink -> {
      for (int d = from; d < to; d++) {
        sink.accept(steps(d, 1000 + d));
      }
      return new ImportReport("apple-health", to - from, Map.of(), List.of());
    });
  }

  @Test
  void twoExportsOfOneName_areTwoSources_eachForgottenAlone() {
    SourceOrigin march = new SourceOrigin("export.zip", "/home/p/march/export.zip", "aa");
    SourceOrigin june = new SourceOrigin("export.zip", "/home/p/june/export.zip", "bb");
    try (Vault vault = Vault.open(home, CLOCK)) {
      ImportResult first = days(vault, march, 0, 5);
      ImportResult second = days(vault, june, 3, 8);
      assertThat(first.sourceId()).isNotEqualTo(second.sourceId()).hasSize(8);
      assertThat(second.added()).isEqualTo(3);
      assertThat(second.duplicates()).isEqualTo(2);
      assertThat(vault.signals().sources()).extracting(SourceInfo::signals).containsExactly(5L, 5L);

      assertThatThrownBy(() -> vault.signals().resolve("export.zip", Optional.empty()))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("names 2 sources").hasMessageContaining(first.sourceId())
          .hasMessageContaining("/home/p/june/export.zip");

      SignalStore.Forgotten gone = vault.signals().forget(vault.signals().resolve(first.sourceId(), Optional.empty()));
      // Days 3 and 4 came in both files: they stay with June's.
      assertThat(gone.removed()).isEqualTo(3);
      assertThat(gone.kept()).isEqualTo(2);
      assertThat(vault.signals().list(Set.of(SignalKind.STEPS))).hasSize(5)
          .allSatisfy(s -> assertThat(s.start()).isAfterOrEqualTo(Instant.parse("2026-01-04T10:00:00Z")));
      assertThat(vault.signals().resolve("/home/p/june/export.zip", Optional.empty())).extracting(SourceInfo::id)
          .containsExactly(second.sourceId());
      // Now the name is unambiguous again.
      assertThat(vault.signals().forgetSource("export.zip")).isEqualTo(5);
      assertThat(vault.signals().count()).isZero();
      assertThatThrownBy(() -> vault.signals().resolve("export.zip", Optional.empty()))
          .isInstanceOf(NotFoundException.class).hasMessageContaining("no source named 'export.zip'");
    }
  }

  @Test
  void theSameFileAgain_isTheSameSource_andAddsNothing() {
    SourceOrigin origin = new SourceOrigin("export.zip", "/home/p/export.zip", "aa");
    try (Vault vault = Vault.open(home, CLOCK)) {
      ImportResult first = days(vault, origin, 0, 5);
      ImportResult again = days(vault, origin, 0, 5);
      assertThat(again.sourceId()).isEqualTo(first.sourceId());
      assertThat(again.added()).isZero();
      assertThat(vault.signals().sources()).singleElement().satisfies(s -> {
        assertThat(s.signals()).isEqualTo(5);
        assertThat(s.origin()).isEqualTo("/home/p/export.zip");
        assertThat(s.contentHash()).isEqualTo("aa");
      });
    }
  }

  @Test
  void aVaultFromBeforeVersion7_keepsItsSources_andTheirSignalsBecomeLinks() throws Exception {
    Path db = home.resolve(Vault.DATABASE_FILE);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
      for (int step = 0; step < 6; step++) {
        for (String sql : Migrations.STEPS.get(step).split(";")) {
          if (!sql.isBlank()) {
            st.execute(sql);
          }
        }
      }
      st.execute("PRAGMA user_version = 6");
      st.execute("INSERT INTO sources(id, name, format, first_imported, last_imported) VALUES"
          + " (1, 'export.zip', 'apple-health', '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z'),"
          + " (2, 'spending.csv', 'events', '2026-01-03T00:00:00Z', '2026-01-03T00:00:00Z')");
      st.execute("INSERT INTO signals(source_id, kind, start_ms, end_ms, zone, value, unit, category, text, device,"
          + " modality, nkey) VALUES (1, 'steps', 0, 1, 'UTC', 5, 'count', '', '', 'Watch', 'SENSED', x'01'),"
          + " (1, 'steps', 2, 3, 'UTC', 6, 'count', '', '', 'Watch', 'SENSED', x'02'),"
          + " (2, 'purchase', 2, 3, 'UTC', 6, 'EUR', 'food', 'Lunch', '', 'SELF_REPORTED', x'03')");
      st.execute("INSERT INTO imports(source_id, at, read, added, report) VALUES (1, '2026-01-02T00:00:00Z', 2, 2, '')");
    }
    try (Vault vault = Vault.open(home, CLOCK)) {
      assertThat(vault.signals().sources()).extracting(SourceInfo::id, SourceInfo::name, SourceInfo::origin,
          SourceInfo::signals).containsExactly(
              org.assertj.core.groups.Tuple.tuple("00000001", "export.zip", "export.zip", 2L),
              org.assertj.core.groups.Tuple.tuple("00000002", "spending.csv", "spending.csv", 1L));
      // Imported again from a path, the old source learns where it came from instead of becoming a second one.
      ImportResult again = days(vault, new SourceOrigin("export.zip", "/home/p/export.zip", "aa"), 0, 2);
      assertThat(again.sourceId()).isEqualTo("00000001");
      assertThat(vault.signals().sources()).hasSize(2);
      assertThat(vault.signals().forgetSource("00000002")).isEqualTo(1);
      assertThat(vault.signals().forgetSource("/home/p/export.zip")).isEqualTo(4);
      assertThat(vault.signals().count()).isZero();
    }
  }
}
