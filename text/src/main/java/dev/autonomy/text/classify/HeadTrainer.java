package dev.autonomy.text.classify;

import dev.autonomy.core.Requires;
import dev.autonomy.text.eval.ClassificationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Trains a {@link Head} on embeddings with mini-batch Adam and softmax cross-entropy, class
 * weights, L2 weight decay and early stopping on dev macro-F1. Single-threaded and seeded: the
 * same data, settings and seed give the same weights.
 *
 * <p>The training code is our own (its gradients are checked against finite differences in the
 * tests). The logistic head also has a Tribuo-trained alternative ({@link TribuoLogistic}, reached
 * through the package-private constructor); it was measured side by side on Financial PhraseBank
 * and stays off: with the default n-gram features it was 1.4 to 2.8 points less accurate in every
 * run and 1.6 to 3.3 times slower ({@code docs/bench/text-tribuo.md}). Tribuo 4.3's linear SGD has no
 * L2 penalty, no separate step size for the n-gram block, ignores example weights in its Adam and
 * averages them over a minibatch otherwise. Tribuo has no MLP trainer outside its TensorFlow
 * interop.
 */
public final class HeadTrainer {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPS = 1e-8;

  /**
   * Step sizes of the n-gram block tried by {@link #fitSelected}; fixed before looking at any
   * test data, the choice among them is made on dev only.
   */
  public static final List<Double> LEXICAL_RATES = List.of(1e-2, 3e-2, 1e-1);

  /**
   * Weight decays of the n-gram block tried by {@link #fitSelected}, after the settings' own
   * {@code lexicalL2} (tried first, so a tie keeps it); fixed before looking at any test data,
   * the choice among them is made on dev only.
   */
  public static final List<Double> LEXICAL_L2S = List.of(1e-4, 1e-3, 1e-2);

  /**
   * AdaGrad step sizes tried by {@link #fitSelected} when Tribuo trains the logistic head; fixed
   * after a look at one inner dev split of PhraseBank (no test fold).
   */
  static final List<Double> TRIBUO_RATES = List.of(1e-2, 3e-2, 1e-1);

  private final HeadSettings settings;
  private final long seed;
  private final boolean tribuo;

  public HeadTrainer(HeadSettings settings, long seed) {
    this(settings, seed, false);
  }

  /**
   * With {@code tribuo}, a logistic head is trained by Tribuo ({@link TribuoLogistic}): selection
   * over {@link #TRIBUO_RATES} and class weights on and off, early stopping on dev as here, the
   * weights copied into the same {@link LogisticHead} / {@link WideHead}. MLP settings ignore it.
   */
  HeadTrainer(HeadSettings settings, long seed, boolean tribuo) {
    this.settings = settings;
    this.seed = seed;
    this.tribuo = tribuo && settings.kind().equals("logreg");
  }

  public HeadSettings settings() {
    return settings;
  }

  /**
   * Fits a head to {@code x}/{@code y} (labels 0..classes-1), choosing the epoch by dev macro-F1.
   * With an empty dev set the train set stands in for it.
   */
  public HeadFit fit(float[][] x, int[] y, int classes, float[][] devX, int[] devY) {
    return fit(x, null, y, classes, devX, null, devY);
  }

  /**
   * {@link #fit(float[][], List, int[], int, float[][], List, int[])}; for settings with n-gram
   * features once per step size in {@link #LEXICAL_RATES} and n-gram weight decay in {@link
   * #LEXICAL_L2S}, with and without class weights (once
   * when the classes are balanced, so the weights are all 1), keeping the fit with the best dev
   * accuracy (then dev macro-F1, then the earlier candidate).
   * Settings on the embedding alone are fitted once, as given. The dev set must not be the test
   * set.
   */
  public HeadFit fitSelected(float[][] x, List<String> texts, int[] y, int classes, float[][] devX, List<String> devTexts, int[] devY) {
    return fitSelected(x, texts, y, classes, devX, devTexts, devY, (done, total) -> { });
  }

  /** Hears how many of the candidate settings {@link #fitSelected} tries have been fitted. */
  public interface Progress {
    void fitted(int done, int total);
  }

