package dev.autonomy.federate.secagg;

import dev.autonomy.core.InvalidInputException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shamir's t-of-n secret sharing of 32-byte secrets over GF(p), p = 2^521 - 1 (a Mersenne prime, so
 * every 256-bit secret is a field element with room to spare). A share is the value at x = the
 * holder's client id of a random polynomial of degree t - 1 whose constant term is the secret; any
 * t shares rebuild it by Lagrange interpolation at 0, and t - 1 shares say nothing about it.
 */
final class Shamir {
  static final BigInteger PRIME = BigInteger.ONE.shiftLeft(521).subtract(BigInteger.ONE);
  static final int SECRET_BYTES = 32;

  private Shamir() {}

  /**
   * Shares of {@code secret} for each holder in {@code holders}, any {@code threshold} of which
   * rebuild it.
   */
  static Map<Integer, BigInteger> split(
      byte[] secret, int threshold, List<Integer> holders, SecureRandom random) {
    if (secret.length != SECRET_BYTES) {
      throw new IllegalArgumentException(
          "shamir: secret must be " + SECRET_BYTES + " bytes, was " + secret.length);
    }
    if (holders.size() < threshold) {
      throw new IllegalArgumentException(
          "shamir: " + holders.size() + " holders cannot meet threshold " + threshold);
    }
    BigInteger[] coefficients = new BigInteger[threshold];
    coefficients[0] = new BigInteger(1, secret);
    for (int i = 1; i < threshold; i++) {
      coefficients[i] = uniformFieldElement(random);
    }
    Map<Integer, BigInteger> shares = new TreeMap<>();
    for (int holder : holders) {
      BigInteger x = BigInteger.valueOf(holder);
      BigInteger y = BigInteger.ZERO;
      for (int i = threshold - 1; i >= 0; i--) { // Horner
        y = y.multiply(x).add(coefficients[i]).mod(PRIME);
      }
      shares.put(holder, y);
    }
    return shares;
  }

  /**
   * The secret behind {@code shares} (x-coordinate to value). Uses the first {@code threshold}
   * shares and checks every further one lies on the same polynomial, so a corrupted share is
   * noticed when there is a spare rather than silently yielding a wrong mask.
   */
  static byte[] combine(Map<Integer, BigInteger> shares, int threshold, String what) {
    if (shares.size() < threshold) {
      throw new IllegalStateException(
          what + ": " + shares.size() + " shares cannot rebuild it, the threshold is " + threshold);
    }
    TreeMap<Integer, BigInteger> sorted = new TreeMap<>(shares);
    List<Integer> xs = List.copyOf(sorted.keySet()).subList(0, threshold);
    BigInteger secret = interpolate(sorted, xs, BigInteger.ZERO);
    for (Map.Entry<Integer, BigInteger> extra :
        sorted.tailMap(xs.get(threshold - 1), false).entrySet()) {
      BigInteger expected = interpolate(sorted, xs, BigInteger.valueOf(extra.getKey()));
      if (!expected.equals(extra.getValue().mod(PRIME))) {
        throw new InvalidInputException(
            what + ": the share held by client " + extra.getKey() + " disagrees with the others");
      }
    }
    if (secret.bitLength() > SECRET_BYTES * 8) {
      throw new InvalidInputException(
          what + ": the shares rebuild no 32-byte secret; one is corrupt");
    }
    byte[] raw = secret.toByteArray();
    byte[] out = new byte[SECRET_BYTES];
    int copy = Math.min(raw.length, SECRET_BYTES);
    System.arraycopy(raw, raw.length - copy, out, SECRET_BYTES - copy, copy);
    return out;
  }

  private static BigInteger interpolate(
      Map<Integer, BigInteger> shares, List<Integer> xs, BigInteger at) {
    BigInteger sum = BigInteger.ZERO;
    for (int xi : xs) {
      BigInteger numerator = BigInteger.ONE;
      BigInteger denominator = BigInteger.ONE;
      for (int xj : xs) {
        if (xj != xi) {
          numerator = numerator.multiply(at.subtract(BigInteger.valueOf(xj))).mod(PRIME);
          denominator = denominator.multiply(BigInteger.valueOf((long) xi - xj)).mod(PRIME);
        }
      }
      BigInteger basis = numerator.multiply(denominator.modInverse(PRIME));
      sum = sum.add(shares.get(xi).multiply(basis)).mod(PRIME);
    }
    return sum;
  }

  private static BigInteger uniformFieldElement(SecureRandom random) {
    BigInteger candidate;
    do {
      candidate = new BigInteger(521, random);
    } while (candidate.compareTo(PRIME) >= 0);
    return candidate;
  }
}
