package dev.autonomy.text.data;

import dev.autonomy.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Financial PhraseBank: {@code sentence@label} per line, ISO-8859-1; the last '@' splits. */
final class PhraseBankReader {
  private PhraseBankReader() {}

  static Dataset read(Path file) {
    String content = FileText.read(file, StandardCharsets.ISO_8859_1);
    if (content.isBlank()) {
      throw InvalidInputException.at(file.toString(), 0, null, "file is empty; expected lines 'sentence@label'");
    }
    List<Example> examples = new ArrayList<>();
    String[] lines = content.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      int at = line.lastIndexOf('@');
      if (at < 0) {
        throw InvalidInputException.at(file.toString(), i + 1, null, "expected 'sentence@label', found no '@'");
      }
      String text = line.substring(0, at).strip();
      String label = line.substring(at + 1).strip();
      if (text.isEmpty()) {
        throw InvalidInputException.at(file.toString(), i + 1, "sentence", "empty sentence");
      }
      if (label.isEmpty() || label.contains(" ")) {
        throw InvalidInputException.at(file.toString(), i + 1, "label", "expected one word after '@', found '" + label + "'");
      }
      examples.add(new Example(text, label));
    }
    return new Dataset(file.toString(), Format.PHRASEBANK, Map.of(Dataset.ALL, examples));
  }
}
