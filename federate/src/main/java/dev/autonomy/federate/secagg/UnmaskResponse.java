package dev.autonomy.federate.secagg;

import java.math.BigInteger;
import java.util.Map;

/**
 * Round 3, survivor to server: the sender's Shamir shares (its x-coordinate is its client id) of
 * the secrets the {@link UnmaskRequest} asked for, keyed by the client whose secret it is.
 *
 * @param roundId the round
 * @param clientId the sender, whose id is the shares' x-coordinate
 * @param seedShares shares of self-mask seeds, by owner
 * @param keyShares shares of mask private keys, by owner
 */
public record UnmaskResponse(
    long roundId,
    int clientId,
    Map<Integer, BigInteger> seedShares,
    Map<Integer, BigInteger> keyShares)
    implements SecAggMessage {
  public UnmaskResponse {
    SecAggMessage.requireClientId(clientId, "unmask response: clientId");
    if (seedShares == null || keyShares == null) {
      throw new IllegalArgumentException(
          "unmask response of client " + clientId + ": share maps must not be null");
    }
    seedShares = Map.copyOf(seedShares);
    keyShares = Map.copyOf(keyShares);
  }
}
