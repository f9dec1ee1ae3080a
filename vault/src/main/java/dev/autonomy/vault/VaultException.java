package dev.autonomy.vault;

import dev.autonomy.core.AutonomyFailure;

/** The vault could not be read or written; the message names the vault file. */
final class VaultException extends AutonomyFailure {
  private static final long serialVersionUID = 1L;

  VaultException(String message, Throwable cause) {
    super(message, cause);
  }

  VaultException(String message) {
    super(message);
  }
}
