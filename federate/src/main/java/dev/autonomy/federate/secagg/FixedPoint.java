package dev.autonomy.federate.secagg;

/**
 * How a model update (a {@code double[]}) becomes ring elements that masks can hide and that add up
 * exactly: each coordinate is clipped to {@code [-clip, clip]} and rounded to a multiple of {@code
 * 2^-fractionBits}, held as a {@code long}; the ring is the integers mod 2^64, which Java's {@code
 * long} arithmetic is.
 *
 * <p>Masks wrap around the ring freely, but the unmasked sum must not: it is read back as a signed
 * two's-complement {@code long}, so the sum of {@code n} clipped inputs is exact while {@code n *
 * clip * 2^fractionBits <= 2^63 - 1}. {@link #maxSummands()} is that {@code n}; the aggregator
 * refuses a round with more clients. With the {@link #DEFAULT} (24 fraction bits, clip 1024) it is
 * 2^29 - 1 (about 537 million) clients.
 *
 * @param fractionBits bits after the binary point: the quantum is {@code 2^-fractionBits}
 * @param clip the largest magnitude a coordinate keeps; larger ones are clipped to it
 */
public record FixedPoint(int fractionBits, double clip) {
  /** 24 fraction bits (quantum 6e-8) and clip 1024. */
  public static final FixedPoint DEFAULT = new FixedPoint(24, 1024.0);

  public FixedPoint {
    if (fractionBits < 0 || fractionBits > 52) {
      throw new IllegalArgumentException(
          "fixed point: fractionBits must be in [0, 52], was " + fractionBits);
    }
    if (!(clip > 0.0) || Double.isInfinite(clip)) {
      throw new IllegalArgumentException(
          "fixed point: clip must be a finite number > 0, was " + clip);
    }
    // One client's largest value must leave room for at least two summands.
    if (Math.scalb(clip, fractionBits) > 0x1p62) {
      throw new IllegalArgumentException(
          "fixed point: clip * 2^fractionBits must be <= 2^62 so that two inputs can be summed, was"
              + " "
              + Math.scalb(clip, fractionBits));
    }
  }

  /** The step between representable values, {@code 2^-fractionBits}. */
  public double quantum() {
    return Math.scalb(1.0, -fractionBits);
  }

  /** How many clipped inputs can be summed without the signed sum leaving the ring. */
  public long maxSummands() {
    long largest = Math.round(Math.scalb(clip, fractionBits));
    return Long.MAX_VALUE / Math.max(1L, largest);
  }

  /** Clips and rounds each coordinate; a NaN or infinite coordinate is a caller's bug. */
  public long[] encode(double[] values) {
    long[] encoded = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      double value = values[i];
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException(
            "fixed point: coordinate " + i + " must be a finite number, was " + value);
      }
      double clipped = Math.max(-clip, Math.min(clip, value));
      encoded[i] = Math.round(Math.scalb(clipped, fractionBits));
    }
    return encoded;
  }

  /**
   * Reads ring elements back as signed values over {@code 2^fractionBits}. Exact as long as the sum
   * is within {@link #maxSummands()} inputs and below 2^53 in magnitude (a double's mantissa).
   */
  public double[] decode(long[] ring) {
    double[] decoded = new double[ring.length];
    for (int i = 0; i < ring.length; i++) {
      decoded[i] = Math.scalb((double) ring[i], -fractionBits);
    }
    return decoded;
  }
}
