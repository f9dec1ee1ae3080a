package dev.autonomy.federate.secagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Messages of the wrong size, round or sender are refused with a message naming what is wrong. */
class MalformedMessageTest {
  private static final int DIMENSION = 4;

  private static Map<Integer, double[]> updates(int clients) {
    Map<Integer, double[]> updates = new HashMap<>();
    for (int id = 1; id <= clients; id++) {
      updates.put(id, new double[] {1, 2, 3, 4});
    }
    return updates;
  }

  @Test
  void client_refusesAnUpdateOfTheWrongDimension() {
    Rounds round = new Rounds(RoundConfig.of(71, DIMENSION, 2), 3, 71).shareKeys();

    assertThatThrownBy(
            () ->
                round.clients.get(1).maskedInput(new double[] {1, 2, 3}, round.server.sharesFor(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("round 71: client 1's update must have dimension 4, had 3");
  }

  @Test
  void server_refusesAMaskedInputOfTheWrongDimension() {
    Rounds round = new Rounds(RoundConfig.of(72, DIMENSION, 2), 3, 72).shareKeys();
    round.server.sharesFor(1);

    assertThatThrownBy(
            () -> round.server.accept(new MaskedInput(72, 1, new long[] {1, 2, 3, 4, 5})))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("round 72: masked input of client 1 has dimension 5, the round's is 4");
  }

  @Test
  void server_refusesAMessageReplayedFromAnotherRound() {
    RoundConfig earlier = RoundConfig.of(73, DIMENSION, 2);
    Rounds old = new Rounds(earlier, 3, 73).shareKeys();
    MaskedInput recorded = old.sendMaskedInputs(updates(3), Set.of()).get(0);
    Rounds current = new Rounds(RoundConfig.of(74, DIMENSION, 2), 3, 74).shareKeys();
    current.server.sharesFor(1);

    assertThatThrownBy(() -> current.server.accept(recorded))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "masked input of client 1 belongs to round 73, but this aggregator runs round 74"
                + " (replayed or misrouted)");
  }

  @Test
  void client_refusesSharesReplayedFromAnotherRound() {
    Rounds old = new Rounds(RoundConfig.of(75, DIMENSION, 2), 3, 75).shareKeys();
    List<EncryptedShare> recorded = old.server.sharesFor(1);
    Rounds current = new Rounds(RoundConfig.of(76, DIMENSION, 2), 3, 76).shareKeys();

    assertThatThrownBy(() -> current.clients.get(1).maskedInput(new double[DIMENSION], recorded))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(
            "share from client 2 belongs to round 75, but client 1 is in round 76");
  }

  @Test
  void client_refusesASealedShareMovedToAnotherSender() {
    Rounds round = new Rounds(RoundConfig.of(77, DIMENSION, 2), 3, 77).shareKeys();
    EncryptedShare fromTwo = round.server.sharesFor(1).get(0);
    assertThat(fromTwo.from()).isEqualTo(2);
    EncryptedShare relabelled = new EncryptedShare(77, 3, 1, fromTwo.ciphertext());

    assertThatThrownBy(
            () -> round.clients.get(1).maskedInput(new double[DIMENSION], List.of(relabelled)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("share from client 3: does not decrypt");
  }

  @Test
  void server_refusesMessagesFromUnknownClients() {
    Rounds round = new Rounds(RoundConfig.of(78, DIMENSION, 2), 3, 78).shareKeys();
    round.server.sharesFor(1);

    assertThatThrownBy(() -> round.server.accept(new MaskedInput(78, 9, new long[DIMENSION])))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "round 78: masked input from client 9: unknown client, not among those that shared keys"
                + " [1, 2, 3]");
    assertThatThrownBy(() -> round.server.sharesFor(9))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("shares for client 9: unknown client");
  }

  @Test
  void client_refusesASharefromAClientNotOnTheRoster() {
    Rounds round = new Rounds(RoundConfig.of(79, DIMENSION, 2), 3, 79).shareKeys();

    assertThatThrownBy(
            () ->
                round
                    .clients
                    .get(1)
                    .maskedInput(
                        new double[DIMENSION], List.of(new EncryptedShare(79, 9, 1, new byte[40]))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("round 79: share from client 9: client 9 is not on the roster");
  }

  @Test
  void server_refusesTheSameClientTwice() {
    RoundConfig config = RoundConfig.of(80, DIMENSION, 2);
    Aggregator server = new Aggregator(config);
    SecAggClient client = new SecAggClient(config, 1, Rounds.seeded(80));
    AdvertiseKeys keys = client.advertiseKeys();
    server.accept(keys);

    assertThatThrownBy(() -> server.accept(keys))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("round 80: advertised keys of client 1 arrived twice");
  }

  @Test
  void server_refusesAKeyThatIsNoX25519PublicKey() {
    Aggregator server = new Aggregator(RoundConfig.of(82, DIMENSION, 2));
    AdvertiseKeys good =
        new SecAggClient(RoundConfig.of(82, DIMENSION, 2), 1, Rounds.seeded(82)).advertiseKeys();

    assertThatThrownBy(
            () ->
                server.accept(new AdvertiseKeys(82, 1, good.encryptionKey(), new byte[] {1, 2, 3})))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("round 82: mask key of client 1 is not an X.509-encoded X25519 public key");
  }

  @Test
  void messages_refuseClientIdsThatCannotBeShareCoordinates() {
    assertThatThrownBy(() -> new MaskedInput(1, 0, new long[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("masked input: clientId must be a client id > 0, was 0");
    assertThatThrownBy(() -> RoundConfig.of(1, 0, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("round 1: dimension must be > 0, was 0");
    assertThatThrownBy(() -> RoundConfig.of(1, 3, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold must be >= 2");
  }

  @Test
  void client_refusesStepsOutOfOrder() {
    SecAggClient client = new SecAggClient(RoundConfig.of(81, DIMENSION, 2), 1, Rounds.seeded(81));

    assertThatThrownBy(() -> client.shareKeys(List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("client 1 in round 81: expected step ADVERTISE, was asked for SHARE");
  }
}
