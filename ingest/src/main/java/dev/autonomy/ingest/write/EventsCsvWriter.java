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

/**
 * Writes the generic events CSV ({@code time,kind,amount,unit,category,text}) with RFC 4180
 * quoting: fields holding a comma, quote or line break are quoted, quotes doubled.
 */
public final class EventsCsvWriter implements AutoCloseable {
  public static final String HEADER = "time,kind,amount,unit,category,text";

  private final Writer out;

  public EventsCsvWriter(Writer out) {
    this.out = out;
    line(HEADER);
  }

  public EventsCsvWriter(Path file) throws IOException {
    this(new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8)));
  }

  /** One event; time is written with its offset, amount as given, text and category quoted as needed. */
  public EventsCsvWriter row(ZonedDateTime time, String kind, double amount, String unit, String category, String text) {
    if (!Double.isFinite(amount)) {
      throw new IllegalArgumentException("amount must be a finite number, was " + amount);
    }
    line(String.join(",", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time), quote(kind),
        AppleHealthExportWriter.number(amount), quote(unit), quote(category), quote(text)));
    return this;
  }

  private void line(String text) {
    try {
      out.write(text);
      out.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The field as RFC 4180 wants it. */
  public static String quote(String field) {
    if (field == null) {
      return "";
    }
    boolean needs = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
    return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
