package dev.autonomy.vault;

import dev.autonomy.core.InvalidInputException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The person's passphrase, from which the vault's key is derived. Held as characters (never a
 * String, which cannot be wiped), copied in and wiped by {@link #wipe}; it never prints.
 */
public final class Passphrase {
  /** The fewest characters a new passphrase may have. */
  public static final int MIN_NEW_LENGTH = 8;

  private final char[] chars;

  private Passphrase(char[] chars) {
    this.chars = chars;
  }

  /**
   * A passphrase holding a copy of {@code chars} (the caller may wipe its own array).
   *
   * @throws InvalidInputException when it is empty
   */
  public static Passphrase of(char[] chars) {
    Objects.requireNonNull(chars, "chars");
    if (chars.length == 0) {
      throw new InvalidInputException("passphrase: empty; give the vault's passphrase");
    }
    return new Passphrase(chars.clone());
  }

  /**
   * This passphrase, checked as one a vault may be encrypted with from now on.
   *
   * @throws InvalidInputException when it is shorter than {@value #MIN_NEW_LENGTH} characters
   */
  public Passphrase requireNewEnough() {
    if (chars.length < MIN_NEW_LENGTH) {
      throw new InvalidInputException("new passphrase: " + chars.length + " characters; choose one of at least "
          + MIN_NEW_LENGTH + " (a few words are easier to remember than symbols); nothing was changed");
    }
    return this;
  }

  /** A copy of the characters, for the key derivation (which wipes it). */
  char[] chars() {
    return chars.clone();
  }

  /** Overwrites the characters; the passphrase is unusable afterwards. */
  public void wipe() {
    Arrays.fill(chars, '\0');
  }

  @Override
  public String toString() {
    return "Passphrase[hidden]";
  }
}
