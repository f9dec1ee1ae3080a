package dev.autonomy.text.data;

import dev.autonomy.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** The file formats {@code --format} accepts, each with its reader. */
public enum Format {
  /** {@code text,label} with a header row (RFC 4180 quoting), or the same tab-separated. */
  CSV,
  /** One JSON object per line: {@code {"text": ..., "label": ...}}. */
  JSONL,
  /** CLINC150 {@code data_full.json(.gz)}: {@code train/val/test/oos_*} lists of {@code [text, intent]}. */
  CLINC150,
  /** Financial PhraseBank: {@code sentence@label} per line, ISO-8859-1. */
  PHRASEBANK,
  /** CrossWOZ dialogues (.json or .json.zip): user turns labelled by their one domain. */
  CROSSWOZ;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Format fromCode(String code) {
    for (Format f : values()) {
      if (f.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
        return f;
      }
    }
    throw new InvalidInputException(
        "unknown format '" + code + "'; expected one of "
            + Arrays.stream(values()).map(Format::code).toList());
  }

  /** Reads a whole file; bad input is an {@link InvalidInputException} naming file and line. */
  public Dataset read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(file + ": no such file");
    }
    return switch (this) {
      case CSV -> CsvReader.read(file);
      case JSONL -> JsonlReader.read(file);
      case CLINC150 -> Clinc150Reader.read(file);
      case PHRASEBANK -> PhraseBankReader.read(file);
      case CROSSWOZ -> CrossWozReader.read(file);
    };
  }
}
