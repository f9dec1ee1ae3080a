package dev.autonomy.text.health;

import dev.autonomy.text.classify.BilingualClassifier;
import dev.autonomy.text.classify.TextModel;
import dev.autonomy.text.encode.Encoders;
import dev.autonomy.text.encode.Language;
import java.util.Locale;

/**
 * Labels a free-text note healthy or unhealthy, in English or Chinese, with a probability. A
 * logistic head on the transformer encoder, trained at first use from the built-in set {@code
 * health/notes.tsv} (25 notes per label per language, written for Autonomy).
 */
public final class HealthNoteClassifier {
  private final BilingualClassifier classifier;

  /** A classifier over the built-in notes; the encoders pool is the caller's to close. */
  public HealthNoteClassifier(Encoders encoders) {
    this.classifier = BilingualClassifier.fromResource(encoders, HealthNoteClassifier.class, "notes.tsv");
  }

  public HealthLabel classify(String text) {
    BilingualClassifier.Result r = classifier.classify(text);
    return new HealthLabel(
        r.prediction().label(), r.prediction().probability(), r.language().name().toLowerCase(Locale.ROOT));
  }

  /** The trained head of one language, with its provenance. */
  public TextModel model(Language language) {
    return classifier.model(language);
  }
}
