package dev.autonomy.ingest.write;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the generic events CSV ({@code time,kind,amount,unit,category,text}) with Commons CSV as
 * RFC 4180 has it: CRLF between records, fields holding a comma, quote or line break quoted, quotes
 * doubled.
 */
public final class EventsCsvWriter implements AutoCloseable {
  private static final String[] COLUMNS = {"time", "kind", "amount", "unit", "category", "text"};
  public static final String HEADER = String.join(",", COLUMNS);

  private final CSVPrinter out;

  public EventsCsvWriter(Writer out) {
    try {
      this.out = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS).get());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public EventsCsvWriter(Path file) throws IOException {
    this(new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8)));
  }

  /** One event; time is written with its offset, amount as given, text and category quoted as needed. */
  public EventsCsvWriter row(ZonedDateTime time, String kind, double amount, String unit, String category, String text) {
    if (!Double.isFinite(amount)) {
      throw new IllegalArgumentException("amount must be a finite number, was " + amount);
    }
    try {
      out.printRecord(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time), kind, AppleHealthExportWriter.number(amount), unit,
          category, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
