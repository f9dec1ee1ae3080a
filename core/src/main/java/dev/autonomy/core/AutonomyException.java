package dev.autonomy.core;

/**
 * Root of every exception Autonomy throws on purpose.
 *
 * <p>Edges translate the two kinds apart: a {@link InvalidInputException} is the person's input
 * being wrong (the CLI exits 2, a server answers 4xx); anything else is a failure of ours (exit 1,
 * 5xx).
 */
public class AutonomyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AutonomyException(String message) {
    super(message);
  }

  public AutonomyException(String message, Throwable cause) {
    super(message, cause);
  }
}
