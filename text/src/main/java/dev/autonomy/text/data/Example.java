package dev.autonomy.text.data;

import dev.autonomy.core.Requires;

/** One labelled text. */
public record Example(String text, String label) {
  public Example {
    Requires.nonBlank(text, "example.text");
    Requires.nonBlank(label, "example.label");
  }
}
