package dev.autonomy.engine.federate;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.Requires;
import java.util.Random;

/**
 * A model update as it leaves a person's machine: scaled down to Euclidean norm at most {@code
 * clip}, then the person's share of the round's Gaussian noise added. The noise is distributed: each
 * of the {@code cohort} persons adds {@code N(0, (noiseMultiplier * clip)^2 / cohort)} per value, so
 * the sum the coordinator learns (through secure aggregation, never a single update) carries
 * {@code N(0, (noiseMultiplier * clip)^2)}: the Gaussian mechanism on a sum whose one person's part
 * is at most {@code clip} long. Trust assumption: the bound holds when every person of the cohort
 * adds their share; if some collude and leave theirs out, the sum is noised less (by the share of
 * those who do).
 *
 * @param values what is sent (clipped and noised)
 * @param normBefore the update's norm before clipping
 * @param clip the clip norm C
 * @param noiseMultiplier z, the sum's noise standard deviation in units of C (0: none)
 */
public record PrivateUpdate(double[] values, double normBefore, double clip, double noiseMultiplier) {
  public PrivateUpdate {
    Requires.nonNull(values, "values");
    values = values.clone();
    Requires.nonNegative(normBefore, "normBefore");
    if (!(clip > 0) || Double.isInfinite(clip)) {
      throw new InvalidInputException("clip norm must be > 0 and finite, was " + clip);
    }
    Requires.nonNegative(noiseMultiplier, "noiseMultiplier");
  }

  /** Clips {@code update} to {@code clip} and adds this person's share of the noise. */
  public static PrivateUpdate of(double[] update, double clip, double noiseMultiplier, int cohort, Random random) {
    Requires.positive(cohort, "cohort");
    double norm = 0;
    for (double v : update) {
      Requires.finite(v, "update value");
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    double scale = norm > clip ? clip / norm : 1.0;
    double sd = noiseMultiplier * clip / Math.sqrt(cohort);
    double[] out = new double[update.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = update[i] * scale + (sd > 0 ? sd * random.nextGaussian() : 0.0);
    }
    return new PrivateUpdate(out, norm, clip, noiseMultiplier);
  }

  /**
   * The noise standard deviation left in each weight of a model moved by one more round's mean
   * update, when it already held {@code before}: that round's mean carries {@code noiseMultiplier *
   * clip / cohort}, and independent rounds' noises add in variance.
   */
  public static double noiseAfterRound(double before, double noiseMultiplier, double clip, int cohort) {
    Requires.positive(cohort, "cohort");
    double added = noiseMultiplier * clip / cohort;
    return Math.sqrt(before * before + added * added);
  }

  public boolean clipped() {
    return normBefore > clip;
  }

  @Override
  public double[] values() {
    return values.clone();
  }
}
