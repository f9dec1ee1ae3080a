package dev.autonomy.text.classify;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.text.data.Dataset;
import dev.autonomy.text.data.Example;
import dev.autonomy.text.encode.EmbeddingCache;
import dev.autonomy.text.encode.Encoder;
import dev.autonomy.text.eval.Splits;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Trains a {@link TextModel} from a {@link Dataset}: embeds every text once (through the cache),
 * splits, fits the head with early stopping on dev, and scores the result.
 *
 * <ul>
 *   <li>A file with its own splits (CLINC150) learns from {@code train} and selects on {@code
 *       val}. Its out-of-scope sentences are a class of their own ({@code oos}, from {@code
 *       oos_train}), and on top of that a confidence threshold, tuned on {@code val} for the best
 *       overall accuracy, turns low-confidence predictions into {@code oos}. The scores reported
 *       are on {@code val}; {@code test} is left for {@code text eval}.
 *   <li>Any other file is split 80/10/10 into train/dev/test, stratified and seeded.
 * </ul>
 */
public final class TextTrainer {
  /** Receives progress; the default hears nothing. */
  public interface Listener {
    default void encoded(String part, int done, int total) {}

    default void fitted(HeadFit fit) {}

    /** The head's fit starts, on this many training examples, selecting on this many dev examples. */
    default void fittingHeadOn(int trainExamples, int devExamples) {}

    /** How many of the head's candidate settings have been fitted (several with n-gram features). */
    default void fittingHead(int done, int total) {}

    /**
     * The choice among several encoders starts: each encodes {@code trainExamples} + {@code
     * devExamples} sentences of the subsample and fits a quick head.
     */
    default void choosing(int candidates, int trainExamples, int devExamples) {}

    /** One candidate encoder's dev macro-F1 on the choice's subsample, when several are compared. */
    default void compared(String encoder, double devMacroF1) {}
  }

  private final HeadSettings settings;
  private final long seed;
  private final EmbeddingCache cache;
  private final InstantSource clock;
  private final Listener listener;

  public TextTrainer(HeadSettings settings, long seed, EmbeddingCache cache, InstantSource clock, Listener listener) {
    this.settings = settings;
    this.seed = seed;
    this.cache = cache;
    this.clock = clock;
    this.listener = listener == null ? new Listener() {} : listener;
  }

  public TextTrainer(HeadSettings settings, long seed, InstantSource clock) {
    this(settings, seed, new EmbeddingCache(), clock, null);
  }

