package dev.autonomy.engine.data;

import dev.autonomy.engine.desire.Desires;
import dev.autonomy.engine.state.PersonStates;
import dev.autonomy.vault.Vault;

/** Forgetting what the person asks to forget, with everything derived from it. */
public final class Forgetting {
  private final Vault vault;
  private final PersonStates states;
  private final Desires desires;

  public Forgetting(Vault vault, PersonStates states, Desires desires) {
    this.vault = vault;
    this.states = states;
    this.desires = desires;
  }

  /**
   * Forgets one source: its signals, the state, note scores and desire model derived from them
   * (rebuilt without it on next use), then rewrites the database file so no trace is left in it.
   */
  public long source(String name) {
    long removed = vault.signals().forgetSource(name);
    states.forgetDerived();
    desires.forget();
    vault.compact();
    return removed;
  }
}
