package dev.autonomy.engine.state;

import dev.autonomy.vault.Vault;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value the engine derives from some areas of the vault, kept until one of those areas changes.
 *
 * <p>This is the engine's one cache rule: a derived value is current while the generation of every
 * vault area it was derived from (see {@link Vault#generation}) is the one it was derived at. Any
 * committed write to such an area, by this process or another, moves the generation, and the
 * next {@link #get} derives the value again. No caller invalidates anything by hand.
 *
 * @param <T> the derived value
 */
public final class Derived<T> {
  private final Vault vault;
  private final List<String> areas;
  private final Supplier<T> derive;
  private T value;
  private long[] derivedAt;

  public Derived(Vault vault, List<String> areas, Supplier<T> derive) {
    this.vault = Objects.requireNonNull(vault, "vault");
    this.areas = List.copyOf(areas);
    this.derive = Objects.requireNonNull(derive, "derive");
    if (this.areas.isEmpty()) {
      throw new IllegalArgumentException("a derived value needs at least one vault area it depends on");
    }
  }

  /** The value for the vault as it is now, derived again if an area it depends on changed. */
  public T get() {
    long[] now = generations();
    if (value == null || !Arrays.equals(now, derivedAt)) {
      T fresh = derive.get();
      value = fresh;
      derivedAt = now;
    }
    return value;
  }

  /**
   * Replaces the value after this process changed it and wrote it to the vault itself (online
   * learning stores the model it updated): the value is current as of the vault's state now.
   */
  public void set(T updated) {
    value = Objects.requireNonNull(updated, "updated");
    derivedAt = generations();
  }

  private long[] generations() {
    return vault.generations(areas);
  }
}
