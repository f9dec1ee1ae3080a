package dev.autonomy.tune;

import dev.autonomy.text.classify.Evaluation;
import java.time.Instant;
import java.util.List;

/**
 * A fine-tuning run's outcome: the classifier (open; save it with {@link TunedModels#save}, then
 * close it), its labels, where it started, the settings, the data, and the scores of the kept epoch.
 *
 * @param epochSeconds wall time of each epoch run (training and the dev pass)
 * @param epochLoss mean training loss of each epoch run
 * @param heldOut the kept epoch's scores on the held-out part (test, or val for CLINC150)
 * @param skippedSteps steps left out because their gradient was not finite
 * @param rejectLabel the label a low-confidence prediction becomes ({@code oos}), empty for none
 * @param rejectBelow the top probability below which a prediction is rejected, 0 for none
 * @param heldOutWithoutReject the held-out scores with no rejection (null when there is none to
 *     compare with): what the threshold buys in out-of-scope recall and costs in scope
 */
public record TuneResult(
    TunedClassifier classifier,
    List<String> labels,
    String base,
    String baseSha256,
    TuneSettings settings,
    String dataSource,
    String dataFormat,
    String dataHash,
    int trainExamples,
    int epochs,
    int bestEpoch,
    List<Double> epochSeconds,
    List<Double> epochLoss,
    Evaluation dev,
    Evaluation heldOut,
    String heldOutName,
    Instant created,
    int skippedSteps,
    String rejectLabel,
    double rejectBelow,
    Evaluation heldOutWithoutReject)
    implements AutoCloseable {

  public TuneResult {
    labels = List.copyOf(labels);
    epochSeconds = List.copyOf(epochSeconds);
    epochLoss = List.copyOf(epochLoss);
    rejectLabel = rejectLabel == null ? "" : rejectLabel;
  }

  /** Weights that trained, against all the encoder's (LoRA trains a small fraction). */
  public long trainedWeights() {
    return classifier.savedWeights().values().stream().mapToLong(a -> a.getShape().size()).sum();
  }

  public long encoderWeights() {
    return classifier.encoder().baseWeights().values().stream().mapToLong(a -> a.getShape().size()).sum();
  }

  @Override
  public void close() {
    classifier.close();
  }
}
