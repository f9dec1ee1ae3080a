package dev.autonomy.engine.state;

import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Reads the person's free-text notes with a health classifier and turns them into one feature per
 * day: the mean probability that the day's notes describe healthy behaviour.
 */
final class NoteScores {
  private NoteScores() {}

  /**
   * @param signals cleaned signals; only notes with text are read
   * @param healthy probability 0..1 that a text describes healthy behaviour
   */
  static Map<LocalDate, Double> perDay(List<Signal> signals, ToDoubleFunction<String> healthy) {
    Map<LocalDate, double[]> sums = new HashMap<>();
    for (Signal s : signals) {
      if (s.kind() != SignalKind.NOTE || s.text().isBlank()) {
        continue;
      }
      LocalDate day = s.start().atZone(s.zone()).toLocalDate();
      double p = Math.max(0, Math.min(1, healthy.applyAsDouble(s.text())));
      double[] acc = sums.computeIfAbsent(day, d -> new double[2]);
      acc[0] += p;
      acc[1] += 1;
    }
    Map<LocalDate, Double> out = new TreeMap<>();
    sums.forEach((day, acc) -> out.put(day, acc[0] / acc[1]));
    return out;
  }

  static boolean hasNotes(List<Signal> signals) {
    for (Signal s : signals) {
      if (s.kind() == SignalKind.NOTE && !s.text().isBlank()) {
        return true;
      }
    }
    return false;
  }
}
