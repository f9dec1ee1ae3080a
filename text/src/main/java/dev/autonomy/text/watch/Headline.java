package dev.autonomy.text.watch;

import dev.autonomy.core.Requires;
import java.time.LocalDate;

/** One dated headline. */
public record Headline(LocalDate date, String text) {
  public Headline {
    Requires.nonNull(date, "date");
    Requires.nonBlank(text, "text");
  }
}
