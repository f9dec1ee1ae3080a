package dev.autonomy.federate.secagg;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.RefusedException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One client's side of one secure-aggregation round (Bonawitz et al., CCS 2017, the
 * honest-but-curious variant): the server learns the sum of the surviving clients' updates and
 * nothing about any one update, even when clients drop out part way.
 *
 * <p>Call the four steps in order, each with what the server sent: {@link #advertiseKeys()}, {@link
 * #shareKeys}, {@link #maskedInput}, {@link #unmask}. A client is good for one round; its keys and
 * seed are fresh per round. It keeps the rule that protects a client whose masked input arrives
 * late: it never reveals both the self-mask seed share and the mask-key share of the same client,
 * in one request or across several, and says so with a {@link RefusedException}.
 *
 * <p>A client that refuses a roster or the shares sent to it (an {@link InvalidInputException} or
 * {@link RoundFailedException}) is out of the round: its state is not rolled back. A refused unmask
 * request leaves it able to answer an honest one.
 *
 * <p>Not thread-safe: one round is driven by one thread.
 */
public final class SecAggClient {
  private enum Step {
    ADVERTISE,
    SHARE,
    MASK,
    UNMASK
  }

  private enum Revealed {
    SEED,
    KEY
  }

  private final RoundConfig config;
  private final int clientId;
  private final SecureRandom random;
  private final KeyPair encryptionKeys;
  private final KeyPair maskKeys;
  private final byte[] selfMaskSeed = new byte[Shamir.SECRET_BYTES];
  private final Map<Integer, PublicKey> encryptionKeysOf = new TreeMap<>();
  private final Map<Integer, PublicKey> maskKeysOf = new TreeMap<>();
  // Shares this client holds, by the client whose secret they share (its own included).
  private final Map<Integer, BigInteger> seedShares = new TreeMap<>();
  private final Map<Integer, BigInteger> keyShares = new TreeMap<>();
  private final Map<Integer, Revealed> revealed = new HashMap<>();
  private Set<Integer> sharedKeys = Set.of(); // U2: the clients whose shares reached this one
  private Step next = Step.ADVERTISE;

  /**
   * @param config the round, as the server announced it
   * @param clientId this client's id (> 0), unique in the round
   * @param random the source of keys, seeds, polynomials and nonces; a {@code SecureRandom} because
   *     everything secret comes from it
   */
  public SecAggClient(RoundConfig config, int clientId, SecureRandom random) {
    if (config == null || random == null) {
      throw new IllegalArgumentException(
          "client " + clientId + ": config and random must be given");
    }
    this.config = config;
    this.clientId = SecAggMessage.requireClientId(clientId, "client: clientId");
    this.random = random;
    this.encryptionKeys = Crypto.newX25519(random);
    this.maskKeys = Crypto.newX25519(random);
    random.nextBytes(selfMaskSeed);
  }

  public int clientId() {
    return clientId;
  }

  /** Step 0: this client's two public keys, for the server to pass to every client. */
  public AdvertiseKeys advertiseKeys() {
    step(Step.ADVERTISE, Step.SHARE);
    return new AdvertiseKeys(
        config.roundId(),
        clientId,
        encryptionKeys.getPublic().getEncoded(),
        maskKeys.getPublic().getEncoded());
  }

  /**
   * Step 1: given the roster of advertised keys (U1, this client's own among them), shares the
   * self-mask seed and the mask private key t-of-|U1| and seals each other client's shares to it.
   */
  public ShareKeys shareKeys(List<AdvertiseKeys> roster) {
    step(Step.SHARE, Step.MASK);
    for (AdvertiseKeys keys : roster) {
      requireRound(keys, "advertised keys of client " + keys.clientId());
      if (encryptionKeysOf.containsKey(keys.clientId())) {
        throw new InvalidInputException(
            "round "
                + config.roundId()
                + ": client "
                + keys.clientId()
                + " is twice on the roster");
      }
      encryptionKeysOf.put(
          keys.clientId(),
          Crypto.publicKey(keys.encryptionKey(), "encryption key of client " + keys.clientId()));
      maskKeysOf.put(
          keys.clientId(),
          Crypto.publicKey(keys.maskKey(), "mask key of client " + keys.clientId()));
    }
    if (!encryptionKeysOf.containsKey(clientId)
        || !encryptionKeysOf.get(clientId).equals(encryptionKeys.getPublic())
        || !maskKeysOf.get(clientId).equals(maskKeys.getPublic())) {
      throw new InvalidInputException(
          "round "
              + config.roundId()
              + ": the roster does not carry client "
              + clientId
              + "'s own keys as it advertised them");
    }
    if (roster.size() < config.threshold()) {
      throw new RoundFailedException(
          "round "
              + config.roundId()
              + ": "
              + roster.size()
              + " clients advertised keys, the"
              + " threshold is "
              + config.threshold());
    }
    List<Integer> holders = List.copyOf(encryptionKeysOf.keySet());
    Map<Integer, BigInteger> seedSplit =
        Shamir.split(selfMaskSeed, config.threshold(), holders, random);
    Map<Integer, BigInteger> keySplit =
        Shamir.split(Crypto.scalar(maskKeys.getPrivate()), config.threshold(), holders, random);
    seedShares.put(clientId, seedSplit.get(clientId));
    keyShares.put(clientId, keySplit.get(clientId));
    List<EncryptedShare> sealed = new ArrayList<>();
    for (int other : holders) {
      if (other != clientId) {
        byte[] key = channelKey(other);
        byte[] plaintext = ShareCodec.encode(seedSplit.get(other), keySplit.get(other));
        sealed.add(
            new EncryptedShare(
                config.roundId(),
                clientId,
                other,
                Crypto.seal(
                    key, ShareCodec.header(config.roundId(), clientId, other), plaintext, random)));
      }
    }
    return new ShareKeys(config.roundId(), clientId, sealed);
  }

  /**
   * Step 2: opens the shares the server routed here (their senders, with this client, are U2) and
   * returns the update masked with the self mask and one pairwise mask per other client of U2.
   *
   * @param update the model update, of the round's dimension
   * @param sharesForMe the encrypted shares addressed to this client
   */
  public MaskedInput maskedInput(double[] update, List<EncryptedShare> sharesForMe) {
    if (update == null || update.length != config.dimension()) {
      throw new InvalidInputException(
          "round "
              + config.roundId()
              + ": client "
              + clientId
              + "'s update must have dimension "
              + config.dimension()
              + ", had "
              + (update == null ? "none" : update.length));
    }
    step(Step.MASK, Step.UNMASK);
    Set<Integer> u2 = new TreeSet<>();
    u2.add(clientId);
    for (EncryptedShare share : sharesForMe) {
      requireRound(share, "share from client " + share.from());
      String what = "round " + config.roundId() + ": share from client " + share.from();
      if (share.to() != clientId) {
        throw new InvalidInputException(
            what + " is addressed to client " + share.to() + ", not " + clientId);
      }
      if (!encryptionKeysOf.containsKey(share.from())) {
        throw new InvalidInputException(
            what + ": client " + share.from() + " is not on the roster");
      }
      if (!u2.add(share.from())) {
        throw new InvalidInputException(what + " arrived twice");
      }
      byte[] plaintext =
          Crypto.open(
              channelKey(share.from()),
              ShareCodec.header(config.roundId(), share.from(), clientId),
              share.ciphertext(),
              what);
      BigInteger[] shares = ShareCodec.decode(plaintext, what);
      seedShares.put(share.from(), shares[0]);
      keyShares.put(share.from(), shares[1]);
    }
    if (u2.size() < config.threshold()) {
      throw new RoundFailedException(
          "round "
              + config.roundId()
              + ": only "
              + u2.size()
              + " clients shared keys, the"
              + " threshold is "
              + config.threshold());
    }
    sharedKeys = Set.copyOf(u2);
    long[] masked = config.encoding().encode(update);
    Crypto.addMask(masked, selfMaskSeed, 1);
    for (int other : u2) {
      if (other != clientId) {
        byte[] seed =
            Crypto.agree(
                maskKeys.getPrivate(),
                maskKeysOf.get(other),
                config.roundId(),
                Crypto.MASK_PURPOSE);
        Crypto.addMask(masked, seed, pairwiseSign(clientId, other));
      }
    }
    return new MaskedInput(config.roundId(), clientId, masked);
  }

  /**
   * Step 3: reveals this client's shares of the self-mask seeds of the clients whose input arrived
   * and of the mask keys of those that dropped. Refused, revealing nothing, if the request names a
   * client in both sets or in the set opposite to what an earlier request revealed for it: with
   * both secrets of a client the server could unmask its input alone.
   */
  public UnmaskResponse unmask(UnmaskRequest request) {
    requireRound(request, "unmask request");
    if (next != Step.UNMASK) {
      throw new IllegalStateException(
          "client "
              + clientId
              + " in round "
              + config.roundId()
              + " has not sent its masked input yet");
    }
    for (int owner : request.seedsOf()) {
      if (request.keysOf().contains(owner) || revealed.get(owner) == Revealed.KEY) {
        throw refusal(owner);
      }
    }
    for (int owner : request.keysOf()) {
      if (revealed.get(owner) == Revealed.SEED) {
        throw refusal(owner);
      }
    }
    Set<Integer> named = new TreeSet<>(request.seedsOf());
    named.addAll(request.keysOf());
    for (int owner : named) {
      if (!sharedKeys.contains(owner)) {
        throw new InvalidInputException(
            "round "
                + config.roundId()
                + ": unmask request names client "
                + owner
                + ", which did not share keys with client "
                + clientId);
      }
    }
    if (!request.seedsOf().contains(clientId)) {
      throw new InvalidInputException(
          "round "
              + config.roundId()
              + ": unmask request sent to client "
              + clientId
              + " does not count it among the clients whose input arrived");
    }
    if (request.seedsOf().size() < config.threshold()) {
      throw new RefusedException(
          "round "
              + config.roundId()
              + ": client "
              + clientId
              + " will not unmask a sum of "
              + request.seedsOf().size()
              + " inputs; the threshold is "
              + config.threshold());
    }
    Map<Integer, BigInteger> seeds = new TreeMap<>();
    for (int owner : request.seedsOf()) {
      seeds.put(owner, seedShares.get(owner));
      revealed.put(owner, Revealed.SEED);
    }
    Map<Integer, BigInteger> keys = new TreeMap<>();
    for (int owner : request.keysOf()) {
      keys.put(owner, keyShares.get(owner));
      revealed.put(owner, Revealed.KEY);
    }
    return new UnmaskResponse(config.roundId(), clientId, seeds, keys);
  }

  /** +1 when the other client's id is larger: the two masks of a pair then cancel in the sum. */
  static int pairwiseSign(int self, int other) {
    return other > self ? 1 : -1;
  }

  private RefusedException refusal(int owner) {
    return new RefusedException(
        "round "
            + config.roundId()
            + ": client "
            + clientId
            + " refuses to reveal both the"
            + " self-mask seed share and the mask-key share of client "
            + owner
            + " (with both, its masked input could be unmasked on its own)");
  }

  private byte[] channelKey(int other) {
    PrivateKey mine = encryptionKeys.getPrivate();
    return Crypto.agree(mine, encryptionKeysOf.get(other), config.roundId(), Crypto.SHARE_PURPOSE);
  }

  private void requireRound(SecAggMessage message, String what) {
    if (message.roundId() != config.roundId()) {
      throw new InvalidInputException(
          what
              + " belongs to round "
              + message.roundId()
              + ", but client "
              + clientId
              + " is in round "
              + config.roundId()
              + " (replayed or misrouted)");
    }
  }

  private void step(Step expected, Step then) {
    if (next != expected) {
      throw new IllegalStateException(
          "client "
              + clientId
              + " in round "
              + config.roundId()
              + ": expected step "
              + next
              + ", was asked for "
              + expected);
    }
    next = then;
  }

  /** The plaintext of one sealed share: the seed share and the key share, 66 bytes each. */
  static final class ShareCodec {
    private static final int FIELD_BYTES = 66; // 521 bits

    private ShareCodec() {}

    static byte[] header(long roundId, int from, int to) {
      return ByteBuffer.allocate(Long.BYTES + 2 * Integer.BYTES)
          .putLong(roundId)
          .putInt(from)
          .putInt(to)
          .array();
    }

    static byte[] encode(BigInteger seedShare, BigInteger keyShare) {
      ByteBuffer out = ByteBuffer.allocate(2 * FIELD_BYTES);
      out.put(fixed(seedShare)).put(fixed(keyShare));
      return out.array();
    }

    static BigInteger[] decode(byte[] plaintext, String what) {
      if (plaintext.length != 2 * FIELD_BYTES) {
        throw new InvalidInputException(
            what + ": expected " + 2 * FIELD_BYTES + " bytes of shares, got " + plaintext.length);
      }
      byte[] first = new byte[FIELD_BYTES];
      byte[] second = new byte[FIELD_BYTES];
      ByteBuffer.wrap(plaintext).get(first).get(second);
      return new BigInteger[] {new BigInteger(1, first), new BigInteger(1, second)};
    }

    private static byte[] fixed(BigInteger value) {
      byte[] raw = value.toByteArray();
      byte[] out = new byte[FIELD_BYTES];
      int copy = Math.min(raw.length, FIELD_BYTES);
      System.arraycopy(raw, raw.length - copy, out, FIELD_BYTES - copy, copy);
      return out;
    }
  }
}
