package dev.autonomy.core.recommend;

import dev.autonomy.core.Requires;
import java.time.LocalDate;

/**
 * The data a recommendation rests on, traceable to source records.
 *
 * @param kind the signal kind ("steps") or "feedback"
 * @param source the imported file
 * @param device the app or device
 * @param records how many records were used
 * @param from first local date used
 * @param to last local date used
 */
public record Evidence(String kind, String source, String device, long records, LocalDate from, LocalDate to) {
  public Evidence {
    Requires.nonBlank(kind, "kind");
    Requires.nonBlank(source, "source");
    device = device == null ? "" : device;
    Requires.nonNull(from, "from");
    Requires.nonNull(to, "to");
  }
}
