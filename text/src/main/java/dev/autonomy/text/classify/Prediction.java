package dev.autonomy.text.classify;

import java.util.List;

/**
 * A label with its probability and the best few alternatives.
 *
 * @param label the predicted label (the reject label when the top probability was below the
 *     model's threshold)
 * @param probability the head's probability of its top class
 * @param top the most probable classes, best first
 */
public record Prediction(String label, double probability, List<Scored> top) {
  public Prediction {
    top = List.copyOf(top);
  }

  /** A class and its probability. */
  public record Scored(String label, double probability) {}
}
