package dev.autonomy.engine.state;

import dev.autonomy.core.signal.Signal;
import dev.autonomy.text.encode.Encoders;
import dev.autonomy.text.health.HealthNoteClassifier;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Scores the person's notes with the on-device health classifier (transformer encoder + logistic
 * head, see the text module), with the engine's shared encoders.
 */
final class HealthNotes {
  private HealthNotes() {}

  static Map<LocalDate, Double> perDay(List<Signal> signals, Encoders encoders) {
    HealthNoteClassifier classifier = new HealthNoteClassifier(encoders);
    return NoteScores.perDay(signals, text -> 1 - classifier.classify(text).unhealthyProbability());
  }
}
