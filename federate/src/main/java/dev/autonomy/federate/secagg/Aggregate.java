package dev.autonomy.federate.secagg;

import java.util.Arrays;
import java.util.Set;

/**
 * The outcome of one round: whose updates are in the sum, the exact sum in the ring and the same
 * sum decoded to doubles.
 *
 * @param roundId the round
 * @param included the clients whose masked input arrived (U3); their updates, and only theirs, are
 *     summed
 * @param ringSum the sum of their fixed-point updates, mod 2^64
 * @param sum {@code ringSum} decoded
 */
// Arrays are copied in and out, and equals/hashCode compare contents.
@SuppressWarnings("ArrayRecordComponent")
public record Aggregate(long roundId, Set<Integer> included, long[] ringSum, double[] sum) {
  public Aggregate {
    included = Set.copyOf(included);
    ringSum = ringSum.clone();
    sum = sum.clone();
    if (ringSum.length != sum.length) {
      throw new IllegalArgumentException(
          "aggregate: ringSum and sum must have the same length, were "
              + ringSum.length
              + " and "
              + sum.length);
    }
  }

  @Override
  public long[] ringSum() {
    return ringSum.clone();
  }

  @Override
  public double[] sum() {
    return sum.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Aggregate that
        && roundId == that.roundId
        && included.equals(that.included)
        && Arrays.equals(ringSum, that.ringSum)
        && Arrays.equals(sum, that.sum);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Long.hashCode(roundId) + included.hashCode()) + Arrays.hashCode(ringSum);
  }

  @Override
  public String toString() {
    return "Aggregate[round "
        + roundId
        + ", included "
        + included
        + ", sum "
        + Arrays.toString(sum)
        + "]";
  }
}
