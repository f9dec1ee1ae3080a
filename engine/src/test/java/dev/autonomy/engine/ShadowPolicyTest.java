package dev.autonomy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.RefusedException;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.feedback.Outcome;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.engine.policy.PolicyBook;
import dev.autonomy.engine.policy.PolicyEvaluation;
import dev.autonomy.engine.rank.Ranking;
import dev.autonomy.engine.rank.RankingPolicy;
import dev.autonomy.vault.DecisionLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shadow policies: they rank beside the live one on every request, from the same candidates; what
 * they would have shown is logged (with each slot's propensity and their first-slot distribution)
 * and never shown; feedback on a shadow list is refused; evaluation uses their own logged choices.
 */
class ShadowPolicyTest {
  @Test
  void shadowsRankBesideTheLivePolicyAreLoggedNeverShownAndEvaluatedFromTheirOwnChoices(@TempDir Path home) {
    Clock clock = new TickingClock();
    try (Autonomy a = Autonomy.open(home, clock, new SplittableRandom(3))) {
      assertThat(a.policies().shadow("thompson", true)).containsExactly("thompson");
      assertThat(a.policies().shadow("linucb", true)).containsExactly("thompson", "linucb");
      SplittableRandom random = new SplittableRandom(5);
      for (int i = 0; i < 20; i++) {
        Situation s = new Situation(ZonedDateTime.now(clock).plusHours(i % 12), Map.of());
        Ranking r = a.recommend(s, new RankingPolicy(3, 0.2));
        DecisionLog.Shown shown = r.shown();
        assertThat(shown.shadows()).extracting(DecisionLog.ShadowList::policy).containsExactly("thompson", "linucb");
        List<String> candidates = shown.candidates().orElseThrow().optionIds();
        for (DecisionLog.ShadowList shadow : shown.shadows()) {
          assertThat(shadow.id()).startsWith(DecisionLog.SHADOW_PREFIX);
          assertThat(shadow.optionIds()).hasSize(3).doesNotHaveDuplicates();
          assertThat(candidates).containsAll(shadow.optionIds());
          assertThat(shadow.firstSlot()).hasSize(candidates.size());
          assertThat(java.util.Arrays.stream(shadow.firstSlot()).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
          assertThat(java.util.Arrays.stream(shadow.propensities()).boxed().toList()).allSatisfy(p -> assertThat(p).isGreaterThan(0).isLessThanOrEqualTo(1));
          if (shadow.policy().equals("thompson")) {
            assertThat(shadow.draws()).isGreaterThanOrEqualTo(200);
          } else {
            assertThat(shadow.draws()).isZero();
          }
          // never shown: no recommendation carries the shadow's id
          assertThat(r.recommendations()).extracting(Recommendation::id).doesNotContain(shadow.id());
        }
        // the live (fixed) list's whole first-slot distribution is logged
        double[] live = shown.candidates().orElseThrow().firstSlot();
        assertThat(java.util.Arrays.stream(live).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        Recommendation top = r.recommendations().get(0);
        int rating = top.desire() == DesireType.MOVE ? 5 : 1 + random.nextInt(3);
        a.feedback(top.id(), Outcome.DONE, OptionalInt.of(rating));
      }
      List<DecisionLog.ShownList> lists = a.vault().decisions().lists(Instant.EPOCH);
      assertThat(lists).hasSize(20).allSatisfy(l -> assertThat(l.shadows()).hasSize(2));
      DecisionLog.ShadowList someShadow = lists.get(3).shadows().get(0);
      assertThat(a.vault().decisions().shadow(someShadow.id())).hasValueSatisfying(
          s -> assertThat(s.optionIds()).isEqualTo(someShadow.optionIds()));

      // feedback on what a shadow would have shown is refused, and changes nothing
      int before = a.vault().decisions().feedback().size();
      assertThatThrownBy(() -> a.feedback(someShadow.id(), Outcome.DONE, OptionalInt.empty()))
          .isInstanceOf(RefusedException.class).hasMessageContaining("shadow policy thompson").hasMessageContaining("never shown");
      assertThat(a.vault().decisions().feedback()).hasSize(before);

      PolicyEvaluation.Result thompson = a.policies().evaluate("thompson", 30);
      assertThat(thompson.targetFrom()).containsExactly(Map.entry("shadow", 20));
      PolicyEvaluation.Result fixed = a.policies().evaluate("fixed", 30);
      assertThat(fixed.targetFrom()).containsExactly(Map.entry("live", 20));
      assertThat(fixed.verdict()).isEqualTo("cannot tell");
      PolicyEvaluation.Result egreedy = a.policies().evaluate("egreedy", 30);
      assertThat(egreedy.targetFrom()).containsExactly(Map.entry("replayed", 20));
    }
  }

  @Test
  void theLivePolicyCannotBeItsOwnShadowAndSwitchingKeepsTheOthers(@TempDir Path home) {
    try (Autonomy a = Autonomy.open(home, new TickingClock(), new SplittableRandom(3))) {
      assertThatThrownBy(() -> a.policies().shadow("fixed", true)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("fixed is the live policy");
      assertThatThrownBy(() -> a.policies().shadow("nope", true)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("no ranking policy 'nope'");
      a.policies().shadow("linucb", true);
      a.policies().shadow("egreedy", true);
      a.policies().switchTo("linucb");
      assertThat(a.policies().shadows()).containsExactly("egreedy");
      a.policies().shadow("fixed", true);
      Ranking r = a.recommend(new Situation(ZonedDateTime.now(a.clock()), Map.of()), new RankingPolicy(3, 0.1));
      assertThat(r.shown().policy()).isEqualTo("linucb");
      assertThat(r.shown().shadows()).extracting(DecisionLog.ShadowList::policy).containsExactly("fixed", "egreedy");
      assertThat(a.policies().shadow("egreedy", false)).containsExactly("fixed");
      assertThat(a.policies().list()).filteredOn(PolicyBook.Row::shadow).extracting(PolicyBook.Row::name).containsExactly("fixed");
    }
  }
}
