package dev.autonomy.text.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.text.TextJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Dated headlines, one per line: {@code YYYY-MM-DD<TAB>text}, or JSON lines {@code {"date":
 * "YYYY-MM-DD", "text": ...}} (the two may be mixed). Blank lines and lines starting with '#' are
 * skipped.
 */
public final class HeadlineReader {
  private static final ObjectMapper JSON = TextJson.mapper();

  private HeadlineReader() {}

  public static List<Headline> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new InvalidInputException(file + ": not valid UTF-8 text");
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read: " + e.getMessage());
    }
    List<Headline> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String date;
      String text;
      if (line.startsWith("{")) {
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
          throw InvalidInputException.at(file.toString(), i + 1, null, "not JSON: " + e.getOriginalMessage());
        }
        date = node.path("date").asText("");
        text = node.path("text").asText("");
      } else {
        int tab = line.indexOf('\t');
        if (tab < 0) {
          throw InvalidInputException.at(file.toString(), i + 1, null, "expected 'YYYY-MM-DD<TAB>headline' or a JSON object");
        }
        date = line.substring(0, tab).strip();
        text = line.substring(tab + 1).strip();
      }
      LocalDate day;
      try {
        day = LocalDate.parse(date);
      } catch (DateTimeParseException e) {
        throw InvalidInputException.at(file.toString(), i + 1, "date", "expected YYYY-MM-DD, found '" + date + "'");
      }
      if (text.isBlank()) {
        throw InvalidInputException.at(file.toString(), i + 1, "text", "empty headline");
      }
      out.add(new Headline(day, text));
    }
    if (out.isEmpty()) {
      throw InvalidInputException.at(file.toString(), 0, null, "no headlines; expected lines 'YYYY-MM-DD<TAB>headline'");
    }
    return out;
  }
}