  /**
   * Chooses one of the candidate encoders on a seeded, stratified subsample of the training and dev
   * sentences ({@link EncoderChooser}: a quick head per encoder, the best dev macro-F1 kept, the
   * earlier, faster one on a tie), then trains with the chosen encoder alone, as {@link
   * #train(Dataset, Encoder)}. The result carries the {@link EncoderChoice}, and the model's scores
   * record each candidate's dev macro-F1 on the subsample ({@code dev_macro_f1[<encoder>]}) and the
   * subsample's size ({@code choice_train_examples}, {@code choice_dev_examples}), so the choice can
   * be checked later. The test part of a file split 80/10/10 here plays no part in the choice; a
   * file with its own splits (CLINC150) chooses on {@code val}, which is also what it reports, like
   * the rest of its selection. With one candidate, or no dev examples to choose on (none, or none
   * with a label seen in training), the first encoder is trained and the others are not used.
   */
  public TrainResult train(Dataset data, List<Encoder> candidates) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("no encoder to train with");
    }
    Parts parts = parts(data);
    if (candidates.size() == 1 || parts.dev().isEmpty()) {
      return train(data, candidates.get(0));
    }
    checkLabels(data, parts.train());
    Optional<EncoderChoice> chosenOnSample =
        new EncoderChooser(settings, seed, this::embed, listener).choose(parts.train(), parts.dev(), candidates);
    if (chosenOnSample.isEmpty()) {
      return train(data, candidates.get(0));
    }
    EncoderChoice choice = chosenOnSample.get();
    Encoder chosen = candidates.stream().filter(e -> e.name().equals(choice.chosen())).findFirst().orElseThrow();
    TrainResult r = train(data, chosen);
    TextModel m = r.model();
    Map<String, Double> scores = new LinkedHashMap<>(m.info().scores());
    choice.devMacroF1().forEach((name, f1) -> scores.put("dev_macro_f1[" + name + "]", f1));
    scores.put("choice_train_examples", (double) choice.trainExamples());
    scores.put("choice_dev_examples", (double) choice.devExamples());
    ModelInfo i = m.info();
    ModelInfo info = new ModelInfo(i.dataSource(), i.format(), i.dataHash(), i.trainExamples(), i.settings(), i.seed(),
        i.created(), i.epochs(), i.bestEpoch(), scores);
    return new TrainResult(new TextModel(m.encoder(), m.labels(), m.head(), m.rejectLabel(), m.rejectBelow(), info),
        r.fit(), r.dev(), r.heldOut(), r.heldOutName(), choice);
  }

  /** The examples to learn from, select on, and report on, and the name of the last. */
  private record Parts(List<Example> train, List<Example> dev, List<Example> test, String heldOutName) {}

  /**
   * A file with its own splits learns on {@code train} and selects and reports on {@code val};
   * any other is split 80/10/10 here, stratified and seeded.
   */
  private Parts parts(Dataset data) {
    if (data.hasOwnSplits()) {
      List<Example> val = data.split("val");
      return new Parts(data.split("train"), val, val, "val");
    }
    List<Example> all = data.split(Dataset.ALL);
    checkLabels(data, all);
    List<String> labels = Dataset.labels(all);
    int[] y = all.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
    Splits.Split split = Splits.stratified(y, 0.1, 0.1, new SplittableRandom(seed));
    return new Parts(pick(all, split.train()), pick(all, split.dev()), pick(all, split.test()), "test");
  }

  public TrainResult train(Dataset data, Encoder encoder) {
    Parts parts = parts(data);
    List<Example> trainSet = parts.train();
    List<Example> devSet = parts.dev();
    List<Example> testSet = parts.test();
    String heldOutName = parts.heldOutName();
    checkLabels(data, trainSet);
    List<String> labels = Dataset.labels(trainSet);
    float[][] x = embed(encoder, "train", trainSet);
    float[][] devX = embed(encoder, heldOutName.equals("val") ? "val" : "dev", devSet);
    int[] y = indices(labels, trainSet);
    List<Example> devKnown = new ArrayList<>();
    List<float[]> devKnownX = new ArrayList<>();
    for (int i = 0; i < devSet.size(); i++) {
      if (labels.contains(devSet.get(i).label())) {
        devKnown.add(devSet.get(i));
        devKnownX.add(devX[i]);
      }
    }
    listener.fittingHeadOn(trainSet.size(), devKnown.size());
    HeadFit fit =
        new HeadTrainer(settings, seed)
            .fitSelected(x, texts(trainSet), y, labels.size(), devKnownX.toArray(float[][]::new), texts(devKnown),
                indices(labels, devKnown), listener::fittingHead);
    listener.fitted(fit);

    String reject = labels.contains(Evaluation.OOS) ? Evaluation.OOS : "";
    double threshold = reject.isEmpty() || devSet.isEmpty() ? 0.0 : tuneThreshold(fit.head(), labels, devX, devSet, reject);

    ModelInfo draft = info(data, trainSet.size(), fit, Map.of());
    TextModel model = new TextModel(encoder.name(), labels, fit.head(), reject, threshold, draft);
    Evaluation dev = devSet.isEmpty() ? null : Evaluation.of(model, devX, devSet);
    Evaluation heldOut;
    if (testSet == devSet) {
      heldOut = dev;
    } else {
      heldOut = testSet.isEmpty() ? null : Evaluation.of(model, embed(encoder, "test", testSet), testSet);
    }
    Map<String, Double> scores = new LinkedHashMap<>();
    if (dev != null) {
      scores.put("dev_accuracy", dev.accuracy());
      scores.put("dev_macro_f1", dev.macroF1());
    }
    if (heldOut != null) {
      scores.put(heldOutName + "_accuracy", heldOut.accuracy());
      scores.put(heldOutName + "_macro_f1", heldOut.macroF1());
      if (!Double.isNaN(heldOut.inScopeAccuracy())) {
        scores.put(heldOutName + "_in_scope_accuracy", heldOut.inScopeAccuracy());
      }
      if (!Double.isNaN(heldOut.oosRecall())) {
        scores.put(heldOutName + "_oos_recall", heldOut.oosRecall());
      }
    }
    if (!reject.isEmpty()) {
      scores.put("oos_threshold", threshold);
    }
    TextModel saved =
        new TextModel(encoder.name(), labels, fit.head(), reject, threshold, info(data, trainSet.size(), fit, scores));
    return new TrainResult(saved, fit, dev, heldOut, heldOutName);
  }

  private ModelInfo info(Dataset data, int n, HeadFit fit, Map<String, Double> scores) {
    return new ModelInfo(
        data.source(), data.format().code(), data.hash(), n, fit.settings(), seed, clock.instant(),
        fit.epochs(), fit.bestEpoch(), scores);
  }

  /**
   * The threshold in [0, 0.95] (steps of 0.01) that gives the best accuracy on dev when every
   * prediction whose top probability is below it becomes {@code reject}.
   */
  static double tuneThreshold(Head head, List<String> labels, float[][] devX, List<Example> dev, String reject) {
    double[][] p = new double[dev.size()][];
    for (int i = 0; i < dev.size(); i++) {
      p[i] = head.probabilities(devX[i], dev.get(i).text());
    }
    return new RejectThreshold(p, labels, dev.stream().map(Example::label).toList(), reject).best();
  }

  /** Embeddings of examples' texts through the cache. */
  public float[][] embed(Encoder encoder, String part, List<Example> examples) {
    List<String> texts = examples.stream().map(Example::text).toList();
    return cache.embed(encoder, texts, done -> listener.encoded(part + " with " + encoder.name(), done, texts.size()));
  }

  private static void checkLabels(Dataset data, List<Example> examples) {
    List<String> labels = Dataset.labels(examples);
    if (examples.isEmpty()) {
      throw new InvalidInputException(data.source() + ": no examples to train on");
    }
    if (labels.size() < 2) {
      throw new InvalidInputException(
          data.source() + ": only one label '" + labels.get(0) + "' in " + examples.size()
              + " examples; a classifier needs at least two");
    }
  }

  private static List<String> texts(List<Example> examples) {
    return examples.stream().map(Example::text).toList();
  }

  private static int[] indices(List<String> labels, List<Example> examples) {
    return examples.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
  }

  private static List<Example> pick(List<Example> all, int[] idx) {
    List<Example> out = new ArrayList<>(idx.length);
    for (int i : idx) {
      out.add(all.get(i));
    }
    return out;
  }
}
