package dev.autonomy.text.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeadTrainerTest {
  /** Three Gaussian blobs in 20 dimensions, 2:1:0.5 imbalance, seeded. */
  static float[][] blobs(int n, int[] y, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] x = new float[n][20];
    for (int i = 0; i < n; i++) {
      double u = r.nextDouble();
      y[i] = u < 0.57 ? 0 : u < 0.86 ? 1 : 2;
      for (int j = 0; j < 20; j++) {
        x[i][j] = (float) (r.nextGaussian() * 0.5 + (j == y[i] * 3 ? 2.0 : 0.0));
      }
    }
    return x;
  }

  static double accuracy(Head head, float[][] x, int[] y) {
    int right = 0;
    for (int i = 0; i < x.length; i++) {
      right += HeadTrainer.argmax(head.probabilities(x[i])) == y[i] ? 1 : 0;
    }
    return (double) right / x.length;
  }

  @Test
  void bothHeads_learnASeparableSet() {
    int[] y = new int[600];
    float[][] x = blobs(600, y, 1);
    int[] devY = new int[200];
    float[][] devX = blobs(200, devY, 2);
    int[] testY = new int[400];
    float[][] testX = blobs(400, testY, 3);
    for (HeadSettings s : List.of(HeadSettings.logreg(), HeadSettings.mlp())) {
      HeadFit fit = new HeadTrainer(s, 42).fit(x, y, 3, devX, devY);
      assertThat(accuracy(fit.head(), testX, testY)).as(s.kind()).isGreaterThan(0.97);
      assertThat(fit.bestEpoch()).isBetween(1, fit.epochs());
      double sum = 0;
      for (double p : fit.head().probabilities(testX[0])) {
        sum += p;
      }
      assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    }
  }

  @Test
  void sameSeed_sameWeights_otherSeed_otherWeights() {
    int[] y = new int[200];
    float[][] x = blobs(200, y, 5);
    HeadSettings s = HeadSettings.mlp().withMaxEpochs(3);
    MlpHead a = (MlpHead) new HeadTrainer(s, 9).fit(x, y, 3, new float[0][], new int[0]).head();
    MlpHead b = (MlpHead) new HeadTrainer(s, 9).fit(x, y, 3, new float[0][], new int[0]).head();
    MlpHead c = (MlpHead) new HeadTrainer(s, 10).fit(x, y, 3, new float[0][], new int[0]).head();
    assertThat(a.w1()).isDeepEqualTo(b.w1());
    assertThat(a.w1()[0]).isNotEqualTo(c.w1()[0]);
  }

  @Test
  void classWeights_raiseRecallOfARareClass() {
    // overlapping classes, 95:5; the weighted head must find more of the rare class
    SplittableRandom r = new SplittableRandom(11);
    int n = 2000;
    float[][] x = new float[n][2];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = r.nextDouble() < 0.05 ? 1 : 0;
      x[i][0] = (float) (r.nextGaussian() + (y[i] == 1 ? 1.5 : 0));
      x[i][1] = (float) r.nextGaussian();
    }
    HeadSettings weighted = HeadSettings.logreg().withMaxEpochs(10);
    HeadSettings plain = new HeadSettings("logreg", 0, 1e-3, 3e-3, 10, 10, 32, false);
    Head w = new HeadTrainer(weighted, 1).fit(x, y, 2, new float[0][], new int[0]).head();
    Head p = new HeadTrainer(plain, 1).fit(x, y, 2, new float[0][], new int[0]).head();
    assertThat(recall(w, x, y, 1)).isGreaterThan(recall(p, x, y, 1) + 0.2);
  }

  private static double recall(Head h, float[][] x, int[] y, int c) {
    int tp = 0, n = 0;
    for (int i = 0; i < x.length; i++) {
      if (y[i] == c) {
        n++;
        tp += HeadTrainer.argmax(h.probabilities(x[i])) == c ? 1 : 0;
      }
    }
    return (double) tp / n;
  }

  /**
   * The hand-written backward pass against central finite differences of the objective it
   * descends: the mean of weighted softmax cross-entropies plus (l2 / 2) |W|^2 on the decayed
   * blocks (the n-gram block's decay is applied lazily in the step, so its check is on the data
   * term). Small random nets, every parameter.
   */
  @ParameterizedTest(name = "{0}, n-grams {1}")
  @CsvSource({"logreg, false", "logreg, true", "mlp, false", "mlp, true"})
  void gradient_matchesFiniteDifferences(String kind, boolean withNgrams) {
    SplittableRandom r = new SplittableRandom(3);
    int d = 6;
    int k = 3;
    HeadTrainer.Net net = kind.equals("mlp") ? HeadTrainer.Net.mlp(d, 5, k, r) : HeadTrainer.Net.logistic(d, k);
    for (double[] block : net.params) {
      for (int i = 0; i < block.length; i++) {
        block[i] = r.nextGaussian();
      }
    }
    Ngrams ngrams = new Ngrams(256, 2, 0);
    List<String> texts = List.of("profit rose 5 %", "sales fell sharply", "profit fell", "the board met", "sales rose");
    SparseVector[] s = new SparseVector[texts.size()];
    if (withNgrams) {
      net.addWide(ngrams);
      for (int i = 0; i < net.wide.length; i++) {
        net.wide[i] = r.nextGaussian();
      }
      for (int i = 0; i < s.length; i++) {
        s[i] = ngrams.features(texts.get(i));
      }
    }
    double[][] z = new double[texts.size()][d];
    for (double[] row : z) {
      for (int j = 0; j < d; j++) {
        row[j] = r.nextGaussian();
      }
    }
    int[] y = {0, 1, 1, 2, 0};
    double[] weight = {1.0, 0.5, 0.5, 2.5, 1.0};
    double l2 = 0.03;

    net.zeroGrad();
    for (int i = 0; i < z.length; i++) {
      net.backward(z[i], s[i], y[i], weight[i]);
    }
    net.finishGrad(z.length, l2);

    double h = 1e-6;
    int checked = 0;
    for (int p = 0; p < net.params.length; p++) {
      double[] block = net.params[p];
      for (int i = 0; i < block.length; i++) {
        double numeric = centralDifference(net, block, i, h, z, s, y, weight, l2);
        assertThat(net.grads[p][i]).as("block %d, entry %d", p, i).isCloseTo(numeric, within(1e-6));
        checked++;
      }
    }
    if (withNgrams) {
      for (int i = 0; i < net.wide.length; i++) {
        double analytic = net.wideGrad[i] / z.length;
        if (analytic == 0) {
          continue;
        }
        double numeric = centralDifference(net, net.wide, i, h, z, s, y, weight, l2);
        assertThat(analytic).as("n-gram entry %d", i).isCloseTo(numeric, within(1e-6));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(withNgrams ? 30 : 20);
  }

  private static double centralDifference(HeadTrainer.Net net, double[] block, int i, double h, double[][] z,
      SparseVector[] s, int[] y, double[] weight, double l2) {
    double saved = block[i];
    block[i] = saved + h;
    double up = objective(net, z, s, y, weight, l2);
    block[i] = saved - h;
    double down = objective(net, z, s, y, weight, l2);
    block[i] = saved;
    return (up - down) / (2 * h);
  }

  private static double objective(HeadTrainer.Net net, double[][] z, SparseVector[] s, int[] y, double[] weight, double l2) {
    double sum = 0;
    for (int i = 0; i < z.length; i++) {
      sum += weight[i] * net.loss(z[i], s[i], y[i]);
    }
    double j = sum / z.length;
    for (int p = 0; p < net.params.length; p++) {
      if (net.decays[p]) {
        for (double w : net.params[p]) {
          j += 0.5 * l2 * w * w;
        }
      }
    }
    return j;
  }

  @Test
  void fitSelected_onSeveralCores_choosesWhatFittingEachCandidateInTurnChooses_andReportsEach() {
    int[] y = new int[300];
    float[][] x = blobs(300, y, 5);
    int[] devY = new int[90];
    float[][] devX = blobs(90, devY, 6);
    String[] words = {"alpha", "beta", "gamma", "delta"};
    List<String> texts = java.util.stream.IntStream.range(0, 300).mapToObj(i -> words[y[i]] + " w" + (i % 7)).toList();
    List<String> devTexts = java.util.stream.IntStream.range(0, 90).mapToObj(i -> words[(devY[i] + i % 2) % 4] + " w" + (i % 5)).toList();
    HeadSettings settings = HeadSettings.forKind("logreg").withFeatures("embedding+ngrams").withMaxEpochs(8);
    List<int[]> heard = new java.util.ArrayList<>();
    HeadFit chosen = new HeadTrainer(settings, 3).fitSelected(x, texts, y, 3, devX, devTexts, devY,
        (done, total) -> heard.add(new int[] {done, total}));

    // the same choice, made the slow way: every candidate fitted in turn, compared in order
    HeadFit expected = null;
    double bestAccuracy = Double.NEGATIVE_INFINITY;
    List<Double> decays = new java.util.ArrayList<>(List.of(settings.lexicalL2()));
    HeadTrainer.LEXICAL_L2S.stream().filter(v -> !decays.contains(v)).forEach(decays::add);
    int candidates = 0;
    for (boolean weighted : new boolean[] {settings.classWeights(), !settings.classWeights()}) {
      for (double decay : decays) {
        for (double rate : HeadTrainer.LEXICAL_RATES) {
          candidates++;
          HeadSettings c = settings.withClassWeights(weighted).withLexicalRate(rate).withLexicalL2(decay);
          HeadFit f = new HeadTrainer(c, 3).fit(x, texts, y, 3, devX, devTexts, devY);
          int right = 0;
          for (int i = 0; i < devX.length; i++) {
            right += HeadTrainer.argmax(f.head().probabilities(devX[i], devTexts.get(i))) == devY[i] ? 1 : 0;
          }
          double accuracy = (double) right / devX.length;
          if (expected == null || accuracy > bestAccuracy
              || (accuracy == bestAccuracy && f.bestDevMacroF1() > expected.bestDevMacroF1())) {
            expected = f;
            bestAccuracy = accuracy;
          }
        }
      }
    }
    assertThat(chosen.settings()).isEqualTo(expected.settings());
    assertThat(chosen.devMacroF1()).isEqualTo(expected.devMacroF1());
    for (int i = 0; i < devX.length; i++) {
      assertThat(chosen.head().probabilities(devX[i], devTexts.get(i)))
          .containsExactly(expected.head().probabilities(devX[i], devTexts.get(i)), within(1e-12));
    }
    int total = candidates;
    assertThat(heard).hasSize(total);
    assertThat(heard).extracting(h -> h[0]).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, total).boxed().toList());
    assertThat(heard).allSatisfy(h -> assertThat(h[1]).isEqualTo(total));
  }
}
