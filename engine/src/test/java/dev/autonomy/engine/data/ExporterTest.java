package dev.autonomy.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.engine.Autonomy;
import dev.autonomy.ingest.write.EventsCsvWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T17:00:00Z"), ZoneId.of("Europe/Paris"));

  @Test
  void export_signalTextWithACommaAQuoteOrALineBreak_parsesBackToTheSameFields(@TempDir Path home, @TempDir Path tmp)
      throws Exception {
    String text = "met \"Anna\", then\nwalked home";
    Path events = tmp.resolve("notes.csv");
    try (EventsCsvWriter w = new EventsCsvWriter(events)) {
      w.row(CLOCK.instant().minusSeconds(86_400).atZone(ZoneId.of("Europe/Paris")), "note", 0, "", "journal, evening", text);
      w.row(CLOCK.instant().minusSeconds(3_600).atZone(ZoneId.of("Europe/Paris")), "note", 0, "", "", "old\rMac line");
    }
    Path dir = tmp.resolve("export");
    try (Autonomy a = Autonomy.open(home, CLOCK, new SplittableRandom(1))) {
      a.importPath(events, "events", null);
      a.export(dir);
    }

    List<CSVRecord> rows;
    try (Reader in = Files.newBufferedReader(dir.resolve("signals.csv"));
        CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      assertThat(csv.getHeaderNames()).containsExactly(
          "kind", "start", "end", "zone", "value", "unit", "category", "text", "source", "format", "device", "modality");
      rows = csv.getRecords();
    }
    assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r.size()).isEqualTo(12));
    CSVRecord note = rows.stream().filter(r -> r.get("category").startsWith("journal")).findFirst().orElseThrow();
    assertThat(note.get("text")).isEqualTo(text);
    assertThat(note.get("category")).isEqualTo("journal, evening");
    assertThat(note.get("source")).isEqualTo("notes.csv");
    assertThat(rows).extracting(r -> r.get("text")).contains("old\rMac line");
    assertThat(Files.readString(dir.resolve("signals.csv"))).doesNotContain("\r\n");
  }
}
