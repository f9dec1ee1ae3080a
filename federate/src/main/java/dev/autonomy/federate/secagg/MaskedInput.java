package dev.autonomy.federate.secagg;

import java.util.Arrays;

/**
 * Round 2, client to server: the client's fixed-point update plus its self mask and its pairwise
 * masks, mod 2^64. Alone it is uniformly distributed, whatever the update.
 *
 * @param roundId the round
 * @param clientId the sender
 * @param masked {@code y_u = x_u + PRG(b_u) + sum_{v>u} PRG(s_uv) - sum_{v<u} PRG(s_uv)}
 */
// Arrays are copied in and out, and equals/hashCode compare contents.
@SuppressWarnings("ArrayRecordComponent")
public record MaskedInput(long roundId, int clientId, long[] masked) implements SecAggMessage {
  public MaskedInput {
    SecAggMessage.requireClientId(clientId, "masked input: clientId");
    if (masked == null) {
      throw new IllegalArgumentException("masked input of client " + clientId + ": vector is null");
    }
    masked = masked.clone();
  }

  @Override
  public long[] masked() {
    return masked.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MaskedInput that
        && roundId == that.roundId
        && clientId == that.clientId
        && Arrays.equals(masked, that.masked);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Long.hashCode(roundId) + clientId) + Arrays.hashCode(masked);
  }

  @Override
  public String toString() {
    return "MaskedInput[round "
        + roundId
        + ", client "
        + clientId
        + ", dimension "
        + masked.length
        + "]";
  }
}
