package dev.autonomy.federate.secagg;

/**
 * What every party of one secure-aggregation round agrees on before it starts: the round's id
 * (carried by every message, so a message replayed into another round is refused), the dimension of
 * the model update, the Shamir threshold {@code t} and the fixed-point encoding.
 *
 * <p>The threshold is the security knob: any {@code t} clients' shares rebuild a secret, so fewer
 * than {@code t} colluding clients (with the server) learn nothing of another client's masks, and
 * the round survives as long as at least {@code t} clients stay to the end. Bonawitz et al. take
 * {@code t > n/2} against a server that can lie about who dropped out; this class only requires
 * {@code t >= 2}.
 *
 * @param roundId the round, unique per aggregation
 * @param dimension the length of each model update
 * @param threshold how many clients' shares rebuild a secret (at least 2)
 * @param encoding how updates become ring elements
 */
public record RoundConfig(long roundId, int dimension, int threshold, FixedPoint encoding) {
  public RoundConfig {
    if (dimension <= 0) {
      throw new IllegalArgumentException(
          "round " + roundId + ": dimension must be > 0, was " + dimension);
    }
    if (threshold < 2) {
      throw new IllegalArgumentException(
          "round "
              + roundId
              + ": threshold must be >= 2 (with 1 a single client's share reveals a secret), was "
              + threshold);
    }
    if (encoding == null) {
      throw new IllegalArgumentException("round " + roundId + ": encoding must not be null");
    }
  }

  /** A round with the {@link FixedPoint#DEFAULT} encoding. */
  public static RoundConfig of(long roundId, int dimension, int threshold) {
    return new RoundConfig(roundId, dimension, threshold, FixedPoint.DEFAULT);
  }
}
