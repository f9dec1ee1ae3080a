package dev.autonomy.federate.secagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.RefusedException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A client never reveals both secrets of one client: with the self-mask seed and the mask key of
 * client v the server could strip every mask from v's input alone. This is what keeps a client
 * whose input the server claims "dropped" (but received, late) private.
 */
class UnmaskRefusalTest {
  private static Rounds roundWithAllInputsSent(long roundId, int clients) {
    RoundConfig config = RoundConfig.of(roundId, 8, 2);
    Map<Integer, double[]> updates = new HashMap<>();
    for (int id = 1; id <= clients; id++) {
      updates.put(id, new double[] {id, 0, 0, 0, 0, 0, 0, 1});
    }
    Rounds round = new Rounds(config, clients, roundId).shareKeys();
    round.sendMaskedInputs(updates, Set.of());
    return round;
  }

  @Test
  void unmask_refusesARequestForBothSharesOfTheSameClient() {
    Rounds round = roundWithAllInputsSent(61, 3);

    assertThatThrownBy(
            () -> round.clients.get(1).unmask(new UnmaskRequest(61, Set.of(1, 2, 3), Set.of(3))))
        .isInstanceOf(RefusedException.class)
        .hasMessage(
            "round 61: client 1 refuses to reveal both the self-mask seed share and the mask-key"
                + " share of client 3 (with both, its masked input could be unmasked on its own)");
  }

  @Test
  void unmask_refusesTheSecondShareOfAClientAcrossTwoRequests() {
    Rounds round = roundWithAllInputsSent(62, 3);
    SecAggClient client = round.clients.get(1);

    // First the server says 3 dropped and gets 3's key share ...
    UnmaskResponse first = client.unmask(new UnmaskRequest(62, Set.of(1, 2), Set.of(3)));
    assertThat(first.keyShares()).containsOnlyKeys(3);

    // ... then claims 3 arrived after all and asks for its seed share: refused.
    assertThatThrownBy(() -> client.unmask(new UnmaskRequest(62, Set.of(1, 2, 3), Set.of())))
        .isInstanceOf(RefusedException.class)
        .hasMessageContaining("client 1 refuses to reveal both")
        .hasMessageContaining("of client 3");
  }

  @Test
  void unmask_afterARefusal_stillAnswersAnHonestRequest() {
    Rounds round = roundWithAllInputsSent(63, 3);
    SecAggClient client = round.clients.get(2);
    assertThatThrownBy(() -> client.unmask(new UnmaskRequest(63, Set.of(1, 2, 3), Set.of(1, 3))))
        .isInstanceOf(RefusedException.class);

    UnmaskResponse honest = client.unmask(new UnmaskRequest(63, Set.of(1, 2, 3), Set.of()));

    assertThat(honest.seedShares()).containsOnlyKeys(1, 2, 3);
    assertThat(honest.keyShares()).isEmpty();
  }

  @Test
  void unmask_refusesToOpenASumOfFewerThanThresholdInputs() {
    RoundConfig config = RoundConfig.of(64, 8, 3);
    Map<Integer, double[]> updates = new HashMap<>();
    for (int id = 1; id <= 4; id++) {
      updates.put(id, new double[8]);
    }
    Rounds round = new Rounds(config, 4, 64).shareKeys();
    round.sendMaskedInputs(updates, Set.of());

    // Only two "survivors": their sum minus one known input would expose the other.
    assertThatThrownBy(
            () -> round.clients.get(1).unmask(new UnmaskRequest(64, Set.of(1, 2), Set.of(3, 4))))
        .isInstanceOf(RefusedException.class)
        .hasMessage("round 64: client 1 will not unmask a sum of 2 inputs; the threshold is 3");
  }
}
