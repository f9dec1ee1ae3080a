package dev.autonomy.federate.secagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.autonomy.core.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecureAggregationTest {
  private static final int DIMENSION = 100;

  /** Updates mostly in [-10, 10], with a few beyond the clip so that clipping is exercised too. */
  private static Map<Integer, double[]> randomUpdates(int clients, int dimension, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<Integer, double[]> updates = new HashMap<>();
    for (int id = 1; id <= clients; id++) {
      double[] update = new double[dimension];
      for (int i = 0; i < dimension; i++) {
        update[i] = random.nextDouble(-10, 10);
      }
      update[0] = random.nextBoolean() ? 5_000.0 : -5_000.0;
      updates.put(id, update);
    }
    return updates;
  }

  private static long[] ringSumOfEncoded(
      RoundConfig config, Map<Integer, double[]> updates, Set<Integer> who) {
    long[] sum = new long[config.dimension()];
    for (int id : who) {
      long[] encoded = config.encoding().encode(updates.get(id));
      for (int i = 0; i < sum.length; i++) {
        sum[i] += encoded[i];
      }
    }
    return sum;
  }

  @ParameterizedTest
  @ValueSource(ints = {5, 22})
  void sum_isExactInTheRingAndWithinTheQuantumOfTheDoubleSum(int clients) {
    RoundConfig config = RoundConfig.of(41, DIMENSION, clients / 2 + 1);
    Map<Integer, double[]> updates = randomUpdates(clients, DIMENSION, clients);
    Set<Integer> everyone = new TreeSet<>(updates.keySet());

    Aggregate aggregate = new Rounds(config, clients, 7).run(updates, Set.of());

    assertThat(aggregate.included()).isEqualTo(everyone);
    assertThat(aggregate.ringSum()).containsExactly(ringSumOfEncoded(config, updates, everyone));
    FixedPoint encoding = config.encoding();
    for (int i = 0; i < DIMENSION; i++) {
      double expected = 0;
      for (double[] update : updates.values()) {
        expected += Math.max(-encoding.clip(), Math.min(encoding.clip(), update[i]));
      }
      // Each client's rounding is at most half a quantum.
      assertThat(aggregate.sum()[i])
          .isCloseTo(expected, offset(clients * encoding.quantum() / 2 + 1e-9));
    }
  }

  @ParameterizedTest
  @CsvSource({"'3', 1", "'2;5', 2"})
  void dropout_afterSharingKeys_stillYieldsTheExactSumOfTheSurvivors(String droppedIds, int count) {
    Set<Integer> dropped = new TreeSet<>();
    for (String id : List.of(droppedIds.split(";", -1))) {
      dropped.add(Integer.parseInt(id));
    }
    assertThat(dropped).hasSize(count);
    RoundConfig config = RoundConfig.of(42, DIMENSION, 3);
    Map<Integer, double[]> updates = randomUpdates(5, DIMENSION, 3);
    Set<Integer> survivors = new TreeSet<>(updates.keySet());
    survivors.removeAll(dropped);

    Aggregate aggregate = new Rounds(config, 5, 11).run(updates, dropped);

    assertThat(aggregate.included()).isEqualTo(survivors);
    assertThat(aggregate.ringSum()).containsExactly(ringSumOfEncoded(config, updates, survivors));
  }

  @Test
  void dropout_belowTheThreshold_failsNamingTheCountAndTheThreshold() {
    RoundConfig config = RoundConfig.of(43, DIMENSION, 3);
    Rounds round = new Rounds(config, 5, 13).shareKeys();
    round.sendMaskedInputs(randomUpdates(5, DIMENSION, 1), Set.of(1, 2, 3));

    assertThatThrownBy(round.server::unmaskRequest)
        .isInstanceOf(RoundFailedException.class)
        .hasMessage(
            "round 43: only 2 clients sent masked input, the threshold is 3; the round cannot be"
                + " completed");
  }

  @Test
  void dropout_duringUnmasking_belowTheThreshold_failsAndTheLateResponseIsNotNeeded() {
    RoundConfig config = RoundConfig.of(44, DIMENSION, 3);
    Rounds round = new Rounds(config, 4, 17).shareKeys();
    round.sendMaskedInputs(randomUpdates(4, DIMENSION, 2), Set.of());
    UnmaskRequest request = round.server.unmaskRequest();
    round.server.accept(round.clients.get(1).unmask(request));
    round.server.accept(round.clients.get(2).unmask(request));

    assertThatThrownBy(round.server::result)
        .isInstanceOf(RoundFailedException.class)
        .hasMessageContaining("only 2 of 4 survivors sent their shares, the threshold is 3");
  }

  @Test
  void lateMaskedInput_afterTheUnmaskRequest_isRefused() {
    RoundConfig config = RoundConfig.of(45, DIMENSION, 3);
    Map<Integer, double[]> updates = randomUpdates(4, DIMENSION, 4);
    Rounds round = new Rounds(config, 4, 19).shareKeys();
    round.sendMaskedInputs(updates, Set.of(4));
    MaskedInput late = round.clients.get(4).maskedInput(updates.get(4), round.server.sharesFor(4));
    round.server.unmaskRequest();

    assertThatThrownBy(() -> round.server.accept(late))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "round 45: masked input of client 4 arrived in phase UNMASK, it belongs to phase MASK");
  }
}
