package dev.autonomy.tune;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.autonomy.core.AutonomyFailure;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.text.classify.Evaluation;
import dev.autonomy.text.classify.RejectThreshold;
import dev.autonomy.text.data.Dataset;
import dev.autonomy.text.data.Example;
import dev.autonomy.text.eval.Splits;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fine-tunes a transformer encoder with a classification head on labelled texts: AdamW (DJL's),
 * linear warm-up then linear decay, global-norm gradient clipping, dropout, early stopping on the dev
 * split's macro-F1 (the best epoch's weights are kept), all seeded. {@link TuneSettings.Method#FULL}
 * trains every weight; {@link TuneSettings.Method#LORA} freezes the encoder and trains low-rank
 * adapters on the attention's query and value projections and the head.
 *
 * <p>Splits as {@code text train} does: a file with its own splits (CLINC150) learns from {@code
 * train} and selects and reports on {@code val}; any other file is split 80/10/10, stratified and
 * seeded, and reports on test. A dataset with splits named train, dev and test is used as it is.
 */
public final class FineTuner {
  /** Progress; the default hears nothing. */
  public interface Listener {
    /** After each step: the epoch (from 1), steps done and in all this epoch, the epoch's mean loss so far. */
    default void step(int epoch, int done, int total, double meanLoss) {}

    /** After each epoch, with the dev split's scores. */
    default void epoch(int epoch, double meanLoss, Evaluation dev, Duration took) {}
  }

  private final Backbone backbone;
  private final TuneSettings settings;
  private final InstantSource clock;
  private final Listener listener;
  private int skipped;

  FineTuner(Backbone backbone, TuneSettings settings, InstantSource clock, Listener listener) {
    this.backbone = backbone;
    this.settings = settings;
    this.clock = clock;
    this.listener = listener == null ? new Listener() {} : listener;
  }

  /** A tuner starting from a shipped base model. */
  public static FineTuner from(BaseModel base, TuneSettings settings, InstantSource clock, Listener listener) {
    return new FineTuner(Backbone.of(base), settings, clock, listener);
  }

  /** The parts of a dataset a run uses. */
  record Parts(List<Example> train, List<Example> dev, List<Example> test, String heldOutName) {}

  /** Splits the data and checks it can be fine-tuned on, before any weight is loaded. */
  Parts parts(Dataset data) {
    Parts p;
    if (data.splits().containsKey("train") && data.splits().containsKey("dev") && data.splits().containsKey("test")) {
      // Splits made by the caller (the benchmark's cross-validation folds).
      p = new Parts(data.split("train"), data.split("dev"), data.split("test"), "test");
    } else if (data.hasOwnSplits()) {
      List<Example> val = data.split("val");
      p = new Parts(data.split("train"), val, val, "val");
    } else {
      List<Example> all = data.split(Dataset.ALL);
      List<String> labels = Dataset.labels(all);
      int[] y = all.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
      Splits.Split s = Splits.stratified(y, 0.1, 0.1, new SplittableRandom(settings.seed()));
      p = new Parts(pick(all, s.train()), pick(all, s.dev()), pick(all, s.test()), "test");
    }
    List<String> labels = Dataset.labels(p.train());
    if (labels.size() < 2) {
      throw new InvalidInputException(
          data.source() + ": " + p.train().size() + " training examples with " + labels.size()
              + " label(s); fine-tuning needs at least two labels");
    }
    if (p.dev().isEmpty()) {
      throw new InvalidInputException(
          data.source() + ": too little data for a dev split (" + p.train().size()
              + " examples); fine-tuning stops early on dev and needs at least 3 examples of a label");
    }
    for (List<Example> part : List.of(p.dev(), p.test())) {
      for (Example e : part) {
        if (!labels.contains(e.label())) {
          throw new InvalidInputException(
              data.source() + ": label '" + e.label() + "' is in the " + (part == p.dev() ? "dev" : p.heldOutName())
                  + " split but not in training; every label needs training examples (at least 3 per label"
                  + " in a file split here)");
        }
      }
    }
    return p;
  }

  /** Fine-tunes on the data and scores the kept epoch on dev and on the held-out part. */
  public TuneResult train(Dataset data) {
    Parts parts = parts(data);
    List<String> labels = Dataset.labels(parts.train());
    TunedClassifier model =
        TunedClassifier.start(backbone, settings, labels.size());
    boolean done = false;
    try {
      TuneResult r = fit(data, parts, labels, model);
      done = true;
      return r;
    } finally {
      if (!done) {
        model.close();
      }
    }
  }

  private TuneResult fit(Dataset data, Parts parts, List<String> labels, TunedClassifier model) {
    skipped = 0;
    Engine engine = TorchRuntime.engine();
    engine.setRandomSeed((int) settings.seed()); // dropout's masks
    Map<String, NDArray> encoderWeights = model.trainableEncoderWeights();
    Map<String, NDArray> headWeights = model.headWeights();
    Map<String, NDArray> trainable = new LinkedHashMap<>(encoderWeights);
    trainable.putAll(headWeights);
    trainable.values().forEach(a -> a.setRequiresGradient(true));

    int n = parts.train().size();
    int steps = (n + settings.batch() - 1) / settings.batch();
    int total = steps * settings.epochs();
    int[] step = {0};
    Optimizer encoderOpt =
        Optimizer.adamW()
            .optLearningRateTracker(
                (Tracker) u -> (float) TuneSettings.schedule(settings.learningRate(), step[0], total, settings.warmup()))
            .optWeightDecays((float) settings.weightDecay())
            .build();
    Optimizer headOpt =
        Optimizer.adamW()
            .optLearningRateTracker(
                (Tracker) u -> (float) TuneSettings.schedule(settings.headLearningRate(), step[0], total, settings.warmup()))
            .optWeightDecays((float) settings.weightDecay())
            .build();

    SplittableRandom shuffle = new SplittableRandom(settings.seed() ^ 0x5DEECE66DL);
    int[] y = parts.train().stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
    List<String> texts = parts.train().stream().map(Example::text).toList();
    NDManager manager = model.manager();
    double bestF1 = -1;
    int bestEpoch = 0;
    int improved = 0;
    int epochsRun = 0;
    Map<String, float[]> best = null;
    double[][] bestDevP = null;
    List<String> devTexts = parts.dev().stream().map(Example::text).toList();
    List<Double> epochSeconds = new ArrayList<>();
    List<Double> epochLoss = new ArrayList<>();
    for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
      var started = clock.instant();
      int[] order = permutation(n, shuffle);
      double lossSum = 0;
      for (int s = 0; s < steps; s++) {
        if (Thread.currentThread().isInterrupted()) {
          throw new IllegalStateException("fine-tuning was interrupted in epoch " + epoch + "; nothing was saved");
        }
        int from = s * settings.batch();
        int to = Math.min(n, from + settings.batch());
        List<String> batchTexts = new ArrayList<>(to - from);
        float[] oneHot = new float[(to - from) * labels.size()];
        for (int i = from; i < to; i++) {
          batchTexts.add(texts.get(order[i]));
          oneHot[(i - from) * labels.size() + y[order[i]]] = 1f;
        }
        float loss;
        try (NDScope scope = new NDScope()) {
          scope.suppressNotUsedWarning();
          NDList batch = model.tokens().batch(manager, batchTexts);
          NDArray target = manager.create(oneHot, new Shape(to - from, labels.size()));
          try (GradientCollector gc = engine.newGradientCollector()) {
            NDArray logits = model.logits(batch.get(0), batch.get(1), (float) settings.dropout());
            NDArray l = logits.logSoftmax(-1).mul(target).sum(new int[] {1}).neg().mean();
            gc.backward(l);
            loss = l.getFloat();
          }
        }
        update(encoderOpt, encoderWeights, headOpt, headWeights);
        step[0]++;
        lossSum += loss;
        listener.step(epoch, s + 1, steps, lossSum / (s + 1));
      }
      epochsRun = epoch;
      if (!model.finite()) {
        throw new AutonomyFailure(
            "fine-tuning diverged in epoch " + epoch + " (weights are no longer finite numbers); nothing was saved:"
                + " lower the learning rate");
      }
      double[][] devP = model.probabilities(devTexts);
      Evaluation dev = Evaluation.ofProbabilities(labels, parts.dev(), devP, "", 0);
      Duration took = Duration.between(started, clock.instant());
      epochSeconds.add(took.toMillis() / 1000.0);
      epochLoss.add(lossSum / steps);
      listener.epoch(epoch, lossSum / steps, dev, took);
      // A tie keeps the later epoch (trained further for the same dev score) but does not count
      // as progress: patience runs out after that many epochs without a strictly better score.
      if (dev.macroF1() >= bestF1) {
        if (dev.macroF1() > bestF1) {
          improved = epoch;
        }
        bestF1 = dev.macroF1();
        bestEpoch = epoch;
        bestDevP = devP;
        best = model.snapshot();
      }
      if (epoch - improved >= settings.patience()) {
        break;
      }
    }
    trainable.values().forEach(a -> a.setRequiresGradient(false));
    model.restore(best);
    Rejection rejection = rejection(labels, parts, model, bestDevP);
    return new TuneResult(
        model, labels, backbone.name(), backbone.sha256(), settings, data.source(), data.format().code(),
        data.hash(), parts.train().size(), epochsRun, bestEpoch, epochSeconds, epochLoss, rejection.dev(),
        rejection.heldOut(), parts.heldOutName(), clock.instant(), skipped, rejection.label(), rejection.below(),
        rejection.heldOutWithout());
  }

  /**
   * The kept epoch's scores, and with an out-of-scope label (CLINC150's {@code oos}) the threshold
   * below which a prediction is rejected, chosen on dev for the best accuracy as the frozen path's.
   */
  private record Rejection(String label, double below, Evaluation dev, Evaluation heldOut, Evaluation heldOutWithout) {}

  private static Rejection rejection(List<String> labels, Parts parts, TunedClassifier model, double[][] devP) {
    double[][] heldOutP =
        parts.test() == parts.dev() ? devP : model.probabilities(parts.test().stream().map(Example::text).toList());
    Evaluation without = Evaluation.ofProbabilities(labels, parts.test(), heldOutP, "", 0);
    if (!labels.contains(Evaluation.OOS)) {
      return new Rejection("", 0, Evaluation.ofProbabilities(labels, parts.dev(), devP, "", 0), without, null);
    }
    double below =
        new RejectThreshold(devP, labels, parts.dev().stream().map(Example::label).toList(), Evaluation.OOS).best();
    return new Rejection(
        Evaluation.OOS, below,
        Evaluation.ofProbabilities(labels, parts.dev(), devP, Evaluation.OOS, below),
        Evaluation.ofProbabilities(labels, parts.test(), heldOutP, Evaluation.OOS, below),
        without);
  }

  /** One AdamW step on every trainable weight, after scaling all gradients to the clip norm. */
  private void update(Optimizer encoderOpt, Map<String, NDArray> encoder, Optimizer headOpt, Map<String, NDArray> head) {
    Map<String, NDArray> grads = new LinkedHashMap<>();
    double squares = 0;
    for (Map<String, NDArray> group : List.of(encoder, head)) {
      for (Map.Entry<String, NDArray> e : group.entrySet()) {
        NDArray g = e.getValue().getGradient();
        grads.put(e.getKey(), g);
        try (NDArray sq = g.pow(2);
            NDArray sum = sq.sum()) {
          squares += sum.getFloat();
        }
      }
    }
    double norm = Math.sqrt(squares);
    if (!Double.isFinite(norm)) {
      // A non-finite gradient would poison every weight through AdamW's moments: skip the step.
      skipped++;
      for (NDArray g : grads.values()) {
        g.set(new ai.djl.ndarray.index.NDIndex(":"), 0f); // NaN * 0 is NaN: overwrite
        g.close();
      }
      return;
    }
    float scale = norm > settings.clipNorm() ? (float) (settings.clipNorm() / norm) : 1f;
    for (Map.Entry<String, NDArray> e : encoder.entrySet()) {
      apply(encoderOpt, e.getKey(), e.getValue(), grads.get(e.getKey()), scale);
    }
    for (Map.Entry<String, NDArray> e : head.entrySet()) {
      apply(headOpt, e.getKey(), e.getValue(), grads.get(e.getKey()), scale);
    }
  }

  private static void apply(Optimizer opt, String name, NDArray weight, NDArray grad, float scale) {
    // Outside any NDScope: the optimiser keeps its moment arrays from the first step on.
    try (NDArray scaled = grad.mul(scale)) {
      opt.update(name, weight, scaled);
    }
    grad.subi(grad); // PyTorch adds each backward pass's gradients to the last: start the next step at 0
    grad.close();
  }

  private static int[] permutation(int n, SplittableRandom random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static List<Example> pick(List<Example> all, int[] idx) {
    List<Example> out = new ArrayList<>(idx.length);
    for (int i : idx) {
      out.add(all.get(i));
    }
    return out;
  }
}
