package dev.autonomy.text.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.text.TextJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CLINC150 {@code data_full.json} (or {@code .json.gz}): an object whose {@code train}, {@code
 * val}, {@code test} and {@code oos_train}, {@code oos_val}, {@code oos_test} are lists of {@code
 * [text, intent]}. Each {@code oos_X} is folded into {@code X} with label {@link #OOS}.
 */
final class Clinc150Reader {
  /** The out-of-scope label. */
  static final String OOS = "oos";

  private static final ObjectMapper JSON = TextJson.mapper();
  private static final List<String> SPLITS = List.of("train", "val", "test");

  private Clinc150Reader() {}

  static Dataset read(Path file) {
    String content = FileText.utf8(file);
    if (content.isBlank()) {
      throw InvalidInputException.at(file.toString(), 0, null, "file is empty; expected the CLINC150 JSON object");
    }
    JsonNode root;
    try {
      root = JSON.readTree(content);
    } catch (JsonProcessingException e) {
      throw InvalidInputException.at(
          file.toString(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null,
          "not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !root.has("train")) {
      throw InvalidInputException.at(
          file.toString(), 1, null, "expected a JSON object with CLINC150 splits " + SPLITS + " (and oos_*)");
    }
    Map<String, List<Example>> splits = new LinkedHashMap<>();
    for (String split : SPLITS) {
      if (!root.has(split) && !root.has("oos_" + split)) {
        continue; // a copy may hold some splits back (our ../shared copy has no test)
      }
      List<Example> examples = new ArrayList<>();
      add(file, root, split, examples);
      add(file, root, "oos_" + split, examples);
      splits.put(split, examples);
    }
    return new Dataset(file.toString(), Format.CLINC150, splits);
  }

  private static void add(Path file, JsonNode root, String split, List<Example> into) {
    JsonNode list = root.get(split);
    if (list == null) {
      return;
    }
    if (!list.isArray()) {
      throw InvalidInputException.at(file.toString(), 0, split, "expected a list of [text, intent]");
    }
    int i = 0;
    for (JsonNode item : list) {
      i++;
      if (!item.isArray() || item.size() != 2 || !item.get(0).isTextual() || !item.get(1).isTextual()
          || item.get(0).asText().isBlank() || item.get(1).asText().isBlank()) {
        throw InvalidInputException.at(
            file.toString(), 0, split + "[" + (i - 1) + "]", "expected [text, intent], found " + item);
      }
      into.add(new Example(item.get(0).asText().strip(), item.get(1).asText().strip()));
    }
  }
}
