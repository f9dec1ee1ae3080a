package dev.autonomy.bench.bandit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.bandit.Candidate;
import dev.autonomy.bandit.Policies;
import dev.autonomy.bandit.Policy;
import dev.autonomy.bandit.PolicyState;
import dev.autonomy.bandit.Prior;
import dev.autonomy.vault.Json;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The saved state is plain data: the project's JSON mapper writes it and reads it back whole. */
class PolicyStateJsonTest {
  @Test
  void everyKind_survivesAJsonRoundTrip() throws Exception {
    Prior prior = new Prior(SimulatedPerson.HAND_WEIGHTS, 1);
    List<Policy> policies = List.of(Policies.fixed(SimulatedPerson.HAND_WEIGHTS, 0.1), Policies.linUcb(prior, 0.1, 0.99),
        Policies.hybridLinUcb(prior, 1, BanditBenchmark.HYBRID_ARM_FEATURES, 0.1, 0.99), Policies.thompson(prior, 0.1, 50, 0.99),
        Policies.epsilonGreedy(prior, 0.05, 0.99));
    SimulatedPerson person = new SimulatedPerson(SimulatedPerson.Taste.CONTRARY, 4, 1000);
    SplittableRandom random = new SplittableRandom(9);
    for (Policy policy : policies) {
      for (int t = 0; t < 60; t++) {
        List<Candidate> candidates = SimulatedPerson.candidates(person.nextSituation(), new double[13], new int[13]);
        policy.update(candidates.get(random.nextInt(candidates.size())), random.nextDouble());
      }
      String json = Json.mapper().writeValueAsString(policy.state());
      Policy restored = Policies.restore(Json.mapper().readValue(json, PolicyState.class));
      assertThat(restored.name()).isEqualTo(policy.name());
      assertThat(restored.version()).isEqualTo(policy.version());
      for (int t = 0; t < 20; t++) {
        List<Candidate> candidates = SimulatedPerson.candidates(person.nextSituation(), new double[13], new int[13]);
        long seed = random.nextLong();
        assertThat(restored.choose(candidates, 3, new SplittableRandom(seed)).indices()).as(policy.name())
            .containsExactly(policy.choose(candidates, 3, new SplittableRandom(seed)).indices());
      }
    }
  }
}
