package dev.autonomy.engine.state;

import dev.autonomy.core.signal.Signal;
import dev.autonomy.engine.text.PersonModels;
import dev.autonomy.text.classify.Prediction;
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

  /** The probability a person's health model gives the note of being healthy. */
  static double healthy(PersonModels.Reading reading) {
    for (Prediction.Scored s : reading.prediction().top()) {
      if (s.label().equals("healthy")) {
        return s.probability();
      }
    }
    // top lists every class of a two-class model; a model without "healthy" is refused when chosen
    throw new IllegalStateException("model " + reading.model() + " gave no probability for 'healthy'");
  }

  static Map<LocalDate, Double> perDay(List<Signal> signals, Encoders encoders) {
    HealthNoteClassifier classifier = new HealthNoteClassifier(encoders);
    return NoteScores.perDay(signals, text -> 1 - classifier.classify(text).unhealthyProbability());
  }
}
