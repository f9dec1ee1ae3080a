package dev.autonomy.federate.secagg;

/**
 * A message of the secure-aggregation protocol. Every one names its round, so that a message
 * recorded in one round and replayed into another is refused rather than mixed in.
 */
public sealed interface SecAggMessage
    permits AdvertiseKeys, EncryptedShare, ShareKeys, MaskedInput, UnmaskRequest, UnmaskResponse {
  /** The round this message belongs to. */
  long roundId();

  /** Client ids are the x-coordinates of Shamir shares, so they must be positive. */
  static int requireClientId(int clientId, String field) {
    if (clientId <= 0) {
      throw new IllegalArgumentException(field + " must be a client id > 0, was " + clientId);
    }
    return clientId;
  }
}
