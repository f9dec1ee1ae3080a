package dev.autonomy.solve.tsp;

import java.util.Arrays;

/**
 * A closed tour: {@code order} lists the cities (0-based) in visiting order, and {@code length} is
 * the TSPLIB length including the edge back to the first city.
 */
public record TspTour(int[] order, long length) {
  public TspTour {
    if (order == null) {
      throw new IllegalArgumentException("order must not be null");
    }
    if (length < 0) {
      throw new IllegalArgumentException("length must be >= 0, was " + length);
    }
    order = order.clone();
  }

  /** The tour with its length computed (and its permutation checked) on {@code instance}. */
  public static TspTour of(TspInstance instance, int[] order) {
    return new TspTour(order, instance.verifiedLength(order));
  }

  @Override
  public int[] order() {
    return order.clone();
  }

  /** City numbers as TSPLIB writes them, from 1. */
  public int[] tsplibOrder() {
    return Arrays.stream(order).map(c -> c + 1).toArray();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TspTour t && t.length == length && Arrays.equals(t.order, order);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(order) + Long.hashCode(length);
  }

  @Override
  public String toString() {
    return "TspTour[length=" + length + ", n=" + order.length + "]";
  }
}
