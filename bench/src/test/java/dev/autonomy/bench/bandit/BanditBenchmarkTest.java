package dev.autonomy.bench.bandit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.bandit.Candidate;
import dev.autonomy.bandit.Policies;
import dev.autonomy.bandit.Policy;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BanditBenchmarkTest {
  static final BanditBenchmark.Settings SETTINGS = new BanditBenchmark.Settings(1, 0.1, 0.1, 0.05, 0.99, 0.1, 0.1, true);

  @Test
  void features_startWithTheEngineTermsSoTheHandWeightsAreTheFixedRanker() {
    SimulatedPerson person = new SimulatedPerson(SimulatedPerson.Taste.ALIGNED, 3, 100);
    SimulatedPerson.Situation s = person.nextSituation();
    List<Candidate> candidates = SimulatedPerson.candidates(s, new double[13], new int[13]);
    assertThat(candidates).hasSize(SimulatedPerson.CATALOGUE.size());
    for (Candidate c : candidates) {
      double[] x = c.x();
      assertThat(x).hasSize(SimulatedPerson.DIMENSION);
      assertThat(x[2]).as("history with no feedback is the neutral prior").isEqualTo(0.5);
      double score = 0;
      for (int i = 0; i < 7; i++) {
        assertThat(x[i]).isBetween(0.0, 1.0);
        score += SimulatedPerson.HAND_WEIGHTS[i] * x[i];
      }
      assertThat(score).isBetween(0.0, 1.0);
    }
    for (int i = 0; i < candidates.size(); i++) {
      double[] x = candidates.get(i).x();
      for (int j = SimulatedPerson.SHARED; j < SimulatedPerson.DIMENSION; j++) {
        assertThat(x[j]).as("option one-hot of %s at %d", candidates.get(i).armId(), j).isEqualTo(j - SimulatedPerson.SHARED == i ? 1.0 : 0.0);
        assertThat(SimulatedPerson.HAND_WEIGHTS[j]).as("the fixed ranker ignores the option's identity").isZero();
      }
    }
    assertThat(SimulatedPerson.HAND_WEIGHTS).hasSize(SimulatedPerson.DIMENSION);
    assertThat(SimulatedPerson.FEATURE_NAMES).hasSize(SimulatedPerson.DIMENSION);
  }

  @Test
  void contraryPersons_areServedWorseByTheHandWeightsThanAlignedOnes() {
    double[] share = new double[2];
    for (SimulatedPerson.Taste taste : SimulatedPerson.Taste.values()) {
      for (long seed = 1; seed <= 6; seed++) {
        Policy fixed = Policies.fixed(SimulatedPerson.HAND_WEIGHTS, 0);
        share[taste.ordinal()] += BanditBenchmark.simulate("fixed", fixed, taste, seed, 200, 0,
            new BanditBenchmark.Settings(1, 0.1, 0.1, 0.05, 0.99, 0.1, 0, false)).lastShare() / 6;
      }
    }
    assertThat(share[SimulatedPerson.Taste.CONTRARY.ordinal()]).isLessThan(share[SimulatedPerson.Taste.ALIGNED.ordinal()] - 0.1);
  }

  @Test
  void drift_changesWhatIsBest() {
    SimulatedPerson person = new SimulatedPerson(SimulatedPerson.Taste.ALIGNED, 5, 50);
    int changed = 0;
    for (int t = 0; t < 200; t++) {
      SimulatedPerson.Situation s = person.nextSituation();
      changed += argmax(person.satisfaction(s, 0)) != argmax(person.satisfaction(s, 100)) ? 1 : 0;
    }
    assertThat(changed).isGreaterThan(50);
  }

  private static int argmax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      best = v[i] > v[best] ? i : best;
    }
    return best;
  }

  @Test
  void run_isRepeatableAndTheLearnersBeatTheFixedRankerOverALongerRun() {
    BanditBenchmark.Report a = BanditBenchmark.run(List.of(600), 4, 1, SETTINGS);
    BanditBenchmark.Report b = BanditBenchmark.run(List.of(600), 4, 1, SETTINGS);
    assertThat(a.rows()).isEqualTo(b.rows());
    assertThat(a.rows()).extracting(BanditBenchmark.Row::policy)
        .containsExactly("fixed", "linucb", "linucb-hybrid", "thompson", "egreedy", "conservative");
    double fixed = a.rows().get(0).lastShare();
    for (BanditBenchmark.Row row : a.rows().subList(1, a.rows().size())) {
      assertThat(row.lastShare()).as(row.policy()).isGreaterThan(fixed);
      assertThat(row.regret()).as(row.policy()).isLessThan(a.rows().get(0).regret());
    }
    assertThat(a.table()).contains("| 600 | linucb |");
  }

  @Test
  void thompsonChoices_useThePassedGenerator() {
    SimulatedPerson person = new SimulatedPerson(SimulatedPerson.Taste.CONTRARY, 2, 100);
    List<Candidate> candidates = SimulatedPerson.candidates(person.nextSituation(), new double[13], new int[13]);
    Policy p = BanditBenchmark.policies(SETTINGS).get("thompson").get();
    assertThat(p.choose(candidates, 3, new SplittableRandom(4)).indices())
        .containsExactly(p.choose(candidates, 3, new SplittableRandom(4)).indices());
  }
}
