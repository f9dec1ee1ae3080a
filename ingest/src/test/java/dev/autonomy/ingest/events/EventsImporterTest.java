package dev.autonomy.ingest.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.ingest.Samples;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsImporterTest {
  private final EventsImporter importer = new EventsImporter();

  @TempDir Path dir;

  private Path write(String name, String body) throws IOException {
    return Files.writeString(dir.resolve(name), body);
  }

  @Test
  void import_csv_columnsInAnyOrderWithQuotedFields() throws IOException {
    Path csv = write("spending.csv", """
        kind,time,amount,unit,text,category
        purchase,2024-03-01T12:30:00+01:00,12.5,eur,\"Lunch, with \"\"Anna\"\"\",food
        trip,2024-03-02T08:00,3,mi,,commute
        note,2024-03-03,,,"two
        lines",
        transaction,2024-03-04T09:00:00Z,-250,USD,rent,housing
        """);
    List<Signal> signals = Samples.read(importer, csv, Samples.options("spending.csv")).signals();
    assertThat(signals).extracting(Signal::kind)
        .containsExactly(SignalKind.PURCHASE, SignalKind.TRIP, SignalKind.NOTE, SignalKind.TRANSACTION);
    Signal lunch = signals.get(0);
    assertThat(lunch.text()).isEqualTo("Lunch, with \"Anna\"");
    assertThat(lunch.unit()).isEqualTo("EUR");
    assertThat(lunch.value()).isEqualTo(12.5);
    assertThat(lunch.category()).isEqualTo("food");
    assertThat(lunch.zone()).isEqualTo(ZoneOffset.ofHours(1));
    assertThat(lunch.start()).isEqualTo(Instant.parse("2024-03-01T11:30:00Z"));
    assertThat(lunch.provenance().modality()).isEqualTo(Modality.SELF_REPORTED);
    Signal trip = signals.get(1);
    assertThat(trip.value()).isCloseTo(4828.032, within(1e-9));
    assertThat(trip.unit()).isEqualTo("m");
    assertThat(trip.zone()).isEqualTo(ZoneId.of("Europe/Zurich"));
    assertThat(signals.get(2).text()).isEqualTo("two\nlines");
    assertThat(signals.get(2).value()).isZero();
    assertThat(signals.get(3).value()).isEqualTo(-250);
  }

  @Test
  void import_jsonLines() throws IOException {
    Path jsonl = write("events.jsonl", """
        {"time": "2024-03-01T12:30:00+08:00", "kind": "purchase", "amount": 35, "unit": "CNY", "category": "food", "text": "noodles"}

        {"kind": "trip", "time": "2024-03-01T18:00:00+08:00", "amount": "12.5", "unit": "km", "extra": true}
        {"time": "2024-03-02T09:00:00+08:00", "kind": "note", "text": "felt great"}
        """);
    List<Signal> signals = Samples.read(importer, jsonl, Samples.options("events.jsonl")).signals();
    assertThat(signals).hasSize(3);
    assertThat(signals.get(0).unit()).isEqualTo("CNY");
    assertThat(signals.get(0).zone()).isEqualTo(ZoneOffset.ofHours(8));
    assertThat(signals.get(1).value()).isEqualTo(12_500);
    assertThat(signals.get(2).text()).isEqualTo("felt great");
  }

  @Test
  void import_rejectsMissingColumnAndBadValues() throws IOException {
    Path missing = write("a.csv", "time,kind,unit\n2024-01-01T00:00Z,purchase,EUR\n");
    assertThatThrownBy(() -> Samples.read(importer, missing, Samples.options("a")))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("a.csv:1: field 'amount'");
    Path kind = write("b.csv", "time,kind,amount,unit\n2024-01-01T00:00Z,purchase,1,EUR\n2024-01-01T00:00Z,gift,1,EUR\n");
    assertThatThrownBy(() -> Samples.read(importer, kind, Samples.options("b")))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("b.csv:3: field 'kind'").hasMessageContaining("purchase, transaction, trip or note");
    Path currency = write("c.csv", "time,kind,amount,unit\n2024-01-01T00:00Z,purchase,1,euros\n");
    assertThatThrownBy(() -> Samples.read(importer, currency, Samples.options("c")))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("c.csv:2: field 'unit'");
    Path time = write("d.jsonl", "{\"time\": \"yesterday\", \"kind\": \"note\"}\n");
    assertThatThrownBy(() -> Samples.read(importer, time, Samples.options("d")))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("d.jsonl:1: field 'time'");
    Path json = write("e.jsonl", "{\"time\": \"2024-01-01T00:00Z\", \"kind\": \"note\"}\n{\"time\": \n");
    assertThatThrownBy(() -> Samples.read(importer, json, Samples.options("e")))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("e.jsonl:2").hasMessageContaining("JSON");
    Path empty = write("f.csv", "");
    assertThatThrownBy(() -> Samples.read(importer, empty, Samples.options("f")))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("f.csv:1");
    Path unclosed = write("g.csv", "time,kind,amount,unit,text\n2024-01-01T00:00Z,note,,,\"never closed\n");
    assertThatThrownBy(() -> Samples.read(importer, unclosed, Samples.options("g")))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("g.csv:2");
  }

  @Test
  void import_rejectsALineOverOneMebibyte() throws IOException {
    Path huge = dir.resolve("huge.jsonl");
    try (Writer out = Files.newBufferedWriter(huge)) {
      out.write("{\"time\": \"2024-01-01T00:00Z\", \"kind\": \"note\", \"text\": \"ok\"}\n{\"time\": \"2024-01-01T00:00Z\", \"kind\": \"note\", \"text\": \"");
      for (int i = 0; i < (1 << 20) / 64 + 10; i++) {
        out.write("x".repeat(64));
      }
      out.write("\"}\n");
    }
    assertThatThrownBy(() -> Samples.read(importer, huge, Samples.options("h")))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("huge.jsonl:2").hasMessageContaining("longer than");
    Path hugeCsv = dir.resolve("huge.csv");
    Files.writeString(hugeCsv, "time,kind,amount\n" + "9".repeat((1 << 20) + 5) + "\n");
    assertThatThrownBy(() -> Samples.read(importer, hugeCsv, Samples.options("h")))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("huge.csv:2");
  }
}
