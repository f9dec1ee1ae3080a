package dev.autonomy.federate.secagg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class DropoutPropertyTest {
  /**
   * Whoever drops between sharing keys and sending input (first, last or in between in id order, so
   * that the pairwise masks to remove carry either sign), as long as threshold clients remain the
   * server gets exactly the survivors' fixed-point sum.
   */
  @Property(tries = 12)
  void anyDropoutLeavingThresholdSurvivors_yieldsTheirExactSum(
      @ForAll @IntRange(min = 3, max = 8) int clients, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int threshold = 2 + random.nextInt(clients - 1); // 2..clients
    int drops = random.nextInt(clients - threshold + 1);
    Set<Integer> dropped = new TreeSet<>();
    while (dropped.size() < drops) {
      dropped.add(1 + random.nextInt(clients));
    }
    RoundConfig config = RoundConfig.of(seed, 16, threshold);
    Map<Integer, double[]> updates = new HashMap<>();
    for (int id = 1; id <= clients; id++) {
      updates.put(id, random.doubles(16, -100, 100).toArray());
    }

    Aggregate aggregate = new Rounds(config, clients, seed).run(updates, dropped);

    long[] expected = new long[16];
    Set<Integer> survivors = new TreeSet<>();
    for (int id = 1; id <= clients; id++) {
      if (!dropped.contains(id)) {
        survivors.add(id);
        long[] encoded = config.encoding().encode(updates.get(id));
        for (int i = 0; i < 16; i++) {
          expected[i] += encoded[i];
        }
      }
    }
    assertThat(aggregate.ringSum()).containsExactly(expected);
    assertThat(aggregate.included()).isEqualTo(survivors);
  }
}
