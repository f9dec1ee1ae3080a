package dev.autonomy.engine.data;

import dev.autonomy.engine.collect.Collector;
import dev.autonomy.engine.desire.Desires;
import dev.autonomy.engine.policy.PolicyBook;
import dev.autonomy.engine.state.PersonStates;
import dev.autonomy.vault.SignalStore;
import dev.autonomy.vault.SourceInfo;
import dev.autonomy.vault.Vault;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Forgetting what the person asks to forget, with everything derived from it. */
public final class Forgetting {
  private final Vault vault;
  private final PersonStates states;
  private final Desires desires;
  private final PolicyBook policies;

  public Forgetting(Vault vault, PersonStates states, Desires desires, PolicyBook policies) {
    this.vault = vault;
    this.states = states;
    this.desires = desires;
    this.policies = policies;
  }

  /**
   * Forgets the source(s) {@code reference} names: a source id as {@code sources} lists it, the path
   * a file was imported from (every version imported from there), or a file name that only one
   * source has. A signal another source brought too stays. With the signals go what was derived
   * from them: the values logged with every decision made since the source came in (see {@link
   * dev.autonomy.vault.DerivedValues}), what the learned ranking policies learned from those
   * (relearned from the feedback left), the state, note scores and desire model (rebuilt without it
   * on next use); then the database file is rewritten so no trace is left in it.
   */
  public SignalStore.Forgotten source(String reference) {
    List<SourceInfo> sources = vault.signals().resolve(reference, asPath(reference));
    SignalStore.Forgotten forgotten = vault.signals().forget(sources);
    if (forgotten.decisionsCleared() > 0) {
      policies.relearn(vault.decisions().taught());
    }
    states.forgetDerived();
    desires.forget();
    vault.compact();
    return forgotten;
  }

  private static Optional<String> asPath(String reference) {
    try {
      return Optional.of(Collector.origin(Path.of(reference)));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }
}
