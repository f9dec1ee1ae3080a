package dev.autonomy.core;

/**
 * A failure of ours, not of the person's input: the vault, a saved model or the disk could not be
 * read or written. The message says what failed and where; the cause is kept for the log.
 */
public class AutonomyFailure extends AutonomyException {
  private static final long serialVersionUID = 1L;

  public AutonomyFailure(String message) {
    super(message);
  }

  public AutonomyFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
