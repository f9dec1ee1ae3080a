package dev.autonomy.vault;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the person's passphrase comes from. The vault asks only when it needs one (an encrypted
 * vault, or a new one), so a clear vault opens without a prompt. Only the shells read the
 * environment or a terminal; the library takes what this returns.
 */
public interface PassphraseSource {
  /** The passphrase of the encrypted vault in {@code home}; empty when there is none to be had. */
  Optional<Passphrase> unlock(Path home);

  /**
   * A passphrase for the new vault in {@code home} (a shell asks twice on a terminal); empty: the
   * new vault stays clear.
   */
  Optional<Passphrase> choose(Path home);

  /** No passphrase: new vaults stay clear, an encrypted one cannot be opened. */
  static PassphraseSource none() {
    return given(Optional.empty());
  }

  /** The same passphrase for both questions. */
  static PassphraseSource of(Passphrase passphrase) {
    return given(Optional.of(passphrase));
  }

  private static PassphraseSource given(Optional<Passphrase> passphrase) {
    return new PassphraseSource() {
      @Override
      public Optional<Passphrase> unlock(Path home) {
        return passphrase;
      }

      @Override
      public Optional<Passphrase> choose(Path home) {
        return passphrase;
      }
    };
  }
}
