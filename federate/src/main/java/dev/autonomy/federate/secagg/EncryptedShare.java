package dev.autonomy.federate.secagg;

import java.util.Arrays;

/**
 * One client's shares of its two secrets (self-mask seed and mask private key) for one other
 * client, encrypted with AES-GCM under a key agreed between the two; the server only routes it.
 *
 * @param roundId the round
 * @param from the client whose secrets these are shares of
 * @param to the client that holds them
 * @param ciphertext nonce, then AES-GCM ciphertext and tag
 */
// Arrays are copied in and out, and equals/hashCode compare contents.
@SuppressWarnings("ArrayRecordComponent")
public record EncryptedShare(long roundId, int from, int to, byte[] ciphertext)
    implements SecAggMessage {
  public EncryptedShare {
    SecAggMessage.requireClientId(from, "encrypted share: from");
    SecAggMessage.requireClientId(to, "encrypted share: to");
    if (from == to) {
      throw new IllegalArgumentException(
          "encrypted share: from and to must differ, both were " + from);
    }
    if (ciphertext == null) {
      throw new IllegalArgumentException("encrypted share: ciphertext must not be null");
    }
    ciphertext = ciphertext.clone();
  }

  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EncryptedShare that
        && roundId == that.roundId
        && from == that.from
        && to == that.to
        && Arrays.equals(ciphertext, that.ciphertext);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * Long.hashCode(roundId) + from) + to) + Arrays.hashCode(ciphertext);
  }

  @Override
  public String toString() {
    return "EncryptedShare[round "
        + roundId
        + ", "
        + from
        + " -> "
        + to
        + ", "
        + ciphertext.length
        + " bytes]";
  }
}
