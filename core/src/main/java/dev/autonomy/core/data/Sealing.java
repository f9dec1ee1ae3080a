package dev.autonomy.core.data;

import dev.autonomy.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How the files a vault keeps beside its database (trained text models, fine-tuned weights) are
 * written: sealed with authenticated encryption when the vault is encrypted, as they are when it is
 * clear. A sealed file starts with {@link #MAGIC}; the rest is the vault's to read. Each file is
 * sealed under its own file name, so a sealed file renamed or swapped for another does not open.
 */
public interface Sealing {
  /** The first bytes of every sealed file. */
  byte[] MAGIC = "AUTONOMY-SEALED1".getBytes(StandardCharsets.US_ASCII);

  /** A clear vault's: bytes are written and read as they are; a sealed file is refused. */
  Sealing CLEAR = new Sealing() {
    @Override
    public boolean encrypts() {
      return false;
    }

    @Override
    public byte[] seal(byte[] clear, String name) {
      return clear;
    }

    @Override
    public byte[] open(byte[] stored, String name) {
      if (isSealed(stored)) {
        throw new InvalidInputException(name + " is sealed with an encrypted vault's key; open it through that vault "
            + "(with its passphrase)");
      }
      return stored;
    }
  };

  /** Whether files are sealed (an encrypted vault) or kept clear. */
  boolean encrypts();

  /** What to write for {@code clear} as the file {@code name} (a file name, not a path). */
  byte[] seal(byte[] clear, String name);

  /**
   * The clear content of the file {@code name} that holds {@code stored}.
   *
   * @throws InvalidInputException when it cannot be opened: damaged, renamed, sealed by another vault
   */
  byte[] open(byte[] stored, String name);

  /** Whether {@code stored} starts like a sealed file. */
  static boolean isSealed(byte[] stored) {
    return stored.length >= MAGIC.length && Arrays.equals(stored, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
  }
}
