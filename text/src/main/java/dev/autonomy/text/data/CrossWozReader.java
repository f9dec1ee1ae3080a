package dev.autonomy.text.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.text.TextJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * CrossWOZ dialogues ({@code val.json} or {@code val.json.zip}): every user turn whose dialogue
 * acts name exactly one of the domains 景点, 餐馆, 酒店, 地铁, 出租 becomes an example labelled by that
 * domain. Turns with no domain (greetings, thanks) or with two are left out.
 */
final class CrossWozReader {
  static final Set<String> DOMAINS = Set.of("景点", "餐馆", "酒店", "地铁", "出租");
  private static final ObjectMapper JSON = TextJson.mapper();

  private CrossWozReader() {}

  static Dataset read(Path file) {
    byte[] bytes = bytes(file);
    String content = FileText.decode(file, bytes, StandardCharsets.UTF_8);
    if (content.isBlank()) {
      throw InvalidInputException.at(file.toString(), 0, null, "file is empty; expected CrossWOZ dialogues");
    }
    JsonNode root;
    try {
      root = JSON.readTree(content);
    } catch (JsonProcessingException e) {
      throw InvalidInputException.at(file.toString(), 0, null, "not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw InvalidInputException.at(file.toString(), 1, null, "expected an object of dialogues by id");
    }
    List<Example> examples = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> dialogues = root.fields();
    while (dialogues.hasNext()) {
      Map.Entry<String, JsonNode> dialogue = dialogues.next();
      JsonNode messages = dialogue.getValue().get("messages");
      if (messages == null || !messages.isArray()) {
        throw InvalidInputException.at(file.toString(), 0, dialogue.getKey() + ".messages", "missing; not CrossWOZ");
      }
      for (JsonNode turn : messages) {
        if (!"usr".equals(turn.path("role").asText()) || turn.path("content").asText().isBlank()) {
          continue;
        }
        Set<String> domains = new TreeSet<>();
        for (JsonNode act : turn.path("dialog_act")) {
          String domain = act.path(1).asText();
          if (DOMAINS.contains(domain)) {
            domains.add(domain);
          }
        }
        if (domains.size() == 1) {
          examples.add(new Example(turn.get("content").asText().strip(), domains.iterator().next()));
        }
      }
    }
    return new Dataset(file.toString(), Format.CROSSWOZ, Map.of(Dataset.ALL, examples));
  }

  private static byte[] bytes(Path file) {
    try {
      if (!file.getFileName().toString().endsWith(".zip")) {
        try (InputStream in = FileText.open(file)) {
          return in.readAllBytes();
        }
      }
      try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
          if (!e.isDirectory() && e.getName().endsWith(".json")) {
            return zip.readAllBytes();
          }
        }
      }
      throw InvalidInputException.at(file.toString(), 0, null, "zip holds no .json file");
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }
}
