package dev.autonomy.federate.secagg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What the server sees of one client, its masked input, must not depend on the client's update. Two
 * checks, each run on the masked inputs and, as a control that shows the check can fail, on the
 * unmasked fixed-point inputs:
 *
 * <ul>
 *   <li>uniformity: the top 4 bits of every coordinate fall in 16 bins; Pearson's chi-square with
 *       15 degrees of freedom stays below 37.70, its critical value at significance 0.001, both for
 *       an all-zero update and for an update at the clip everywhere;
 *   <li>a distinguisher that guesses "large" when the mean signed coordinate is above half the
 *       large value is right about half the time (within 0.5 +- 0.12, about 3.4 standard errors for
 *       200 guesses) on masked inputs, and always on plain ones.
 * </ul>
 */
class MaskedInputIndependenceTest {
  private static final double CHI_SQUARE_15_AT_0_001 = 37.697;
  private static final int BINS = 16;

  private static double[] zeros(int dimension) {
    return new double[dimension];
  }

  private static double[] large(RoundConfig config) {
    double[] update = new double[config.dimension()];
    Arrays.fill(update, config.encoding().clip());
    return update;
  }

  /** Client 1's masked input in a three-client round where client 1 sends {@code update}. */
  private static long[] maskedInputOfClientOne(RoundConfig config, double[] update, long seed) {
    Map<Integer, double[]> updates = new HashMap<>();
    updates.put(1, update);
    updates.put(2, zeros(config.dimension()));
    updates.put(3, zeros(config.dimension()));
    Rounds round = new Rounds(config, 3, seed).shareKeys();
    return round.sendMaskedInputs(updates, Set.of()).get(0).masked();
  }

  private static double chiSquareOfTopBits(long[] values) {
    long[] counts = new long[BINS];
    for (long value : values) {
      counts[(int) (value >>> 60)]++;
    }
    double expected = (double) values.length / BINS;
    double chiSquare = 0;
    for (long count : counts) {
      chiSquare += (count - expected) * (count - expected) / expected;
    }
    return chiSquare;
  }

  private static long[] concatenate(long[][] parts) {
    return Arrays.stream(parts).flatMapToLong(Arrays::stream).toArray();
  }

  @Test
  void maskedInput_isUniformOnTheRing_forAZeroAndALargeUpdate() {
    RoundConfig config = RoundConfig.of(51, 1024, 2);
    for (double[] update : new double[][] {zeros(1024), large(config)}) {
      long[][] masked = new long[8][];
      long[][] plain = new long[8][];
      for (int trial = 0; trial < 8; trial++) {
        masked[trial] = maskedInputOfClientOne(config, update, 100 + trial);
        plain[trial] = config.encoding().encode(update);
      }
      assertThat(chiSquareOfTopBits(concatenate(masked))).isLessThan(CHI_SQUARE_15_AT_0_001);
      // Control: the same test rejects the unmasked input outright.
      assertThat(chiSquareOfTopBits(concatenate(plain))).isGreaterThan(CHI_SQUARE_15_AT_0_001);
    }
  }

  @Test
  void aDistinguisher_doesNoBetterThanChanceOnMaskedInputs_andPerfectlyOnPlainOnes() {
    RoundConfig config = RoundConfig.of(52, 64, 2);
    double threshold = Math.scalb(config.encoding().clip(), config.encoding().fractionBits()) / 2;
    SplittableRandom coin = new SplittableRandom(2017);
    int trials = 200;
    int rightOnMasked = 0;
    int rightOnPlain = 0;
    for (int trial = 0; trial < trials; trial++) {
      boolean sentLarge = coin.nextBoolean();
      double[] update = sentLarge ? large(config) : zeros(config.dimension());
      if (guessesLarge(maskedInputOfClientOne(config, update, 1_000 + trial), threshold)
          == sentLarge) {
        rightOnMasked++;
      }
      if (guessesLarge(config.encoding().encode(update), threshold) == sentLarge) {
        rightOnPlain++;
      }
    }
    assertThat((double) rightOnMasked / trials).isBetween(0.38, 0.62);
    assertThat(rightOnPlain).isEqualTo(trials);
  }

  private static boolean guessesLarge(long[] vector, double threshold) {
    return Arrays.stream(vector).mapToDouble(v -> (double) v).average().orElseThrow() > threshold;
  }
}
