package dev.autonomy.text.classify;

import dev.autonomy.core.Requires;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How {@code --encoder auto} chose among several encoders: each encoded the same seeded,
 * stratified subsample, a quick head was fitted on its training part, and the encoder whose head
 * did best on the dev part was kept.
 *
 * @param chosen the encoder kept
 * @param trainExamples training sentences in the subsample
 * @param devExamples dev sentences in the subsample
 * @param devMacroF1 every candidate's dev macro-F1 on the subsample, in the order tried
 */
public record EncoderChoice(String chosen, int trainExamples, int devExamples, Map<String, Double> devMacroF1) {
  public EncoderChoice {
    Requires.nonBlank(chosen, "choice.chosen");
    Requires.positive(trainExamples, "choice.trainExamples");
    Requires.positive(devExamples, "choice.devExamples");
    if (devMacroF1.size() < 2 || !devMacroF1.containsKey(chosen)) {
      throw new IllegalArgumentException(
          "choice.devMacroF1 must score at least two encoders, the chosen '" + chosen + "' among them, was " + devMacroF1);
    }
    devMacroF1 = Collections.unmodifiableMap(new LinkedHashMap<>(devMacroF1));
  }
}
