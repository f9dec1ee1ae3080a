package dev.autonomy.engine.federate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.engine.desire.PopulationPrior;
import dev.autonomy.engine.desire.PopulationTrainer;
import dev.autonomy.federate.secagg.AdvertiseKeys;
import dev.autonomy.federate.secagg.MaskedInput;
import dev.autonomy.federate.secagg.RoundConfig;
import dev.autonomy.federate.secagg.SecAggClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's rounds with real secure-aggregation clients in one process: a client that
 * drops out after sharing its keys is left behind on time and the round still closes with the exact
 * mean of the others; a round that ends below the threshold fails and leaves the model as it was;
 * messages for another round are refused.
 */
class CoordinatorTest {
  /** A clock the test moves. */
  static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-11-30T12:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final PopulationTrainer trainer =
      new PopulationTrainer(List.of("a", "b"), List.of(DesireType.MOVE, DesireType.REST), 30, 10, false);
  private final ManualClock clock = new ManualClock();
  private final AtomicReference<Coordinator.State> saved = new AtomicReference<>();
  private final Coordinator coordinator = new Coordinator(
      new Coordinator.Settings(4, 3, 2, 1.0, 0.0, 1e-5, Duration.ofSeconds(10)), trainer, Coordinator.fresh(trainer),
      clock, saved::set);
  private final SecureRandom random = new SecureRandom();

  private static double[] update(int client) {
    return new double[] {0.01 * client, -0.02 * client, 0.03, 0.04 * client};
  }

  /** Runs a round in which only {@code sending} of 4 clients send their masked input. */
  private void round(int sending) {
    long round = coordinator.status().round();
    List<SecAggClient> clients = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Coordinator.Joined joined = coordinator.join(round);
      clients.add(new SecAggClient(RoundConfig.of(round, 4, 3), joined.clientId(), random));
    }
    clients.forEach(c -> coordinator.keys(c.advertiseKeys()));
    List<AdvertiseKeys> roster = coordinator.roster(round);
    assertThat(roster).hasSize(4);
    clients.forEach(c -> coordinator.shares(c.shareKeys(roster)));
    List<SecAggClient> senders = clients.subList(0, sending);
    for (SecAggClient c : senders) {
      coordinator.input(c.maskedInput(update(c.clientId()), coordinator.sharesFor(round, c.clientId())));
    }
    assertThat(coordinator.unmaskRequest(round)).as("still waiting for the last input").isNull();
    clock.advance(Duration.ofSeconds(11));
    coordinator.tick();
    if (sending < 3) {
      return;
    }
    var request = coordinator.unmaskRequest(round);
    assertThat(request.keysOf()).hasSize(4 - sending);
    senders.forEach(c -> coordinator.unmask(c.unmask(request)));
  }

  @Test
  void aClientThatDropsAfterSharingIsLeftBehindAndTheRoundClosesWithTheExactMeanOfTheOthers() {
    round(3);
    assertThat(coordinator.modelVersion()).isEqualTo(1);
    PopulationPrior model = coordinator.model();
    // clients 1..3 sent: mean of update(1..3); fixed point quantum 2^-24
    double[] expected = {0.01 * 2, -0.02 * 2, 0.03, 0.04 * 2};
    assertThat(model.weights().get(DesireType.MOVE).get(0)).isCloseTo(expected[0], within(1e-6));
    assertThat(model.weights().get(DesireType.MOVE).get(1)).isCloseTo(expected[1], within(1e-6));
    assertThat(model.weights().get(DesireType.REST).get(0)).isCloseTo(expected[2], within(1e-6));
    assertThat(model.weights().get(DesireType.REST).get(1)).isCloseTo(expected[3], within(1e-6));
    assertThat(saved.get().modelVersion()).as("saved after the round").isEqualTo(1);
    assertThat(coordinator.events()).anyMatch(e -> e.contains("round 1 closed: 3 clients"));
  }

  @Test
  void aRoundBelowTheThresholdFailsAndLeavesTheModelAsItWas() {
    round(2);
    assertThat(coordinator.modelVersion()).isZero();
    assertThat(coordinator.model().weights().get(DesireType.MOVE)).containsOnly(0.0);
    assertThat(coordinator.events()).anyMatch(e -> e.contains("round 1 failed") && e.contains("threshold 3"));
    assertThat(coordinator.status().round()).as("a new round under a new id").isEqualTo(2);
    assertThat(coordinator.status().phase()).isEqualTo("advertise");
  }

  @Test
  void aMessageForAnotherRoundOrOutOfPhaseIsRefused() {
    assertThatThrownBy(() -> coordinator.join(7)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not the current round");
    assertThatThrownBy(() -> coordinator.input(new MaskedInput(1, 1, new long[4])))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("belongs to phase mask");
  }

  @Test
  void aCohortBelowTheMinimumNeverStartsHoweverLongItWaits() {
    long round = coordinator.status().round();
    for (int i = 0; i < 3; i++) {
      Coordinator.Joined joined = coordinator.join(round);
      coordinator.keys(new SecAggClient(RoundConfig.of(round, 4, 3), joined.clientId(), random).advertiseKeys());
    }
    clock.advance(Duration.ofHours(1));
    coordinator.tick();
    assertThat(coordinator.status().phase()).isEqualTo("advertise");
    assertThat(coordinator.roster(round)).isEmpty();
  }
}
