package dev.autonomy.text.classify;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.sgd.AbstractSGDTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Multinomial logistic regression trained by Tribuo's {@link LinearSGDTrainer}: {@link
 * LogMulticlass} loss, {@link AdaGrad} (epsilon 0.1, as in Tribuo's {@code
 * LogisticRegressionTrainer}), one example per step so that class weights are applied exactly,
 * seeded. The learnt matrix is copied into a {@link LogisticHead} (and a {@link WideHead} for the
 * n-gram block), so saving and prediction do not depend on Tribuo.
 *
 * <p>The features are the ones the hand-written trainer sees: the standardised embedding
 * ({@code e<j>}) and, with n-grams, the hashed buckets ({@code n<bucket>}). Early stopping on dev
 * macro-F1 uses a checkpoint at the end of every epoch, taken by an optimiser that wraps AdaGrad
 * and sees Tribuo's parameters (Tribuo has no epoch callback); once {@code patience} epochs pass
 * without a better dev score, training is cut short. Tribuo's linear SGD has no L2 penalty, so
 * {@code l2} and {@code lexicalL2} do not apply.
 */
final class TribuoLogistic {
  /** Tribuo logs two INFO lines per training run; kept here so the level set below sticks. */
  private static final Logger TRIBUO_SGD = Logger.getLogger(AbstractSGDTrainer.class.getName());

  static {
    TRIBUO_SGD.setLevel(Level.WARNING);
  }

  /** Epsilon of AdaGrad (Tribuo's logistic regression default). */
  static final double EPSILON = 0.1;

  /** Bias of a class with no training example: Tribuo never sees it, so it is never predicted. */
  static final double ABSENT_BIAS = -1e3;

  /** The training set in Tribuo's form plus how its columns map back onto the head. */
  static final class Data {
    final MutableDataset<Label> dataset;
    final int d;
    final int classes;
    final Ngrams ngrams;
    /** Tribuo feature id -> embedding dimension (>= 0) or -1 - n-gram bucket. */
    final int[] column;
    /** Class -> Tribuo output id, -1 for a class absent from training. */
    final int[] row;

    private Data(MutableDataset<Label> dataset, int d, int classes, Ngrams ngrams) {
      this.dataset = dataset;
      this.d = d;
      this.classes = classes;
      this.ngrams = ngrams;
      ImmutableFeatureMap features = dataset.getFeatureIDMap();
      column = new int[features.size()];
      for (int f = 0; f < column.length; f++) {
        String name = features.get(f).getName();
        int j = Integer.parseInt(name, 1, name.length(), 10);
        column[f] = name.charAt(0) == 'e' ? j : -1 - j;
      }
      ImmutableOutputInfo<Label> outputs = dataset.getOutputIDInfo();
      row = new int[classes];
      for (int c = 0; c < classes; c++) {
        Label label = new Label(Integer.toString(c));
        row[c] = outputs.getDomain().contains(label) ? outputs.getID(label) : -1;
      }
    }

    /** Standardised embeddings {@code z}, their n-grams ({@code s}, null for none) and labels. */
    static Data of(double[][] z, SparseVector[] s, int[] y, int classes, Ngrams ngrams) {
      int d = z[0].length;
      String[] names = new String[d];
      for (int j = 0; j < d; j++) {
        names[j] = "e" + j;
      }
      LabelFactory factory = new LabelFactory();
      MutableDataset<Label> dataset =
          new MutableDataset<>(new SimpleDataSourceProvenance("autonomy text head", factory), factory);
      for (int i = 0; i < z.length; i++) {
        int n = d + (s == null ? 0 : s[i].size());
        String[] exampleNames = new String[n];
        double[] values = new double[n];
        System.arraycopy(names, 0, exampleNames, 0, d);
        System.arraycopy(z[i], 0, values, 0, d);
        for (int k = 0; s != null && k < s[i].size(); k++) {
          exampleNames[d + k] = "n" + s[i].indices()[k];
          values[d + k] = s[i].values()[k];
        }
        dataset.add(new ArrayExample<>(new Label(Integer.toString(y[i])), exampleNames, values));
      }
      return new Data(dataset, d, classes, ngrams);
    }

    /** Sets each example's weight from its class. */
    void weigh(double[] classWeight) {
      for (var example : dataset) {
        example.setWeight((float) classWeight[Integer.parseInt(example.getOutput().getLabel())]);
      }
    }

