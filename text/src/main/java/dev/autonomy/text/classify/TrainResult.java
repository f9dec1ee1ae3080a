package dev.autonomy.text.classify;

/**
 * What training produced.
 *
 * @param model the trained model
 * @param fit how the head's training went
 * @param dev the model on the dev split (after the threshold, if any)
 * @param heldOut the model on the held-out split: the seeded test part of a pooled file, or
 *     CLINC150's {@code val} (its {@code test} is left for {@code text eval})
 * @param heldOutName "test" or "val"
 * @param choice how the encoder was chosen among several; null when one was given
 */
public record TrainResult(TextModel model, HeadFit fit, Evaluation dev, Evaluation heldOut, String heldOutName,
    EncoderChoice choice) {
  /** A result with no choice of encoder. */
  public TrainResult(TextModel model, HeadFit fit, Evaluation dev, Evaluation heldOut, String heldOutName) {
    this(model, fit, dev, heldOut, heldOutName, null);
  }
}