  private record Candidate(HeadFit fit, double accuracy) {}

  /**
   * Fits each candidate on up to one thread per core and returns the best by dev accuracy (then dev
   * macro-F1, then the earlier candidate), judged in the candidates' order; a loser is dropped as
   * soon as it is judged, since each fit holds a whole n-gram block.
   */
  private static HeadFit fitBest(List<HeadSettings> candidates, Progress progress,
      Function<HeadSettings, Candidate> fit) {
    int threads = Math.min(candidates.size(), Math.max(1, Runtime.getRuntime().availableProcessors()));
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "head-fit");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Candidate>> futures = new ArrayList<>();
      for (HeadSettings c : candidates) {
        futures.add(pool.submit(() -> {
          Candidate out = fit.apply(c);
          synchronized (progress) {
            progress.fitted(done.incrementAndGet(), candidates.size());
          }
          return out;
        }));
      }
      HeadFit best = null;
      double bestAccuracy = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < futures.size(); i++) {
        Candidate c = futures.get(i).get();
        futures.set(i, null);
        if (best == null || c.accuracy() > bestAccuracy
            || (c.accuracy() == bestAccuracy && c.fit().bestDevMacroF1() > best.bestDevMacroF1())) {
          best = c.fit();
          bestAccuracy = c.accuracy();
        }
      }
      return best;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("fitting the head was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("fitting the head failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** {@link #fitSelected(float[][], List, int[], int, float[][], List, int[])}, telling {@code progress}. */
  public HeadFit fitSelected(float[][] x, List<String> texts, int[] y, int classes, float[][] devX, List<String> devTexts,
      int[] devY, Progress progress) {
    if (tribuo) {
      return fitTribuoSelected(x, texts, y, classes, devX, devTexts, devY);
    }
    if (!settings.ngrams()) {
      return fit(x, texts, y, classes, devX, devTexts, devY);
    }
    boolean[] weightings = balanced(y, classes)
        ? new boolean[] {settings.classWeights()}
        : new boolean[] {settings.classWeights(), !settings.classWeights()};
    List<Double> decays = new ArrayList<>(List.of(settings.lexicalL2()));
    LEXICAL_L2S.stream().filter(v -> !decays.contains(v)).forEach(decays::add);
    List<HeadSettings> candidates = new ArrayList<>();
    for (boolean weighted : weightings) {
      for (double decay : decays) {
        for (double rate : LEXICAL_RATES) {
          candidates.add(settings.withClassWeights(weighted).withLexicalRate(rate).withLexicalL2(decay));
        }
      }
    }
    // The candidates are independent and each is seeded: fitted side by side on the machine's
    // cores, then compared in their fixed order, so the choice is the one a sequential run makes.
    return fitBest(candidates, progress, c -> {
      HeadFit f = new HeadTrainer(c, seed).fit(x, texts, y, classes, devX, devTexts, devY);
      double accuracy = devX.length == 0 ? accuracy(f.head(), x, texts, y) : accuracy(f.head(), devX, devTexts, devY);
      return new Candidate(f, accuracy);
    });
  }

  private HeadFit fitTribuoSelected(float[][] x, List<String> texts, int[] y, int classes, float[][] devX,
      List<String> devTexts, int[] devY) {
    Problem p = prepare(x, texts, y, classes, devX, devTexts, devY, false);
    TribuoLogistic.Data data = TribuoLogistic.Data.of(p.z(), p.s(), y, classes, p.ngrams());
    HeadFit best = null;
    double bestAccuracy = Double.NEGATIVE_INFINITY;
    boolean[] weightings = balanced(y, classes)
        ? new boolean[] {settings.classWeights()}
        : new boolean[] {settings.classWeights(), !settings.classWeights()};
    for (boolean weighted : weightings) {
      data.weigh(p.classWeights(weighted));
      for (double rate : TRIBUO_RATES) {
        HeadFit f = trainTribuo(p, data, tribuoSettings(settings.withClassWeights(weighted), rate), 0);
        double accuracy = devX.length == 0 ? accuracy(f.head(), x, texts, y) : accuracy(f.head(), devX, devTexts, devY);
        if (best == null || accuracy > bestAccuracy
            || (accuracy == bestAccuracy && f.bestDevMacroF1() > best.bestDevMacroF1())) {
          best = f;
          bestAccuracy = accuracy;
        }
      }
    }
    return best;
  }

  /** Settings as Tribuo uses them: AdaGrad at {@code rate}, one example per step, no L2. */
  static HeadSettings tribuoSettings(HeadSettings s, double rate) {
    return new HeadSettings(s.kind(), s.hidden(), 0, rate, s.maxEpochs(), s.patience(), 1, s.classWeights(), s.features(),
        s.lexicalRate(), 0);
  }

  /**
   * Refits on train and dev together with the settings of {@code selected} (a fit on {@code x}
   * chosen on this dev set, e.g. by {@link #fitSelected}) for its best epoch count: no early
   * stopping, since the dev set is now training data. The returned fit has the selected settings
   * and epoch count and an empty dev curve. With an empty dev set {@code selected} is returned.
   */
  public HeadFit refit(HeadFit selected, float[][] x, List<String> texts, int[] y, int classes, float[][] devX,
      List<String> devTexts, int[] devY) {
    if (devX.length == 0) {
      return selected;
    }
    float[][] allX = new float[x.length + devX.length][];
    System.arraycopy(x, 0, allX, 0, x.length);
    System.arraycopy(devX, 0, allX, x.length, devX.length);
    int[] allY = new int[allX.length];
    System.arraycopy(y, 0, allY, 0, y.length);
    System.arraycopy(devY, 0, allY, y.length, devY.length);
    List<String> allTexts = null;
    if (texts != null && devTexts != null) {
      allTexts = new ArrayList<>(texts);
      allTexts.addAll(devTexts);
    }
    return new HeadTrainer(selected.settings(), seed, tribuo).fitEpochs(allX, allTexts, allY, classes, selected.bestEpoch());
  }

  /** Fits for exactly {@code epochs} passes over {@code x} and keeps the last weights. */
  HeadFit fitEpochs(float[][] x, List<String> texts, int[] y, int classes, int epochs) {
    Requires.positive(epochs, "epochs");
    return fit(x, texts, y, classes, new float[0][], texts == null ? null : List.of(), new int[0], epochs);
  }

  private static boolean balanced(int[] y, int classes) {
    int[] count = new int[classes];
    for (int label : y) {
      count[label]++;
    }
    return IntStream.of(count).filter(c -> c > 0).distinct().count() == 1;
  }

  private static double accuracy(Head head, float[][] x, List<String> texts, int[] y) {
    int right = 0;
    for (int i = 0; i < x.length; i++) {
      right += argmax(head.probabilities(x[i], texts == null ? null : texts.get(i))) == y[i] ? 1 : 0;
    }
    return (double) right / x.length;
  }

  /**
   * As {@link #fit(float[][], int[], int, float[][], int[])}, with the texts behind the
   * embeddings; settings with n-gram features need them (the others ignore them) and give a
   * {@link WideHead}.
   */
  public HeadFit fit(float[][] x, List<String> texts, int[] y, int classes, float[][] devX, List<String> devTexts, int[] devY) {
    return fit(x, texts, y, classes, devX, devTexts, devY, 0);
  }

  /** With {@code fixedEpochs > 0}: that many epochs, no dev evaluation, the last weights kept. */
  private HeadFit fit(float[][] x, List<String> texts, int[] y, int classes, float[][] devX, List<String> devTexts,
      int[] devY, int fixedEpochs) {
    Problem p = prepare(x, texts, y, classes, devX, devTexts, devY, fixedEpochs > 0);
    double[] sampleWeight = p.classWeights(settings.classWeights());
    if (tribuo) {
      TribuoLogistic.Data data = TribuoLogistic.Data.of(p.z(), p.s(), y, classes, p.ngrams());
      data.weigh(sampleWeight);
      return trainTribuo(p, data, settings, fixedEpochs);
    }
    Ngrams ngrams = p.ngrams();
    double[][] z = p.z();
    SparseVector[] s = p.s();
    double[] mean = p.mean();
    double[] scale = p.scale();
    int d = mean.length;
    SplittableRandom random = new SplittableRandom(seed);
    Net net = settings.kind().equals("mlp")
        ? Net.mlp(d, settings.hidden(), classes, random)
        : Net.logistic(d, classes);
    if (ngrams != null) {
      net.addWide(ngrams);
    }
    Adam adam = new Adam(net.params, settings.learningRate());
    int[] order = IntStream.range(0, x.length).toArray();
    List<Double> curve = new ArrayList<>();
    double best = Double.NEGATIVE_INFINITY;
    int bestEpoch = 0;
    double[][] bestParams = net.copy();
    int epoch = 0;
    int epochs = fixedEpochs > 0 ? fixedEpochs : settings.maxEpochs();
    while (epoch < epochs) {
      epoch++;
      shuffle(order, random);
      for (int from = 0; from < order.length; from += settings.batchSize()) {
        int to = Math.min(order.length, from + settings.batchSize());
        net.zeroGrad();
        for (int b = from; b < to; b++) {
          int i = order[b];
          net.backward(z[i], s == null ? null : s[i], y[i], sampleWeight[y[i]]);
        }
        net.finishGrad(to - from, settings.l2());
        adam.step(net.grads);
        net.stepWide(to - from, settings.lexicalL2(), settings.lexicalRate(), adam.t);
      }
      if (fixedEpochs > 0) {
        continue;
      }
      Head head = net.head(mean, scale);
      double f1 = macroF1(head, p.devX(), p.devS(), p.devY(), classes);
      curve.add(f1);
      if (f1 >= best) {
        best = f1;
        bestEpoch = epoch;
        bestParams = net.copy();
      } else if (epoch - bestEpoch >= settings.patience()) {
        break;
      }
    }
    if (fixedEpochs > 0) {
      return new HeadFit(net.head(mean, scale), epoch, epoch, curve, settings);
    }
    net.restore(bestParams);
    return new HeadFit(net.head(mean, scale), epoch, bestEpoch, curve, settings);
  }

  /**
   * A training set made ready for either trainer: the standardised embeddings and their mean and
   * scale, the n-gram vectors (null without n-grams), and the dev set the epochs are scored on
   * (the training set when there is no dev set; its n-grams are null when it is not scored).
   */
  private record Problem(double[][] z, SparseVector[] s, Ngrams ngrams, double[] mean, double[] scale, int[] y, int classes,
      float[][] devX, SparseVector[] devS, int[] devY) {
    /** Per-class example weights: n / (present classes * n_c), or all 1. */
    double[] classWeights(boolean weighted) {
      double[] sampleWeight = new double[classes];
      int[] count = new int[classes];
      for (int label : y) {
        count[label]++;
      }
      int present = (int) IntStream.of(count).filter(c -> c > 0).count();
      for (int c = 0; c < classes; c++) {
        sampleWeight[c] = !weighted || count[c] == 0 ? 1.0 : (double) y.length / (present * count[c]);
      }
      return sampleWeight;
    }
  }

  private Problem prepare(float[][] x, List<String> texts, int[] y, int classes, float[][] devX, List<String> devTexts,
      int[] devY, boolean unscored) {
    Ngrams ngrams = settings.ngrams() ? settings.lexical() : null;
    if (ngrams != null && (texts == null || devTexts == null)) {
      throw new IllegalArgumentException("features " + settings.features() + " need the texts behind the embeddings");
    }
    if (ngrams != null && (texts.size() != x.length || devTexts.size() != devX.length)) {
      throw new IllegalArgumentException("need one text per embedding: " + texts.size() + " texts for " + x.length
          + " embeddings, " + devTexts.size() + " dev texts for " + devX.length);
    }
    if (x.length == 0 || x.length != y.length) {
      throw new IllegalArgumentException("need as many labels as embeddings (>0), had " + x.length + " and " + y.length);
    }
    if (classes < 2) {
      throw new IllegalArgumentException("classes must be >= 2, was " + classes);
    }
    if (devX.length == 0) {
      devX = x;
      devY = y;
      devTexts = texts;
    }
    SparseVector[] s = ngrams == null ? null : featurize(ngrams, texts);
    SparseVector[] devS = ngrams == null || unscored ? null : featurize(ngrams, devTexts);
    int d = x[0].length;
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (float[] row : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= x.length;
    }
    for (float[] row : x) {
      for (int j = 0; j < d; j++) {
        double c = row[j] - mean[j];
        scale[j] += c * c;
      }
    }
    for (int j = 0; j < d; j++) {
      scale[j] = Math.sqrt(scale[j] / x.length) + 1e-6;
    }
    double[][] z = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      z[i] = Head.standardise(x[i], mean, scale);
    }
    return new Problem(z, s, ngrams, mean, scale, y, classes, devX, devS, devY);
  }

  private HeadFit trainTribuo(Problem p, TribuoLogistic.Data data, HeadSettings s, int fixedEpochs) {
    return TribuoLogistic.train(data, p.mean(), p.scale(), s.learningRate(), seed, s.maxEpochs(), s.patience(), fixedEpochs,
        head -> macroF1(head, p.devX(), p.devS(), p.devY(), p.classes()), s);
  }

  private static SparseVector[] featurize(Ngrams ngrams, List<String> texts) {
    SparseVector[] out = new SparseVector[texts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ngrams.features(texts.get(i));
    }
    return out;
  }

  private static double macroF1(Head head, float[][] x, SparseVector[] s, int[] y, int classes) {
    int[] predicted = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      predicted[i] = argmax(head instanceof WideHead w ? w.probabilities(x[i], s[i]) : head.probabilities(x[i]));
    }
    List<String> labels = IntStream.range(0, classes).mapToObj(Integer::toString).toList();
    return ClassificationReport.of(labels, y, predicted).macroF1();
  }

  static int argmax(double[] p) {
    int best = 0;
    for (int c = 1; c < p.length; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    return best;
  }

  private static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /**
   * Parameters as flat blocks: logistic [W, b]; MLP [W1, b1, W2, b2] (weights row-major), plus an
   * optional n-gram block. Package-private for the gradient check in the tests.
   */
  static final class Net {
    final int d;
    final int hidden;
    final int k;
    final double[][] params;
    final double[][] grads;
    final boolean[] decays;
    private final double[] h;
    private final double[] hPre;
    private final double[] logits;
    private final double[] gh;
    /** The n-gram block, column-major (feature j, class c at j * k + c), and its lazy Adam state. */
    private Ngrams ngrams;
    double[] wide;
    double[] wideGrad;
    private double[] wideM;
    private double[] wideV;
    private boolean[] touched;
    private int[] touchedList;
    private int touchedCount;

    private Net(int d, int hidden, int k, double[][] params, boolean[] decays) {
      this.d = d;
      this.hidden = hidden;
      this.k = k;
      this.params = params;
      this.decays = decays;
      this.grads = new double[params.length][];
      for (int p = 0; p < params.length; p++) {
        grads[p] = new double[params[p].length];
      }
      this.h = new double[hidden];
      this.hPre = new double[hidden];
      this.logits = new double[k];
      this.gh = new double[hidden];
    }

    static Net logistic(int d, int k) {
      return new Net(d, 0, k, new double[][] {new double[k * d], new double[k]}, new boolean[] {true, false});
    }

    static Net mlp(int d, int hidden, int k, SplittableRandom random) {
      double[] w1 = new double[hidden * d];
      double[] w2 = new double[k * hidden];
      double s1 = Math.sqrt(2.0 / d);
      double s2 = Math.sqrt(1.0 / hidden);
      for (int i = 0; i < w1.length; i++) {
        w1[i] = gaussian(random) * s1;
      }
      for (int i = 0; i < w2.length; i++) {
        w2[i] = gaussian(random) * s2;
      }
      return new Net(
          d, hidden, k, new double[][] {w1, new double[hidden], w2, new double[k]},
          new boolean[] {true, false, true, false});
    }

    private static double gaussian(SplittableRandom random) {
      double u = 1.0 - random.nextDouble();
      double v = random.nextDouble();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    void addWide(Ngrams spec) {
      ngrams = spec;
      wide = new double[spec.dims() * k];
      wideGrad = new double[wide.length];
      wideM = new double[wide.length];
      wideV = new double[wide.length];
      touched = new boolean[spec.dims()];
      touchedList = new int[spec.dims()];
    }

    /**
     * Lazy Adam on the n-gram block: only the columns seen in this batch move (their L2 decay
     * too), with the bias correction of the global step {@code t}.
     */
    void stepWide(int batch, double l2, double lr, int t) {
      if (wide == null) {
        return;
      }
      double c1 = 1 - Math.pow(BETA1, t);
      double c2 = 1 - Math.pow(BETA2, t);
      for (int n = 0; n < touchedCount; n++) {
        int j = touchedList[n];
        touched[j] = false;
        for (int c = 0; c < k; c++) {
          int i = j * k + c;
          double g = wideGrad[i] / batch + l2 * wide[i];
          wideGrad[i] = 0;
          wideM[i] = BETA1 * wideM[i] + (1 - BETA1) * g;
          wideV[i] = BETA2 * wideV[i] + (1 - BETA2) * g * g;
          wide[i] -= lr * (wideM[i] / c1) / (Math.sqrt(wideV[i] / c2) + EPS);
        }
      }
      touchedCount = 0;
    }

    void zeroGrad() {
      for (double[] g : grads) {
        java.util.Arrays.fill(g, 0);
      }
    }

    /**
     * The class scores for one standardised embedding and its n-grams (null for none), left in
     * {@code logits}; for the MLP also the hidden layer, in {@code hPre} and {@code h}.
     */
    private void forward(double[] z, SparseVector sparse) {
      double[] input = z;
      int in = d;
      double[] wOut = params[0];
      double[] bOut = params[1];
      if (hidden > 0) {
        double[] w1 = params[0];
        double[] b1 = params[1];
        for (int i = 0; i < hidden; i++) {
          double s = b1[i] + Head.dot(w1, i * d, z, d);
          hPre[i] = s;
          h[i] = s > 0 ? s : 0;
        }
        input = h;
        in = hidden;
        wOut = params[2];
        bOut = params[3];
      }
      for (int c = 0; c < k; c++) {
        logits[c] = bOut[c] + Head.dot(wOut, c * in, input, in);
      }
      if (sparse != null) {
        for (int n = 0; n < sparse.size(); n++) {
          int off = sparse.indices()[n] * k;
          double v = sparse.values()[n];
          for (int c = 0; c < k; c++) {
            logits[c] += wide[off + c] * v;
          }
        }
      }
    }

    /** Softmax cross-entropy of one example, -log p(label), at the current parameters. */
    double loss(double[] z, SparseVector sparse, int label) {
      forward(z, sparse);
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        max = Math.max(max, logits[c]);
      }
      double sum = 0;
      for (int c = 0; c < k; c++) {
        sum += Math.exp(logits[c] - max);
      }
      return Math.log(sum) + max - logits[label];
    }

    /**
     * Adds {@code weight} times the gradient of {@link #loss} to {@code grads} (dense blocks) and
     * to the n-gram block's gradient, marking the n-gram columns it touches.
     */
    void backward(double[] z, SparseVector sparse, int label, double weight) {
      forward(z, sparse);
      double[] input = hidden > 0 ? h : z;
      int in = hidden > 0 ? hidden : d;
      double[] wOut = hidden > 0 ? params[2] : params[0];
      double[] gW = hidden > 0 ? grads[2] : grads[0];
      double[] gB = hidden > 0 ? grads[3] : grads[1];
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        max = Math.max(max, logits[c]);
      }
      double sum = 0;
      for (int c = 0; c < k; c++) {
        logits[c] = Math.exp(logits[c] - max);
        sum += logits[c];
      }
      if (hidden > 0) {
        java.util.Arrays.fill(gh, 0);
      }
      for (int c = 0; c < k; c++) {
        double g = (logits[c] / sum - (c == label ? 1 : 0)) * weight;
        if (g == 0) {
          continue;
        }
        gB[c] += g;
        if (sparse != null) {
          for (int n = 0; n < sparse.size(); n++) {
            int j = sparse.indices()[n];
            if (!touched[j]) {
              touched[j] = true;
              touchedList[touchedCount++] = j;
            }
            wideGrad[j * k + c] += g * sparse.values()[n];
          }
        }
        int off = c * in;
        for (int j = 0; j < in; j++) {
          gW[off + j] += g * input[j];
        }
        if (hidden > 0) {
          for (int j = 0; j < in; j++) {
            gh[j] += g * wOut[off + j];
          }
        }
      }
      if (hidden > 0) {
        double[] g1 = grads[0];
        double[] gb1 = grads[1];
        for (int i = 0; i < hidden; i++) {
          if (hPre[i] <= 0) {
            continue;
          }
          double g = gh[i];
          gb1[i] += g;
          int off = i * d;
          for (int j = 0; j < d; j++) {
            g1[off + j] += g * z[j];
          }
        }
      }
    }

    void finishGrad(int batch, double l2) {
      for (int p = 0; p < params.length; p++) {
        double[] g = grads[p];
        double[] w = params[p];
        for (int i = 0; i < g.length; i++) {
          g[i] = g[i] / batch + (decays[p] ? l2 * w[i] : 0);
        }
      }
    }

    double[][] copy() {
      double[][] out = new double[params.length + (wide == null ? 0 : 1)][];
      for (int p = 0; p < params.length; p++) {
        out[p] = params[p].clone();
      }
      if (wide != null) {
        out[params.length] = wide.clone();
      }
      return out;
    }

    void restore(double[][] saved) {
      for (int p = 0; p < params.length; p++) {
        System.arraycopy(saved[p], 0, params[p], 0, params[p].length);
      }
      if (wide != null) {
        System.arraycopy(saved[params.length], 0, wide, 0, wide.length);
      }
    }

    Head head(double[] mean, double[] scale) {
      Head deep;
      if (hidden == 0) {
        deep = new LogisticHead(mean.clone(), scale.clone(), rows(params[0], k, d), params[1].clone());
      } else {
        deep = new MlpHead(
            mean.clone(), scale.clone(), rows(params[0], hidden, d), params[1].clone(),
            rows(params[2], k, hidden), params[3].clone());
      }
      if (wide == null) {
        return deep;
      }
      double[][] w = new double[k][ngrams.dims()];
      for (int j = 0; j < ngrams.dims(); j++) {
        for (int c = 0; c < k; c++) {
          w[c][j] = wide[j * k + c];
        }
      }
      return new WideHead(deep, ngrams, w);
    }

    private static double[][] rows(double[] flat, int r, int c) {
      double[][] out = new double[r][c];
      for (int i = 0; i < r; i++) {
        System.arraycopy(flat, i * c, out[i], 0, c);
      }
      return out;
    }
  }

  /** Adam over the parameter blocks, updating them in place. */
  private static final class Adam {
    private final double[][] params;
    private final double[][] m;
    private final double[][] v;
    private final double lr;
    int t;

    Adam(double[][] params, double lr) {
      this.params = params;
      this.lr = lr;
      this.m = new double[params.length][];
      this.v = new double[params.length][];
      for (int p = 0; p < params.length; p++) {
        m[p] = new double[params[p].length];
        v[p] = new double[params[p].length];
      }
    }

    void step(double[][] grads) {
      t++;
      double c1 = 1 - Math.pow(BETA1, t);
      double c2 = 1 - Math.pow(BETA2, t);
      for (int p = 0; p < params.length; p++) {
        double[] w = params[p];
        double[] g = grads[p];
        double[] mp = m[p];
        double[] vp = v[p];
        for (int i = 0; i < w.length; i++) {
          mp[i] = BETA1 * mp[i] + (1 - BETA1) * g[i];
          vp[i] = BETA2 * vp[i] + (1 - BETA2) * g[i] * g[i];
          w[i] -= lr * (mp[i] / c1) / (Math.sqrt(vp[i] / c2) + EPS);
        }
      }
    }
  }
}
