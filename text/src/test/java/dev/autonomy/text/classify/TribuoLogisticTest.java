package dev.autonomy.text.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

class TribuoLogisticTest {
  private static final List<String> TEXTS = List.of("profit rose", "sales fell", "the board met", "profit fell sharply",
      "sales rose 5 %", "no change", "loss widened", "record profit");

  @Test
  void tribuoHead_learnsASeparableSet() {
    int[] y = new int[600];
    float[][] x = HeadTrainerTest.blobs(600, y, 1);
    int[] devY = new int[200];
    float[][] devX = HeadTrainerTest.blobs(200, devY, 2);
    int[] testY = new int[400];
    float[][] testX = HeadTrainerTest.blobs(400, testY, 3);
    HeadFit fit = new HeadTrainer(HeadSettings.logreg(), 42, true).fitSelected(x, null, y, 3, devX, null, devY);
    assertThat(fit.head()).isInstanceOf(LogisticHead.class);
    assertThat(HeadTrainerTest.accuracy(fit.head(), testX, testY)).isGreaterThan(0.97);
    assertThat(fit.settings().batchSize()).isEqualTo(1);
    assertThat(HeadTrainer.TRIBUO_RATES).contains(fit.settings().learningRate());
  }

  /** The weights copied out of Tribuo give the probabilities Tribuo's own model gives. */
  @Test
  void copiedWeights_predictAsTribuosModel() {
    int n = TEXTS.size();
    int[] y = {0, 1, 2, 1, 0, 2, 1, 0};
    float[][] x = HeadTrainerTest.blobs(n, new int[n], 9);
    double[][] z = new double[n][];
    SparseVector[] s = new SparseVector[n];
    double[] mean = new double[20];
    double[] scale = new double[20];
    java.util.Arrays.fill(scale, 1);
    for (int i = 0; i < n; i++) {
      z[i] = Head.standardise(x[i], mean, scale);
      s[i] = Ngrams.DEFAULT.features(TEXTS.get(i));
    }
    TribuoLogistic.Data data = TribuoLogistic.Data.of(z, s, y, 3, Ngrams.DEFAULT);
    data.weigh(new double[] {1, 2, 0.5});
    LinearSGDModel model = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, TribuoLogistic.EPSILON), 4, -1, 1, 7)
        .train(data.dataset);
    Head head = data.head(model.getWeightsCopy(), mean, scale);
    assertThat(head).isInstanceOf(WideHead.class);
    int compared = 0;
    double furthestFromUniform = 0;
    for (Example<Label> example : data.dataset) {
      int row = TEXTS.indexOf(findText(example, s));
      double[] ours = head.probabilities(x[row], TEXTS.get(row));
      var scores = model.predict(example).getOutputScores();
      for (int c = 0; c < 3; c++) {
        assertThat(ours[c]).as("example %d class %d", row, c).isCloseTo(scores.get(Integer.toString(c)).getScore(), within(1e-9));
      }
      for (double p : ours) {
        furthestFromUniform = Math.max(furthestFromUniform, Math.abs(p - 1.0 / 3));
      }
      compared++;
    }
    assertThat(compared).isEqualTo(n);
    assertThat(furthestFromUniform).as("the model learnt something").isGreaterThan(0.1);
  }

  /** The dataset keeps the insertion order; identify an example by its n-gram names to be safe. */
  private static String findText(Example<Label> example, SparseVector[] s) {
    for (int i = 0; i < s.length; i++) {
      boolean all = true;
      for (int bucket : s[i].indices()) {
        all &= example.lookup("n" + bucket) != null;
      }
      if (all && example.size() == 20 + s[i].size()) {
        return TEXTS.get(i);
      }
    }
    throw new AssertionError("example not found: " + example);
  }

  /**
   * The end-of-epoch checkpoint reads the parameters Tribuo has after that epoch: the best epoch of
   * a scored run is the head a run of exactly that many epochs ends with, and patience cuts the
   * run short.
   */
  @Test
  void epochCheckpoints_matchFixedEpochRuns() {
    int[] y = new int[120];
    float[][] x = HeadTrainerTest.blobs(120, y, 4);
    double[] mean = new double[20];
    double[] scale = new double[20];
    java.util.Arrays.fill(scale, 1);
    double[][] z = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      z[i] = Head.standardise(x[i], mean, scale);
    }
    TribuoLogistic.Data data = TribuoLogistic.Data.of(z, null, y, 3, null);
    HeadSettings settings = HeadSettings.logreg();

    // every epoch ties, so the last one is kept
    HeadFit scored = TribuoLogistic.train(data, mean, scale, 0.1, 5, 3, 10, 0, head -> 0.5, settings);
    HeadFit fixed = TribuoLogistic.train(data, mean, scale, 0.1, 5, 3, 10, 3, head -> 0.5, settings);
    assertThat(scored.bestEpoch()).isEqualTo(3);
    assertThat(scored.devMacroF1()).hasSize(3);
    assertThat(((LogisticHead) scored.head()).weights()).isDeepEqualTo(((LogisticHead) fixed.head()).weights());
    assertThat(((LogisticHead) scored.head()).bias()).containsExactly(((LogisticHead) fixed.head()).bias());

    // scores fall after epoch 2: patience 2 stops after epoch 4 and keeps epoch 2
    AtomicInteger epoch = new AtomicInteger();
    HeadFit stopped = TribuoLogistic.train(data, mean, scale, 0.1, 5, 20, 2, 0,
        head -> epoch.incrementAndGet() <= 2 ? epoch.get() : 0, settings);
    HeadFit two = TribuoLogistic.train(data, mean, scale, 0.1, 5, 20, 2, 2, head -> 0, settings);
    assertThat(stopped.epochs()).isEqualTo(4);
    assertThat(stopped.bestEpoch()).isEqualTo(2);
    assertThat(((LogisticHead) stopped.head()).weights()).isDeepEqualTo(((LogisticHead) two.head()).weights());
  }
}
