package dev.autonomy.federate.privacy;

/**
 * One step of the Poisson-subsampled Gaussian mechanism, the step DP-SGD and DP federated averaging
 * take: each record (or client) is included independently with probability {@code samplingRate},
 * the included contributions are clipped to L2 norm C and summed, and Gaussian noise of standard
 * deviation {@code noiseMultiplier * C} is added. Neighbouring datasets differ by adding or
 * removing one record.
 *
 * @param samplingRate q, in [0, 1]; 1 is the plain Gaussian mechanism
 * @param noiseMultiplier sigma, the noise's standard deviation over the clipping norm; 0 means no
 *     privacy at all
 */
public record SampledGaussian(double samplingRate, double noiseMultiplier) {
  public SampledGaussian {
    if (!(samplingRate >= 0.0 && samplingRate <= 1.0)) {
      throw new IllegalArgumentException(
          "sampled Gaussian: samplingRate must be in [0, 1], was " + samplingRate);
    }
    if (!(noiseMultiplier >= 0.0) || Double.isInfinite(noiseMultiplier)) {
      throw new IllegalArgumentException(
          "sampled Gaussian: noiseMultiplier must be a finite number >= 0, was " + noiseMultiplier);
    }
  }
}
