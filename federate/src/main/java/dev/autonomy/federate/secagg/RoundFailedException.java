package dev.autonomy.federate.secagg;

import dev.autonomy.core.AutonomyFailure;

/**
 * A round that cannot produce a sum through no malformed message: too few clients stayed to the end
 * (fewer than the threshold), so the masks cannot be removed. Nothing is revealed; the coordinator
 * starts a new round.
 */
public class RoundFailedException extends AutonomyFailure {
  private static final long serialVersionUID = 1L;

  public RoundFailedException(String message) {
    super(message);
  }
}
