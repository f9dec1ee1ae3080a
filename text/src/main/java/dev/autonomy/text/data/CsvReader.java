package dev.autonomy.text.data;

import dev.autonomy.core.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code text,label} with a header row naming both columns (any order, other columns ignored).
 * Commas separate fields unless the header has a tab, then tabs do. Read with Commons CSV as RFC 4180
 * has it: fields may be quoted with {@code "} (doubled inside); a quoted field may span lines; blank
 * lines are skipped.
 */
final class CsvReader {
  private static final CSVFormat COMMAS = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
  private static final CSVFormat TABS = COMMAS.builder().setDelimiter('\t').get();

  private CsvReader() {}

  static Dataset read(Path file) {
    String content = FileText.utf8(file);
    if (content.isBlank()) {
      throw InvalidInputException.at(file.toString(), 0, null, "file is empty; expected a header 'text,label' and rows");
    }
    int firstBreak = content.indexOf('\n');
    String header = firstBreak < 0 ? content : content.substring(0, firstBreak);
    char sep = header.indexOf('\t') >= 0 ? '\t' : ',';
    List<Row> rows = parse(file, content, sep == '\t' ? TABS : COMMAS);
    List<String> head = rows.get(0).fields;
    int text = -1;
    int label = -1;
    for (int i = 0; i < head.size(); i++) {
      String h = head.get(i).trim().toLowerCase(Locale.ROOT);
      if (h.equals("text")) {
        text = i;
      } else if (h.equals("label")) {
        label = i;
      }
    }
    if (text < 0 || label < 0) {
      throw InvalidInputException.at(
          file.toString(), rows.get(0).line, null, "header " + head + " must name the columns 'text' and 'label'");
    }
    List<Example> examples = new ArrayList<>();
    for (Row row : rows.subList(1, rows.size())) {
      if (row.fields.size() == 1 && row.fields.get(0).isBlank()) {
        continue;
      }
      if (row.fields.size() <= Math.max(text, label)) {
        throw InvalidInputException.at(
            file.toString(), row.line, null,
            "expected " + head.size() + " fields separated by '" + (sep == '\t' ? "\\t" : ",")
                + "', found " + row.fields.size());
      }
      String t = row.fields.get(text).strip();
      String l = row.fields.get(label).strip();
      if (t.isEmpty()) {
        throw InvalidInputException.at(file.toString(), row.line, "text", "empty text");
      }
      if (l.isEmpty()) {
        throw InvalidInputException.at(file.toString(), row.line, "label", "empty label");
      }
      examples.add(new Example(t, l));
    }
    return new Dataset(file.toString(), Format.CSV, Map.of(Dataset.ALL, examples));
  }

  private record Row(long line, List<String> fields) {}

  /** Every record with the line it starts on. */
  private static List<Row> parse(Path file, String content, CSVFormat format) {
    List<Row> rows = new ArrayList<>();
    long end = 0;
    try (CSVParser parser = format.parse(new StringReader(content))) {
      for (CSVRecord record : parser) {
        end = parser.getCurrentLineNumber();
        rows.add(new Row(startLine(end, record), record.toList()));
      }
    } catch (IOException | UncheckedIOException e) {
      // Read from a string, so any IOException is Commons CSV's CSVException: the text is not valid CSV.
      Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
      throw InvalidInputException.at(file.toString(), end + 1, null, "not valid CSV: " + cause.getMessage());
    }
    if (rows.isEmpty()) {
      throw InvalidInputException.at(file.toString(), 0, null, "file is empty; expected a header 'text,label' and rows");
    }
    return rows;
  }

  /** The line a record started on, given its last: the line breaks inside its quoted fields are the lines between. */
  private static long startLine(long lastLine, CSVRecord record) {
    long breaks = 0;
    for (String value : record) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '\r' || (c == '\n' && (i == 0 || value.charAt(i - 1) != '\r'))) {
          breaks++;
        }
      }
    }
    return lastLine - breaks;
  }
}
