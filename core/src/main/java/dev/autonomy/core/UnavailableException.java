package dev.autonomy.core;

/**
 * The vault cannot be used now, through no error in the request: another process holds it (and
 * held it longer than the busy timeout), or it was erased or replaced under this process, which
 * then stops using it. Nothing was changed. The server answers 503; the CLI exits 1.
 */
public class UnavailableException extends AutonomyFailure {
  private static final long serialVersionUID = 1L;

  public UnavailableException(String message) {
    super(message);
  }

  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
