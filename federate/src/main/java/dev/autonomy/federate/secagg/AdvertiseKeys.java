package dev.autonomy.federate.secagg;

import java.util.Arrays;

/**
 * Round 0, client to server: a client's two X25519 public keys (X.509-encoded). The server sends
 * the list of all of them to every client. {@code encryptionKey} keys the channel that carries
 * shares between two clients; {@code maskKey} agrees the pairwise mask seeds.
 *
 * @param roundId the round
 * @param clientId the sender
 * @param encryptionKey the sender's public key for share encryption ({@code c} in the paper)
 * @param maskKey the sender's public key for mask agreement ({@code s} in the paper)
 */
// Arrays are copied in and out, and equals/hashCode compare contents.
@SuppressWarnings("ArrayRecordComponent")
public record AdvertiseKeys(long roundId, int clientId, byte[] encryptionKey, byte[] maskKey)
    implements SecAggMessage {
  public AdvertiseKeys {
    SecAggMessage.requireClientId(clientId, "advertised keys: clientId");
    if (encryptionKey == null || maskKey == null) {
      throw new IllegalArgumentException(
          "advertised keys of client " + clientId + ": both public keys must be given");
    }
    encryptionKey = encryptionKey.clone();
    maskKey = maskKey.clone();
  }

  @Override
  public byte[] encryptionKey() {
    return encryptionKey.clone();
  }

  @Override
  public byte[] maskKey() {
    return maskKey.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AdvertiseKeys that
        && roundId == that.roundId
        && clientId == that.clientId
        && Arrays.equals(encryptionKey, that.encryptionKey)
        && Arrays.equals(maskKey, that.maskKey);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Long.hashCode(roundId) + clientId) + Arrays.hashCode(maskKey);
  }

  @Override
  public String toString() {
    return "AdvertiseKeys[round " + roundId + ", client " + clientId + "]";
  }
}
