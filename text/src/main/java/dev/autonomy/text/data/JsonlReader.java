package dev.autonomy.text.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.text.TextJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One JSON object per line with string fields {@code text} and {@code label}; blank lines skipped. */
final class JsonlReader {
  private static final ObjectMapper JSON = TextJson.mapper();

  private JsonlReader() {}

  static Dataset read(Path file) {
    String content = FileText.utf8(file);
    if (content.isBlank()) {
      throw InvalidInputException.at(file.toString(), 0, null, "file is empty; expected lines {\"text\": ..., \"label\": ...}");
    }
    List<Example> examples = new ArrayList<>();
    String[] lines = content.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        throw InvalidInputException.at(
            file.toString(), i + 1, null, "not JSON: " + e.getOriginalMessage());
      }
      if (node == null || !node.isObject()) {
        throw InvalidInputException.at(file.toString(), i + 1, null, "expected a JSON object {\"text\", \"label\"}");
      }
      examples.add(new Example(field(file, i + 1, node, "text"), field(file, i + 1, node, "label")));
    }
    return new Dataset(file.toString(), Format.JSONL, Map.of(Dataset.ALL, examples));
  }

  private static String field(Path file, int line, JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw InvalidInputException.at(file.toString(), line, name, "missing");
    }
    if (!v.isValueNode() || v.asText().isBlank()) {
      throw InvalidInputException.at(file.toString(), line, name, "expected a non-empty string, found " + v);
    }
    return v.asText().strip();
  }
}
