package dev.autonomy.core;

/**
 * The person named something that does not exist: a recommendation id, a rule, a source, a
 * model. The message lists what does exist where that helps.
 */
public class NotFoundException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
