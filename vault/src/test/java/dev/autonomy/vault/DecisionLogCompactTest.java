package dev.autonomy.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.feedback.Feedback;
import dev.autonomy.core.feedback.Outcome;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.option.Place;
import dev.autonomy.core.recommend.Explanation;
import dev.autonomy.core.recommend.Recommendation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compact log: a list's recommendations come back exactly as shown (from their deflated JSON,
 * through key lists), their features from the candidate set, and retention removes old lists with
 * their feedback while every kept list stays readable.
 */
class DecisionLogCompactTest {
  /** A clock an hour later each time a list is shown. */
  private static final class Hourly extends Clock {
    private Instant now = Instant.parse("2026-01-01T08:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      now = now.plus(Duration.ofHours(1));
      return now;
    }
  }

  private static final List<String> OPTIONS = List.of("park-run", "gym", "museum", "nap", "budget-review", "swim", "walk");

  /** A list of five shaped like the ranker's: explanations with several reasons, numbers that move from list to list. */
  private static List<Recommendation> list(int n, SplittableRandom random) {
    List<Recommendation> out = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String option = OPTIONS.get((n + i) % OPTIONS.size());
      Option o = new Option(option, "Option " + option, DesireType.MOVE, Place.OUTDOOR, 30, 4, 0, option, Set.of("tag"));
      List<Contribution> reasons = new ArrayList<>();
      for (String input : List.of("desire.move", "place", "time", "history." + option, "effort", "weather", "budget",
          "desire.move.usual_level", "desire.move.steps_yesterday", "desire.move.sleep_last_night_h")) {
        reasons.add(new Contribution(input, random.nextDouble(), random.nextDouble(),
            "what " + input + " says about your wish to move now, from your own data"));
      }
      String summary = String.format(Locale.ROOT, "Option %s serves your wish to move (intensity %.2f); strongest reason: x.",
          option, random.nextDouble());
      out.add(new Recommendation("rec-" + n + "-" + i, o, o.desire(), random.nextDouble(), random.nextDouble(),
          new Explanation(summary, reasons, List.of(), i == 4, i == 4 ? 0.1 : 1, List.of(), "daily ridge model")));
    }
    return out;
  }

  private static DecisionLog.Shown shown(List<Recommendation> recs, SplittableRandom random) {
    List<double[]> vectors = new ArrayList<>();
    for (int i = 0; i < OPTIONS.size(); i++) {
      double[] x = new double[18];
      for (int j = 0; j < 7; j++) {
        x[j] = Math.round(random.nextDouble() * 100) / 100.0;
      }
      vectors.add(x);
    }
    Map<String, double[]> features = new java.util.HashMap<>();
    for (Recommendation r : recs) {
      features.put(r.id(), vectors.get(OPTIONS.indexOf(r.option().id())));
    }
    int top = OPTIONS.indexOf(recs.get(0).option().id());
    double[] firstSlot = new double[OPTIONS.size()];
    firstSlot[top] = 1;
    return new DecisionLog.Shown("fixed", 0, features,
        Optional.of(new DecisionLog.Candidates(OPTIONS, vectors, top, 1, firstSlot, 0)));
  }

  /** As shown, with every number to four significant digits (what a list's log keeps). */
  private static void sameAsShown(Recommendation back, Recommendation shown) {
    assertThat(back.id()).isEqualTo(shown.id());
    assertThat(back.option()).isEqualTo(shown.option());
    assertThat(back.score()).isCloseTo(shown.score(), org.assertj.core.data.Percentage.withPercentage(0.06));
    Explanation a = back.explanation();
    Explanation b = shown.explanation();
    assertThat(a.summary()).isEqualTo(b.summary());
    assertThat(a.exploration()).isEqualTo(b.exploration());
    assertThat(a.propensity()).isCloseTo(b.propensity(), org.assertj.core.data.Percentage.withPercentage(0.06));
    assertThat(a.contributions()).hasSameSizeAs(b.contributions());
    for (int i = 0; i < a.contributions().size(); i++) {
      assertThat(a.contributions().get(i).input()).isEqualTo(b.contributions().get(i).input());
      assertThat(a.contributions().get(i).meaning()).isEqualTo(b.contributions().get(i).meaning());
      assertThat(a.contributions().get(i).value()).isCloseTo(b.contributions().get(i).value(),
          org.assertj.core.data.Percentage.withPercentage(0.06));
      assertThat(a.contributions().get(i).weight()).isCloseTo(b.contributions().get(i).weight(),
          org.assertj.core.data.Percentage.withPercentage(0.06));
    }
  }

  @Test
  void listsComeBackAsShown_withTheirFeatures_andTakeUnder2KbEach(@TempDir Path home) {
    SplittableRandom random = new SplittableRandom(4);
    List<List<Recommendation>> sent = new ArrayList<>();
    List<DecisionLog.Shown> shownWith = new ArrayList<>();
    try (Vault vault = Vault.open(home, new Hourly())) {
      for (int n = 0; n < 200; n++) {
        List<Recommendation> recs = list(n, random);
        DecisionLog.Shown shown = shown(recs, random);
        vault.decisions().record(Map.of("place", "outdoor", "n", Integer.toString(n)), recs, shown);
        sent.add(recs);
        shownWith.add(shown);
      }
      // a plan, logged alone the old way, still reads back
      Recommendation plan = list(999, random).get(0);
      vault.decisions().record(Map.of("plan", "week"), List.of(plan));

      List<LoggedDecision> all = vault.decisions().all();
      assertThat(all).hasSize(1001);
      for (int n = 0; n < 200; n++) {
        for (int i = 0; i < 5; i++) {
          LoggedDecision d = all.get(n * 5 + i);
          sameAsShown(d.recommendation(), sent.get(n).get(i));
          assertThat(d.situation()).containsEntry("n", Integer.toString(n));
        }
      }
      assertThat(all.get(1000).recommendation()).isEqualTo(plan); // logged alone: every digit
      assertThat(vault.decisions().find("rec-137-2")).hasValueSatisfying(d -> {
        sameAsShown(d.recommendation(), sent.get(137).get(2));
        assertThat(d.situation()).containsEntry("n", "137");
      });
      String id = sent.get(150).get(1).id();
      assertThat(vault.decisions().features(id)).hasValueSatisfying(
          x -> assertThat(x[0]).isCloseTo(shownWith.get(150).features().get(id)[0], org.assertj.core.data.Offset.offset(1e-6)));
      vault.decisions().feedback(new Feedback(id, Outcome.DONE, OptionalInt.of(4), Instant.parse("2026-02-01T00:00:00Z")));
      assertThat(vault.decisions().taught()).singleElement().satisfies(t -> assertThat(t.optionId()).isEqualTo(
          sent.get(150).get(1).option().id()));

      DecisionLog.Size size = vault.decisions().size();
      assertThat(size.lists()).isEqualTo(200);
      assertThat(size.recommendations()).isEqualTo(1001);
      double perList = size.bytes() / 200.0;
      System.out.printf("compact log: %.0f bytes per list of five (with its candidate set and one plan)%n", perList);
      assertThat(perList).isLessThan(2048);
    }
  }

  @Test
  void retentionRemovesOldListsWithTheirFeedback_andKeepsKeyListsTheRestNeed(@TempDir Path home) {
    SplittableRandom random = new SplittableRandom(5);
    Hourly clock = new Hourly();
    try (Vault vault = Vault.open(home, clock)) {
      List<List<Recommendation>> sent = new ArrayList<>();
      for (int n = 0; n < 150; n++) {
        List<Recommendation> recs = list(n, random);
        vault.decisions().record(Map.of(), recs, shown(recs, random));
        sent.add(recs);
        vault.decisions().feedback(new Feedback(recs.get(0).id(), Outcome.DONE, OptionalInt.empty(), clock.instant()));
      }
      // every list was shown an hour (two clock reads) apart: keep the last 100 lists
      Instant cutoff = vault.decisions().lists(Instant.EPOCH).get(50).created();
      DecisionLog.Pruned pruned = vault.decisions().prune(cutoff);
      // lists 0..49 go, the key list 0 too: lists 50..63 of its group are written again as a group of their own
      assertThat(pruned.lists()).isEqualTo(50);
      assertThat(pruned.recommendations()).isEqualTo(50 * 5);
      assertThat(pruned.feedback()).isEqualTo(50);
      assertThat(vault.decisions().find(sent.get(0).get(0).id())).isEmpty();
      assertThat(vault.decisions().find(sent.get(10).get(0).id())).isEmpty();
      for (int n = 50; n < 150; n++) {
        assertThat(vault.decisions().find(sent.get(n).get(3).id())).hasValueSatisfying(
            d -> assertThat(d.recommendation().explanation().summary()).startsWith("Option"));
      }
      assertThat(vault.decisions().feedback()).hasSize(100);
      assertThat(vault.decisions().lists(Instant.EPOCH)).extracting(l -> l.candidates().optionIds()).allSatisfy(
          ids -> assertThat(ids).isEqualTo(OPTIONS));
      // a second cut, through the regrouped lists (50..63) and then through the next group
      DecisionLog.Pruned again = vault.decisions().prune(vault.decisions().lists(Instant.EPOCH).get(20).created());
      assertThat(again.lists()).isEqualTo(20);
      assertThat(vault.decisions().prune(vault.decisions().lists(Instant.EPOCH).get(10).created()).lists()).isEqualTo(10);
      assertThat(vault.decisions().lists(Instant.EPOCH)).hasSize(70);
      assertThat(vault.decisions().all()).hasSize(70 * 5);
      for (int n = 80; n < 150; n++) {
        List<Recommendation> recs = sent.get(n);
        assertThat(vault.decisions().find(recs.get(4).id())).hasValueSatisfying(d -> sameAsShown(d.recommendation(), recs.get(4)));
      }
      // the next list logged still joins the group that is open
      List<Recommendation> next = list(150, random);
      vault.decisions().record(Map.of(), next, shown(next, random));
      assertThat(vault.decisions().find(next.get(2).id())).hasValueSatisfying(d -> sameAsShown(d.recommendation(), next.get(2)));
    }
  }
}
