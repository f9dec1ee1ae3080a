package dev.autonomy.text.health;

import dev.autonomy.core.Requires;
import dev.autonomy.text.data.Example;
import dev.autonomy.text.encode.Language;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A generated diary note and the label the generator's rule gives it.
 *
 * @param score the rule's score (positive: healthy, negative: unhealthy; never 0)
 */
public record HealthNote(String text, String label, Language language, int score) {
  public HealthNote {
    Requires.nonBlank(text, "note.text");
    Requires.nonNull(language, "note.language");
    if (score == 0 || !label.equals(score > 0 ? HealthLabel.HEALTHY : HealthLabel.UNHEALTHY)) {
      throw new IllegalArgumentException("note.label must follow the sign of note.score, were " + label + " and " + score);
    }
  }

  /** The note as a labelled example for training and evaluation. */
  public Example example() {
    return new Example(text, label);
  }

  /** The notes as CSV with the header {@code text,label} (RFC 4180 quoting), as {@code --format csv} reads. */
  public static String csv(List<HealthNote> notes) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      printer.printRecord("text", "label");
      for (HealthNote n : notes) {
        printer.printRecord(n.text(), n.label());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not throw
    }
    return out.toString();
  }
}
