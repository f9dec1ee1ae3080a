package dev.autonomy.engine.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.recommend.Explanation;
import dev.autonomy.core.recommend.LimitApplication;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.rank.Ranking;
import dev.autonomy.engine.rank.RankingPolicy;
import dev.autonomy.vault.Json;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code why} lists what a stated limit left out, and decisions logged before limits were recorded still load. */
class WhyLimitsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T17:00:00Z"), ZoneId.of("Europe/Paris"));

  @Test
  void why_listsTheOptionsTheStatedLimitLeftOut_withWhy(@TempDir Path home) {
    try (Autonomy a = Autonomy.open(home, CLOCK, new SplittableRandom(3))) {
      Situation s = new Situation(ZonedDateTime.now(CLOCK), Map.of("budget", "10", "free_minutes", "45"));
      Ranking ranking = a.recommend(s, new RankingPolicy(3, 0));
      assertThat(ranking.recommendations()).isNotEmpty();
      Why why = a.why(ranking.recommendations().get(0).id());

      List<LimitApplication> limits = why.decision().recommendation().explanation().limits();
      assertThat(limits).extracting(LimitApplication::limit).containsExactly("budget", "free_minutes");
      assertThat(limits.get(0).over()).contains(new LimitApplication.Over("running-shoes", "costs 90 > budget 10"));
      assertThat(limits.get(1).over()).contains(new LimitApplication.Over("museum", "takes 120 min > free_minutes 45"));
      assertThat(limits).allSatisfy(l -> assertThat(l.soft()).isFalse());

      // The JSON that why --json and GET /why print carries them inside the explanation.
      String json = Json.mapper().valueToTree(why.view()).toString();
      assertThat(json).contains("\"limits\":[{\"limit\":\"budget\",\"value\":\"10\",\"soft\":false,\"over\":[")
          .contains("{\"optionId\":\"running-shoes\",\"reason\":\"costs 90 > budget 10\"}");
    }
  }

  @Test
  void aDecisionLoggedBeforeLimitsWereRecorded_stillLoads_withNoLimits() throws Exception {
    try (InputStream in = WhyLimitsTest.class.getResourceAsStream("decision-before-limits.json")) {
      Recommendation old = Json.mapper().readValue(in, Recommendation.class);
      Explanation e = old.explanation();
      assertThat(e.limits()).isEmpty();
      assertThat(e.rules().get(0).removed()).containsExactly("swim");
      assertThat(e.evidence()).hasSize(1);
      assertThat(old.option().id()).isEqualTo("museum");
      // And it writes back with an empty list, which reads again the same.
      String again = Json.mapper().writeValueAsString(old);
      assertThat(again).contains("\"limits\":[]");
      assertThat(Json.mapper().readValue(again, Recommendation.class)).isEqualTo(old);
    }
  }
}
