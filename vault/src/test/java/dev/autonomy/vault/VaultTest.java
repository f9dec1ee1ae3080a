package dev.autonomy.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.signal.ImportReport;
import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Provenance;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-10T08:00:00Z"), ZoneOffset.UTC);

  @TempDir Path home;

  private static Signal steps(int day, double value, String source) {
    Instant start = Instant.parse("2026-01-01T10:00:00Z").plusSeconds(86_400L * day);
    return new Signal(SignalKind.STEPS, start, start.plusSeconds(3600), ZoneId.of("Europe/Paris"), value, "count",
        "", "", new Provenance(source, "test", "Watch", Modality.SENSED));
  }

  private static ImportReport report(long n) {
    return new ImportReport("test", n, Map.of(), List.of());
  }

  @Test
  void import_commitsAllSignalsAndReimportAddsNothing() {
    try (Vault vault = Vault.open(home, CLOCK)) {
      ImportResult first = vault.signals().importSource("a.csv", "test", sink -> {
        for (int d = 0; d < 10; d++) {
          sink.accept(steps(d, 1000 + d, "a.csv"));
        }
        return report(10);
      });
      ImportResult again = vault.signals().importSource("a.csv", "test", sink -> {
        for (int d = 0; d < 10; d++) {
          sink.accept(steps(d, 1000 + d, "a.csv"));
        }
        return report(10);
      });
      assertThat(first.added()).isEqualTo(10);
      assertThat(again.added()).isZero();
      assertThat(again.duplicates()).isEqualTo(10);
      assertThat(vault.signals().count()).isEqualTo(10);
      List<Signal> back = vault.signals().list(Set.of(SignalKind.STEPS));
      assertThat(back).hasSize(10);
      assertThat(back.get(3)).isEqualTo(steps(3, 1003, "a.csv"));
    }
  }

  @Test
  void import_failurePartWayLeavesVaultAsItWas() {
    try (Vault vault = Vault.open(home, CLOCK)) {
      vault.signals().importSource("good.csv", "test", sink -> {
        sink.accept(steps(0, 5, "good.csv"));
        return report(1);
      });
      String before = vault.signals().fingerprint();
      assertThatThrownBy(() -> vault.signals().importSource("bad.csv", "test", sink -> {
        for (int d = 1; d < 5000; d++) {
          sink.accept(steps(d, d, "bad.csv"));
        }
        throw InvalidInputException.at("bad.csv", 5001, "amount", "not a number: 'x'");
      })).isInstanceOf(InvalidInputException.class).hasMessageContaining("bad.csv:5001");
      assertThat(vault.signals().fingerprint()).isEqualTo(before);
      assertThat(vault.signals().sources()).extracting(SourceInfo::name).containsExactly("good.csv");
    }
  }

  @Test
  void forgetSource_removesRowsAndLeavesNoTraceInTheFile() throws Exception {
    String marker = "ZZsecret-note-marker";
    try (Vault vault = Vault.open(home, CLOCK)) {
      vault.signals().importSource("notes.jsonl", "events", sink -> {
        Instant t = Instant.parse("2026-01-02T12:00:00Z");
        sink.accept(new Signal(SignalKind.NOTE, t, t, ZoneOffset.UTC, 0, "none", "", marker,
            new Provenance("notes.jsonl", "events", "", Modality.SELF_REPORTED)));
        return report(1);
      });
      vault.signals().importSource("keep.csv", "test", sink -> {
        sink.accept(steps(0, 5, "keep.csv"));
        return report(1);
      });
      assertThat(vault.signals().forgetSource("notes.jsonl")).isEqualTo(1);
      assertThatThrownBy(() -> vault.signals().forgetSource("nope")).hasMessageContaining("keep.csv");
    }
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve(Vault.DATABASE_FILE));
        var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM signals WHERE text LIKE '%secret%'")) {
      assertThat(rs.getLong(1)).isZero();
    }
    for (Path file : Files.list(home).toList()) {
      String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      assertThat(bytes).as(file.toString()).doesNotContain(marker);
    }
  }

  @Test
  void open_runsMigrationsOnceAndReopens() {
    try (Vault vault = Vault.open(home, CLOCK)) {
      vault.rules().add("never swim");
    }
    try (Vault vault = Vault.open(home, CLOCK)) {
      assertThat(vault.rules().list()).extracting(r -> r.text()).containsExactly("never swim");
      assertThat(vault.schemaVersion()).isEqualTo(14);
    }
  }

  @Test
  void generation_movesWithEveryWriteToItsArea_seenFromAnotherConnection() {
    try (Vault writer = Vault.open(home, CLOCK); Vault reader = Vault.open(home, CLOCK)) {
      long rules = reader.generation(Vault.RULES);
      long signals = reader.generation(Vault.SIGNALS);
      long goals = reader.generation(Documents.area("goals"));

      writer.rules().add("never swim");
      assertThat(reader.generation(Vault.RULES)).isEqualTo(rules + 1);
      writer.documents().put("goals", "{}");
      assertThat(reader.generation(Documents.area("goals"))).isEqualTo(goals + 1);
      assertThat(reader.generation(Vault.SIGNALS)).isEqualTo(signals);

      // An import that fails moves nothing: the counter is in the same transaction.
      assertThatThrownBy(() -> writer.signals().importSource("bad.csv", "test", sink -> {
        throw new java.io.IOException("line 2: broken");
      }));
      assertThat(reader.generation(Vault.SIGNALS)).isEqualTo(signals);
    }
  }

  @Test
  void rules_removeUnknownIdSaysWhichExist() {
    try (Vault vault = Vault.open(home, CLOCK)) {
      vault.rules().add("never swim");
      vault.rules().add("max 45 minutes on weekdays");
      vault.rules().remove("r1");
      assertThat(vault.rules().list()).extracting(r -> r.id()).containsExactly("r2");
      assertThatThrownBy(() -> vault.rules().remove("r9")).hasMessageContaining("r2 (max 45 minutes on weekdays)");
    }
  }
}
