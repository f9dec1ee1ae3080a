package dev.autonomy.core;

/**
 * A well-formed request that is refused: it would break one of the person's own rules, or go
 * past a limit they or Autonomy set. The message names the rule or limit and how to lift it.
 */
public class RefusedException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  public RefusedException(String message) {
    super(message);
  }

  public RefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