    /** Tribuo's weight matrix (classes x features + bias) as a head. */
    Head head(DenseMatrix w, double[] mean, double[] scale) {
      double[][] dense = new double[classes][d];
      double[] bias = new double[classes];
      double[][] wide = ngrams == null ? null : new double[classes][ngrams.dims()];
      for (int c = 0; c < classes; c++) {
        int r = row[c];
        if (r < 0) {
          bias[c] = ABSENT_BIAS;
          continue;
        }
        bias[c] = w.get(r, column.length);
        for (int f = 0; f < column.length; f++) {
          int j = column[f];
          if (j >= 0) {
            dense[c][j] = w.get(r, f);
          } else {
            wide[c][-1 - j] = w.get(r, f);
          }
        }
      }
      LogisticHead head = new LogisticHead(mean.clone(), scale.clone(), dense, bias);
      return ngrams == null ? head : new WideHead(head, ngrams, wide);
    }
  }

  private TribuoLogistic() {}

  /**
   * Trains on {@code data} (its weights already set) with AdaGrad at {@code rate}. With {@code
   * fixedEpochs > 0}: that many epochs and the last weights. Otherwise up to {@code maxEpochs},
   * scoring each epoch's head with {@code devScore} and stopping after {@code patience} epochs
   * without a better score (a tie counts as better, as in the hand-written trainer); the best
   * epoch's head is kept.
   */
  static HeadFit train(Data data, double[] mean, double[] scale, double rate, long seed, int maxEpochs, int patience,
      int fixedEpochs, ToDoubleFunction<Head> devScore, HeadSettings settings) {
    int epochs = fixedEpochs > 0 ? fixedEpochs : maxEpochs;
    Curve curve = new Curve();
    Watch watch = new Watch(new AdaGrad(rate, EPSILON), data.dataset.size());
    if (fixedEpochs == 0) {
      watch.onEpoch = epoch -> {
        Head head = data.head(watch.parameters.getWeightMatrix(), mean, scale);
        if (!curve.add(epoch, head, devScore.applyAsDouble(head), patience)) {
          throw Stop.INSTANCE;
        }
      };
    }
    LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), watch, epochs, -1, 1, seed);
    LinearSGDModel model;
    try {
      model = trainer.train(data.dataset);
    } catch (Stop stop) {
      return curve.fit(settings);
    }
    if (fixedEpochs > 0) {
      return new HeadFit(data.head(model.getWeightsCopy(), mean, scale), epochs, epochs, List.of(), settings);
    }
    return curve.fit(settings);
  }

  /** Dev scores per epoch and the best epoch's head so far. */
  private static final class Curve {
    private final List<Double> scores = new ArrayList<>();
    private Head best;
    private double bestScore = Double.NEGATIVE_INFINITY;
    private int bestEpoch;
    private int epochs;

    /** Records an epoch; false once {@code patience} epochs have passed without a better score. */
    boolean add(int epoch, Head head, double score, int patience) {
      epochs = epoch;
      scores.add(score);
      if (score >= bestScore) {
        bestScore = score;
        bestEpoch = epoch;
        best = head;
        return true;
      }
      return epoch - bestEpoch < patience;
    }

    HeadFit fit(HeadSettings settings) {
      return new HeadFit(best, epochs, bestEpoch, scores, settings);
    }
  }

  /** Thrown from the optimiser to end a run early; carries nothing. */
  private static final class Stop extends RuntimeException {
    static final Stop INSTANCE = new Stop();

    private Stop() {
      super("early stop", null, false, false);
    }
  }

  /**
   * AdaGrad plus a call at the end of every epoch. Tribuo's trainer calls {@link #initialise} with
   * the parameters it trains, then {@link #step} once per example before applying it, then {@link
   * #finalise}: so when step {@code e * n + 1} arrives, or at finalise, the parameters are those
   * after epoch {@code e}. Single use: {@link #copy} returns this object, since the trainer copies
   * its optimiser before training and the callback must stay attached.
   */
  private static final class Watch implements StochasticGradientOptimiser {
    private final StochasticGradientOptimiser inner;
    private final int stepsPerEpoch;
    IntConsumer onEpoch = epoch -> {};
    LinearParameters parameters;
    private long steps;

    Watch(StochasticGradientOptimiser inner, int stepsPerEpoch) {
      this.inner = inner;
      this.stepsPerEpoch = stepsPerEpoch;
    }

    @Override
    public void initialise(Parameters p) {
      parameters = (LinearParameters) p;
      steps = 0;
      inner.initialise(p);
    }

    @Override
    public Tensor[] step(Tensor[] updates, double weight) {
      if (steps > 0 && steps % stepsPerEpoch == 0) {
        onEpoch.accept((int) (steps / stepsPerEpoch));
      }
      steps++;
      return inner.step(updates, weight);
    }

    @Override
    public void finalise() {
      inner.finalise();
      onEpoch.accept((int) (steps / stepsPerEpoch));
    }

    @Override
    public void reset() {
      inner.reset();
    }

    @Override
    public StochasticGradientOptimiser copy() {
      return this;
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
      return inner.getProvenance();
    }

    @Override
    public String toString() {
      return inner.toString();
    }
  }
}
