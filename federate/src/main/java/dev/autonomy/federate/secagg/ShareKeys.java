package dev.autonomy.federate.secagg;

import java.util.List;

/**
 * Round 1, client to server: the sender's encrypted shares, one for every other client on the
 * roster. Clients whose shares reach the server form the set U2 that masks are built over.
 *
 * @param roundId the round
 * @param clientId the sender
 * @param shares one per other client of the roster
 */
public record ShareKeys(long roundId, int clientId, List<EncryptedShare> shares)
    implements SecAggMessage {
  public ShareKeys {
    SecAggMessage.requireClientId(clientId, "share keys: clientId");
    if (shares == null) {
      throw new IllegalArgumentException("share keys of client " + clientId + ": shares is null");
    }
    shares = List.copyOf(shares);
  }
}
