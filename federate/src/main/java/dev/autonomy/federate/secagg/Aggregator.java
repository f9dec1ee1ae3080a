package dev.autonomy.federate.secagg;

import dev.autonomy.core.InvalidInputException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The server's side of one secure-aggregation round: it routes keys and sealed shares, collects
 * masked inputs, asks the survivors for the shares that remove the masks, and returns the exact sum
 * of the survivors' updates. It never sees a single update: each masked input is uniformly random
 * on its own, and a client never gives it both secrets of the same client.
 *
 * <p>The round runs in four phases, each closed by the call that starts the next:
 *
 * <ol>
 *   <li>{@link #accept(AdvertiseKeys)} from each client, then {@link #roster()} (U1) to all;
 *   <li>{@link #accept(ShareKeys)}, then {@link #sharesFor(int)} to each sender (U2);
 *   <li>{@link #accept(MaskedInput)}, then {@link #unmaskRequest()} to each sender (U3);
 *   <li>{@link #accept(UnmaskResponse)}, then {@link #result()}.
 * </ol>
 *
 * A message for another round, from a client the phase does not know, twice from one client or of
 * the wrong dimension is refused with an {@link InvalidInputException} naming it; a phase that ends
 * with fewer than threshold clients fails with a {@link RoundFailedException}. Not thread-safe: the
 * coordinator serialises calls.
 */
public final class Aggregator {
  private enum Phase {
    ADVERTISE,
    SHARE,
    MASK,
    UNMASK,
    DONE
  }

  private final RoundConfig config;
  private final Map<Integer, AdvertiseKeys> advertised = new TreeMap<>();
  private final Map<Integer, ShareKeys> shared = new TreeMap<>();
  private final Map<Integer, long[]> maskedInputs = new TreeMap<>();
  private final Map<Integer, UnmaskResponse> responses = new TreeMap<>();
  private Phase phase = Phase.ADVERTISE;
  private UnmaskRequest request;

  public Aggregator(RoundConfig config) {
    if (config == null) {
      throw new IllegalArgumentException("aggregator: config must not be null");
    }
    this.config = config;
  }

  public RoundConfig config() {
    return config;
  }

  /** Phase 1: a client's public keys. */
  public void accept(AdvertiseKeys keys) {
    check(keys, Phase.ADVERTISE, "advertised keys", keys.clientId());
    if (advertised.size() >= config.encoding().maxSummands()) {
      throw new InvalidInputException(
          "round "
              + config.roundId()
              + ": the encoding sums at most "
              + config.encoding().maxSummands()
              + " updates without overflow; client "
              + keys.clientId()
              + " is one too many");
    }
    requireNew(advertised, keys.clientId(), "advertised keys");
    // Refuse a malformed key now rather than when unmasking needs it.
    Crypto.publicKey(
        keys.encryptionKey(),
        "round " + config.roundId() + ": encryption key of client " + keys.clientId());
    Crypto.publicKey(
        keys.maskKey(), "round " + config.roundId() + ": mask key of client " + keys.clientId());
    advertised.put(keys.clientId(), keys);
  }

  /** Ends phase 1: every advertised client's keys (U1), to send to each of them. */
  public List<AdvertiseKeys> roster() {
    if (phase == Phase.ADVERTISE) {
      requireEnough(advertised.size(), "advertised keys");
      phase = Phase.SHARE;
    }
    if (phase != Phase.SHARE) {
      throw outOfPhase("the roster", Phase.SHARE);
    }
    return List.copyOf(advertised.values());
  }

  /** Phase 2: a client's sealed shares, one for each other client on the roster. */
  public void accept(ShareKeys keys) {
    check(keys, Phase.SHARE, "shared keys", keys.clientId());
    requireKnown(advertised.keySet(), keys.clientId(), "shared keys from client", "on the roster");
    requireNew(shared, keys.clientId(), "shared keys");
    Set<Integer> addressees = new TreeSet<>();
    for (EncryptedShare share : keys.shares()) {
      requireRound(share, "a share from client " + share.from());
      if (share.from() != keys.clientId()) {
        throw new InvalidInputException(
            "round "
                + config.roundId()
                + ": client "
                + keys.clientId()
                + " sent a share claiming to be from client "
                + share.from());
      }
      requireKnown(advertised.keySet(), share.to(), "a share addressed to client", "on the roster");
      addressees.add(share.to());
    }
    Set<Integer> expected = new TreeSet<>(advertised.keySet());
    expected.remove(keys.clientId());
    if (!addressees.equals(expected) || keys.shares().size() != expected.size()) {
      throw new InvalidInputException(
          "round "
              + config.roundId()
              + ": client "
              + keys.clientId()
              + " must send exactly one share to each of "
              + expected
              + ", sent to "
              + keys.shares().stream().map(EncryptedShare::to).toList());
    }
    shared.put(keys.clientId(), keys);
  }

  /**
   * Ends phase 2 on its first call: the shares addressed to {@code clientId} from the clients that
   * shared keys (U2). Only clients of U2 get theirs.
   */
  public List<EncryptedShare> sharesFor(int clientId) {
    if (phase == Phase.SHARE) {
      requireEnough(shared.size(), "shared keys");
      phase = Phase.MASK;
    }
    if (phase != Phase.MASK) {
      throw outOfPhase("shares", Phase.MASK);
    }
    requireKnown(shared.keySet(), clientId, "shares for client", "among those that shared keys");
    List<EncryptedShare> mine = new ArrayList<>();
    for (ShareKeys keys : shared.values()) {
      for (EncryptedShare share : keys.shares()) {
        if (share.to() == clientId) {
          mine.add(share);
        }
      }
    }
    return mine;
  }

  /** Phase 3: a client's masked input. */
  public void accept(MaskedInput input) {
    check(input, Phase.MASK, "masked input", input.clientId());
    requireKnown(
        shared.keySet(),
        input.clientId(),
        "masked input from client",
        "among those that shared keys");
    requireNew(maskedInputs, input.clientId(), "masked input");
    long[] masked = input.masked();
    if (masked.length != config.dimension()) {
      throw new InvalidInputException(
          "round "
              + config.roundId()
              + ": masked input of client "
              + input.clientId()
              + " has dimension "
              + masked.length
              + ", the round's is "
              + config.dimension());
    }
    maskedInputs.put(input.clientId(), masked);
  }

  /**
   * Ends phase 3: asks each client whose input arrived (U3) for its shares of U3's self-mask seeds
   * and of the dropped clients' (U2 minus U3) mask keys.
   *
   * @throws RoundFailedException if fewer than threshold inputs arrived
   */
  public UnmaskRequest unmaskRequest() {
    if (phase == Phase.MASK) {
      requireEnough(maskedInputs.size(), "masked input");
      Set<Integer> dropped = new TreeSet<>(shared.keySet());
      dropped.removeAll(maskedInputs.keySet());
      request = new UnmaskRequest(config.roundId(), maskedInputs.keySet(), dropped);
      phase = Phase.UNMASK;
    }
    if (phase != Phase.UNMASK) {
      throw outOfPhase("the unmask request", Phase.UNMASK);
    }
    return request;
  }

  /** Phase 4: a survivor's shares. */
  public void accept(UnmaskResponse response) {
    check(response, Phase.UNMASK, "unmask response", response.clientId());
    requireKnown(
        maskedInputs.keySet(),
        response.clientId(),
        "unmask response from client",
        "among the survivors");
    requireNew(responses, response.clientId(), "unmask response");
    if (!response.seedShares().keySet().equals(request.seedsOf())
        || !response.keyShares().keySet().equals(request.keysOf())) {
      throw new InvalidInputException(
          "round "
              + config.roundId()
              + ": unmask response of client "
              + response.clientId()
              + " does not answer the request (seed shares for "
              + request.seedsOf()
              + ", key shares for "
              + request.keysOf()
              + ")");
    }
    responses.put(response.clientId(), response);
  }

  /**
   * Ends the round: rebuilds each survivor's self-mask seed and each dropped client's mask key,
   * removes their masks and returns the sum.
   *
   * @throws RoundFailedException if fewer than threshold survivors answered
   */
  public Aggregate result() {
    if (phase != Phase.UNMASK) {
      throw outOfPhase("the result", Phase.UNMASK);
    }
    if (responses.size() < config.threshold()) {
      throw new RoundFailedException(
          "round "
              + config.roundId()
              + ": only "
              + responses.size()
              + " of "
              + maskedInputs.size()
              + " survivors sent their shares, the threshold is "
              + config.threshold()
              + "; the masks cannot be removed");
    }
    long[] sum = new long[config.dimension()];
    for (long[] masked : maskedInputs.values()) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += masked[i];
      }
    }
    for (int survivor : maskedInputs.keySet()) {
      byte[] seed =
          Shamir.combine(
              sharesOf(survivor, true),
              config.threshold(),
              "round " + config.roundId() + ": self-mask seed of client " + survivor);
      Crypto.addMask(sum, seed, -1);
    }
    for (int dropped : request.keysOf()) {
      byte[] scalar =
          Shamir.combine(
              sharesOf(dropped, false),
              config.threshold(),
              "round " + config.roundId() + ": mask key of client " + dropped);
      PrivateKey droppedKey = Crypto.privateKey(scalar);
      for (int survivor : maskedInputs.keySet()) {
        PublicKey survivorKey =
            Crypto.publicKey(advertised.get(survivor).maskKey(), "mask key of client " + survivor);
        byte[] seed = Crypto.agree(droppedKey, survivorKey, config.roundId(), Crypto.MASK_PURPOSE);
        // The survivor added pairwiseSign(survivor, dropped) * PRG(seed); take it back out.
        Crypto.addMask(sum, seed, -SecAggClient.pairwiseSign(survivor, dropped));
      }
    }
    phase = Phase.DONE;
    return new Aggregate(
        config.roundId(), maskedInputs.keySet(), sum, config.encoding().decode(sum));
  }

  private Map<Integer, BigInteger> sharesOf(int owner, boolean seed) {
    Map<Integer, BigInteger> shares = new HashMap<>();
    for (UnmaskResponse response : responses.values()) {
      shares.put(
          response.clientId(), (seed ? response.seedShares() : response.keyShares()).get(owner));
    }
    return shares;
  }

  private void check(SecAggMessage message, Phase expected, String what, int clientId) {
    requireRound(message, what + " of client " + clientId);
    if (phase != expected) {
      throw new InvalidInputException(
          "round "
              + config.roundId()
              + ": "
              + what
              + " of client "
              + clientId
              + " arrived in phase "
              + phase
              + ", it belongs to phase "
              + expected);
    }
  }

  private void requireRound(SecAggMessage message, String what) {
    if (message.roundId() != config.roundId()) {
      throw new InvalidInputException(
          what
              + " belongs to round "
              + message.roundId()
              + ", but this aggregator runs round "
              + config.roundId()
              + " (replayed or misrouted)");
    }
  }

  private void requireKnown(Set<Integer> known, int clientId, String what, String where) {
    if (!known.contains(clientId)) {
      throw new InvalidInputException(
          "round "
              + config.roundId()
              + ": "
              + what
              + " "
              + clientId
              + ": unknown client, not "
              + where
              + " "
              + known);
    }
  }

  private void requireNew(Map<Integer, ?> seen, int clientId, String what) {
    if (seen.containsKey(clientId)) {
      throw new InvalidInputException(
          "round " + config.roundId() + ": " + what + " of client " + clientId + " arrived twice");
    }
  }

  private void requireEnough(int count, String what) {
    if (count < config.threshold()) {
      throw new RoundFailedException(
          "round "
              + config.roundId()
              + ": only "
              + count
              + " clients sent "
              + what
              + ", the threshold is "
              + config.threshold()
              + "; the round cannot be completed");
    }
  }

  private IllegalStateException outOfPhase(String what, Phase needed) {
    return new IllegalStateException(
        "round "
            + config.roundId()
            + ": "
            + what
            + " belongs to phase "
            + needed
            + ", the round is in phase "
            + phase);
  }
}
