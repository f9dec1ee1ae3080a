package dev.autonomy.engine.rank;

import dev.autonomy.bandit.Policy;
import java.util.List;
import java.util.Optional;

/**
 * The policies one request ranks through: the live one, whose list the person sees, and the
 * shadows that choose from the same candidates beside it, logged and never shown.
 *
 * @param live the live learned policy; empty while the fixed hand weights are live
 * @param shadows learned policies ranking in the shadow of the live one
 * @param fixedShadow whether the fixed hand weights also rank in the shadow (only while a learned
 *     policy is live)
 */
public record PolicyLineup(Optional<Policy> live, List<Policy> shadows, boolean fixedShadow) {
  public PolicyLineup {
    shadows = List.copyOf(shadows);
    if (fixedShadow && live.isEmpty()) {
      throw new IllegalArgumentException("the fixed hand weights cannot be a shadow while they are live");
    }
  }

  /** The fixed hand weights live, nothing in the shadow. */
  public static PolicyLineup fixed() {
    return new PolicyLineup(Optional.empty(), List.of(), false);
  }

  /** One live policy (the fixed weights when empty), nothing in the shadow. */
  public static PolicyLineup of(Optional<Policy> live) {
    return new PolicyLineup(live, List.of(), false);
  }
}
