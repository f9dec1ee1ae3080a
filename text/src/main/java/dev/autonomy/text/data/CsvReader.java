package dev.autonomy.text.data;

import dev.autonomy.core.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code text,label} with a header row naming both columns (any order, other columns ignored).
 * Commas separate fields unless the header has a tab, then tabs do. Fields may be quoted with
 * {@code "} (doubled inside); a quoted field may span lines.
 */
final class CsvReader {
  private CsvReader() {}

  static Dataset read(Path file) {
    String content = FileText.utf8(file);
    if (content.isBlank()) {
      throw InvalidInputException.at(file.toString(), 0, null, "file is empty; expected a header 'text,label' and rows");
    }
    int firstBreak = content.indexOf('\n');
    String header = firstBreak < 0 ? content : content.substring(0, firstBreak);
    char sep = header.indexOf('\t') >= 0 ? '\t' : ',';
    List<Row> rows = parse(file, content, sep);
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
          file.toString(), 1, null, "header " + head + " must name the columns 'text' and 'label'");
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

  private static List<Row> parse(Path file, String s, char sep) {
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    long line = 1;
    long rowLine = 1;
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == sep) {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        rows.add(new Row(rowLine, fields));
        fields = new ArrayList<>();
        field.setLength(0);
        wasQuoted = false;
        line++;
        rowLine = line;
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw InvalidInputException.at(file.toString(), rowLine, null, "quoted field is never closed");
    }
    if (field.length() > 0 || !fields.isEmpty()) {
      fields.add(field.toString());
      rows.add(new Row(rowLine, fields));
    }
    return rows;
  }
}
