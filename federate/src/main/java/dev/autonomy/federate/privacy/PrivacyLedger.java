package dev.autonomy.federate.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * What a dataset (or a client population) has been through so far: rounds of the sampled Gaussian
 * mechanism, each with its own sampling rate and noise, in order. Immutable; {@link #record}
 * returns a longer ledger. The accountant reads the epsilon spent off it.
 *
 * @param entries the mechanisms run, with how many times each was run in a row
 */
public record PrivacyLedger(List<Entry> entries) {
  /** The empty ledger: nothing spent. */
  public static final PrivacyLedger EMPTY = new PrivacyLedger(List.of());

  /**
   * {@code steps} runs of one mechanism.
   *
   * @param mechanism the mechanism
   * @param steps how many times it ran, > 0
   */
  public record Entry(SampledGaussian mechanism, long steps) {
    public Entry {
      if (mechanism == null) {
        throw new IllegalArgumentException("ledger entry: mechanism must not be null");
      }
      if (steps <= 0) {
        throw new IllegalArgumentException("ledger entry: steps must be > 0, was " + steps);
      }
    }
  }

  public PrivacyLedger {
    entries = List.copyOf(entries);
  }

  /** This ledger with {@code steps} more runs of {@code mechanism}. */
  public PrivacyLedger record(SampledGaussian mechanism, long steps) {
    List<Entry> longer = new ArrayList<>(entries);
    longer.add(new Entry(mechanism, steps));
    return new PrivacyLedger(longer);
  }

  /** The total number of steps recorded. */
  public long steps() {
    return entries.stream().mapToLong(Entry::steps).sum();
  }
}
