package dev.autonomy.engine.rank;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Ids of logged decisions ({@code rec-1a2b3c4d5e}, {@code plan-...}). They come from their own
 * secure source, apart from the seeded draws of a ranking policy: a run with a fixed seed repeats
 * its choices, but never an id the vault already holds.
 */
public final class DecisionIds {
  private static final SecureRandom SOURCE = new SecureRandom();
  /** 40 bits: short enough to type, and a clash within a person's lifetime of decisions is unlikely (about 1e-4 at 15,000). */
  private static final int BYTES = 5;

  private DecisionIds() {}

  /** A fresh id: {@code prefix}, a dash, and 10 hex digits. */
  public static String next(String prefix) {
    byte[] bytes = new byte[BYTES];
    SOURCE.nextBytes(bytes);
    return prefix + "-" + HexFormat.of().formatHex(bytes);
  }
}
