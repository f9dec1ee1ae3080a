package dev.autonomy.vault;

import dev.autonomy.core.AutonomyException;

/** The vault could not be read or written; the message names the vault file. */
public final class VaultException extends AutonomyException {
  private static final long serialVersionUID = 1L;

  VaultException(String message, Throwable cause) {
    super(message, cause);
  }

  VaultException(String message) {
    super(message);
  }
}
