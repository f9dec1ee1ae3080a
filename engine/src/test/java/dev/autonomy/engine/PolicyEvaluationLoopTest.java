package dev.autonomy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.bandit.ope.Estimate;
import dev.autonomy.bandit.ope.OffPolicyEvaluation;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.feedback.Outcome;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.engine.policy.PolicyBook;
import dev.autonomy.engine.policy.PolicyEvaluation;
import dev.autonomy.engine.rank.Ranking;
import dev.autonomy.engine.rank.RankingPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code policy evaluate} through the facade: every list shown is logged with its candidates, and
 * after lists with feedback on their top item each policy gets finite estimates with intervals and
 * a verdict against the live one; an empty log is a clear error.
 */
class PolicyEvaluationLoopTest {
  @Test
  void afterListsWithFeedback_everyPolicyGetsFiniteEstimatesWithIntervalsAndAVerdict(@TempDir Path home) {
    Clock clock = new TickingClock();
    try (Autonomy a = Autonomy.open(home, clock, new SplittableRandom(3))) {
      SplittableRandom random = new SplittableRandom(5);
      for (int i = 0; i < 25; i++) {
        Situation s = new Situation(ZonedDateTime.now(clock).plusHours(i % 12), Map.of("place", i % 2 == 0 ? "outdoor" : "indoor"));
        Ranking r = a.recommend(s, new RankingPolicy(3, 0.2));
        assertThat(r.shown().candidates()).hasValueSatisfying(c -> assertThat(c.optionIds()).hasSize(r.eligible()));
        Recommendation top = r.recommendations().get(0);
        // this person likes moving and dislikes the rest, whatever the hand weights say
        int rating = top.desire() == DesireType.MOVE ? 5 : 1 + random.nextInt(3);
        a.feedback(top.id(), Outcome.DONE, OptionalInt.of(rating));
        if (i == 12) {
          a.policies().switchTo("linucb");
        }
      }
      for (String name : PolicyBook.NAMES) {
        PolicyEvaluation.Result result = a.policies().evaluate(name, 30);
        assertThat(result.evaluable()).as(name).isEqualTo(25);
        assertThat(result.logged()).containsOnlyKeys("fixed", "linucb");
        assertThat(result.estimates()).as(name).hasSize(5);
        assertThat(result.estimates().get(0).estimator()).isEqualTo(OffPolicyEvaluation.DEFAULT_ESTIMATOR);
        for (Estimate e : result.estimates()) {
          assertThat(e.value()).as(name + " " + e.estimator()).isFinite();
          assertThat(e.low()).isFinite().isLessThanOrEqualTo(e.high());
          assertThat(e.high()).isFinite();
        }
        assertThat(result.comparison().low()).isFinite().isLessThanOrEqualTo(result.comparison().high());
        assertThat(result.verdict()).isIn("cannot tell", name + " would have done better than the live policy",
            name + " would have done worse than the live policy");
      }
    }
  }

  @Test
  void anEmptyLogAListWithoutTopFeedbackOrAnUnknownNameIsAClearError(@TempDir Path home) {
    Clock clock = new TickingClock();
    try (Autonomy a = Autonomy.open(home, clock, new SplittableRandom(3))) {
      assertThatThrownBy(() -> a.policies().evaluate("linucb", 90)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("no list shown in the last 90 day(s)");
      a.recommend(new Situation(ZonedDateTime.now(clock), Map.of()), new RankingPolicy(3, 0));
      assertThatThrownBy(() -> a.policies().evaluate("linucb", 90)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("none has feedback on its top item");
      assertThatThrownBy(() -> a.policies().evaluate("best", 90)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("no ranking policy 'best'");
    }
  }
}
