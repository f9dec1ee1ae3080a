package dev.autonomy.core;

/**
 * Root of every exception Autonomy throws on purpose. There are two kinds, and the edges translate
 * them apart:
 *
 * <ul>
 *   <li>{@link InvalidInputException}: the person's error — bad input, or a request refused by one
 *       of their rules or a limit ({@link RefusedException}), or naming something that does not
 *       exist ({@link NotFoundException}). The CLI exits 2; the server answers 400, 403 or 404
 *       with an {@code application/problem+json} body. The message says what to change.
 *   <li>{@link AutonomyFailure}: ours — the vault, a model file or the disk failed. The CLI exits
 *       1; the server answers 500 and logs the cause.
 * </ul>
 *
 * Anything else that escapes (an {@code IllegalArgumentException} from a broken invariant, say)
 * is a bug of ours and is treated as a failure.
 */
public abstract class AutonomyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected AutonomyException(String message) {
    super(message);
  }

  protected AutonomyException(String message, Throwable cause) {
    super(message, cause);
  }
}
