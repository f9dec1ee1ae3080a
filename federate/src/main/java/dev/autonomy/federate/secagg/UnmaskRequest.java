package dev.autonomy.federate.secagg;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Round 3, server to each survivor: whose self-mask seed shares to reveal (the clients whose masked
 * input arrived, U3) and whose mask-key shares to reveal (the clients that shared keys but then
 * dropped, U2 minus U3). A client refuses a request that names the same client in both.
 *
 * @param roundId the round
 * @param seedsOf clients whose self-mask seed ({@code b}) shares are asked for
 * @param keysOf clients whose mask private key ({@code s}) shares are asked for
 */
public record UnmaskRequest(long roundId, Set<Integer> seedsOf, Set<Integer> keysOf)
    implements SecAggMessage {
  public UnmaskRequest {
    if (seedsOf == null || keysOf == null) {
      throw new IllegalArgumentException(
          "unmask request for round " + roundId + ": seedsOf and keysOf must not be null");
    }
    // Sorted, unmodifiable copies: the request reads (and prints) the same on both sides.
    seedsOf = Collections.unmodifiableSortedSet(new TreeSet<>(seedsOf));
    keysOf = Collections.unmodifiableSortedSet(new TreeSet<>(keysOf));
  }
}
