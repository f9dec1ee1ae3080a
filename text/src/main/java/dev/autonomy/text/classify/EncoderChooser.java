package dev.autonomy.text.classify;

import dev.autonomy.text.data.Dataset;
import dev.autonomy.text.data.Example;
import dev.autonomy.text.encode.Encoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses one of several encoders cheaply, before the real training: every candidate encodes the
 * same seeded, stratified subsample of the training and dev sentences, one head with the trainer's
 * settings (no search over the n-gram block's step sizes) is fitted on the training part, and the
 * encoder whose head has the best dev macro-F1 is kept; on a tie the earlier candidate, which the
 * candidates' order makes the faster one. Only the chosen encoder then reads the whole data.
 */
final class EncoderChooser {
  /**
   * Training sentences in the subsample. Encoding is most of the cost of a candidate: 2,000 of
   * CLINC150's 15,100 training sentences make a candidate cost about an eighth of a full encode,
   * and still leave 13 per intent for its 151 labels (every label keeps at least one).
   */
  static final int TRAIN_SAMPLE = 2_000;

  /**
   * Dev sentences in the subsample: with 1,000, a macro-F1 near 0.9 has a standard error of about
   * 0.01, small beside the 1 to 6 points by which the English encoders differed on the benchmark's
   * tasks (docs/benchmarks.md), so a real difference is seldom missed.
   */
  static final int DEV_SAMPLE = 1_000;

  /** Turns examples into embeddings (through the trainer's cache, telling its listener). */
  interface Embedder {
    float[][] embed(Encoder encoder, String part, List<Example> examples);
  }

  private final HeadSettings settings;
  private final long seed;
  private final Embedder embedder;
  private final TextTrainer.Listener listener;

  EncoderChooser(HeadSettings settings, long seed, Embedder embedder, TextTrainer.Listener listener) {
    this.settings = settings;
    this.seed = seed;
    this.embedder = embedder;
    this.listener = listener;
  }

  /**
   * The better of {@code candidates} (at least two) on a subsample of {@code train} and {@code dev}
   * (dev must not be empty); dev sentences whose label the training subsample lacks are left out,
   * and when that leaves none there is nothing to choose on: empty, and no encoder has been used.
   */
  Optional<EncoderChoice> choose(List<Example> train, List<Example> dev, List<Encoder> candidates) {
    if (candidates.size() < 2 || dev.isEmpty()) {
      throw new IllegalArgumentException(
          "choosing needs two encoders or more and dev examples, had " + candidates.size() + " and " + dev.size());
    }
    List<Example> trainSample = Subsample.stratified(train, TRAIN_SAMPLE, seed);
    List<String> labels = Dataset.labels(trainSample);
    List<Example> devSample = Subsample.stratified(dev, DEV_SAMPLE, seed).stream()
        .filter(e -> labels.contains(e.label()))
        .toList();
    if (devSample.isEmpty()) {
      return Optional.empty();
    }
    listener.choosing(candidates.size(), trainSample.size(), devSample.size());
    int[] y = indices(labels, trainSample);
    int[] devY = indices(labels, devSample);
    List<String> texts = trainSample.stream().map(Example::text).toList();
    List<String> devTexts = devSample.stream().map(Example::text).toList();
    Map<String, Double> scores = new LinkedHashMap<>();
    String best = null;
    for (Encoder encoder : candidates) {
      float[][] x = embedder.embed(encoder, "choice sample of train", trainSample);
      float[][] devX = embedder.embed(encoder, "choice sample of dev", devSample);
      HeadFit fit = new HeadTrainer(settings, seed).fit(x, texts, y, labels.size(), devX, devTexts, devY);
      double f1 = fit.bestDevMacroF1();
      scores.put(encoder.name(), f1);
      listener.compared(encoder.name(), f1);
      if (best == null || f1 > scores.get(best)) {
        best = encoder.name();
      }
    }
    return Optional.of(new EncoderChoice(best, trainSample.size(), devSample.size(), scores));
  }

  private static int[] indices(List<String> labels, List<Example> examples) {
    return examples.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
  }
}
