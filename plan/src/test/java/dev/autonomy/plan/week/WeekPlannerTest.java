package dev.autonomy.plan.week;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class WeekPlannerTest {
  static final List<SessionCandidate> CATALOGUE = List.of(
      new SessionCandidate("run-easy", "Easy run", true, 30, 4, "run"),
      new SessionCandidate("run-long", "Long run", true, 90, 7, "run"),
      new SessionCandidate("intervals", "Intervals", true, 45, 9, "run"),
      new SessionCandidate("swim", "Swim", false, 45, 5, "swim"),
      new SessionCandidate("strength", "Strength", false, 40, 6, "strength"),
      new SessionCandidate("yoga", "Yoga", false, 30, 2, "mobility"),
      new SessionCandidate("bike", "Bike ride", true, 60, 5, "bike"));

  static WeekInput randomInput(long seed, boolean withHistory) {
    SplittableRandom random = new SplittableRandom(seed);
    int k = 2 + random.nextInt(CATALOGUE.size() - 1);
    List<SessionCandidate> candidates = CATALOGUE.subList(0, k);
    double[][] satisfaction = new double[7][k];
    int[] free = new int[7];
    for (int d = 0; d < 7; d++) {
      free[d] = random.nextInt(5) * 25;
      for (int c = 0; c < k; c++) {
        satisfaction[d][c] = random.nextDouble();
      }
    }
    List<Rule> rules = new ArrayList<>();
    if (random.nextBoolean()) {
      rules.add(Rule.never("swim"));
    }
    if (random.nextBoolean()) {
      rules.add(Rule.maxMinutesOnWeekdays(45));
    }
    double average = withHistory ? random.nextDouble(100, 1500) : 0;
    return new WeekInput(candidates, satisfaction, free, rules, average);
  }

  @Property(tries = 60)
  void plan_neverBreaksARuleOrExceedsFreeTimeOrTheLoadCap(@ForAll long seed, @ForAll boolean history) {
    WeekInput input = randomInput(seed, history);
    WeekPlan plan = new WeekPlanner(30, 10, 60).plan(input, seed);
    assertThat(WeekPlanner.violations(input, plan)).isEmpty();
    assertThat(plan.days()).hasSize(7);
    int[] free = input.freeMinutes();
    for (DayPlan day : plan.days()) {
      day.session().ifPresent(s -> {
        assertThat(s.minutes()).isLessThanOrEqualTo(free[day.day().getValue() - 1]);
        for (Rule rule : input.rules()) {
          assertThat(rule.allows().test(new PlacedSession(day.day(), s))).as(rule.name()).isTrue();
        }
      });
      assertThat(day.why()).isNotBlank();
    }
    assertThat(plan.load()).isLessThanOrEqualTo(input.loadCap());
    if (history) {
      assertThat(plan.load()).isLessThanOrEqualTo(input.fourWeekAverageLoad() * 1.10 + 1e-9);
    }
  }

  /**
   * Seeded and statistical, not exact: over 30 fixed instances the GA always beats the mean of
   * random plans and never beats the exhaustive optimum (a check of the fitness), and reaches at
   * least 95% of the optimum on at least 27 of them (it did on 29 of 30 when measured).
   */
  @Test
  void plan_beatsRandomPlansAndNearlyMatchesTheExhaustiveOptimum() {
    int near = 0;
    for (int seed = 1; seed <= 30; seed++) {
      WeekInput input = randomInput(seed, true);
      WeekPlan ga = new WeekPlanner().plan(input, seed);
      int s = seed;
      double randomMean = LongStream.range(0, 50).mapToDouble(r -> WeekPlanner.random(input, s * 100L + r).fitness()).average().orElseThrow();
      assertThat(ga.fitness()).as("seed %d", seed).isGreaterThanOrEqualTo(randomMean);
      WeekPlan best = WeekPlanner.exhaustive(input);
      assertThat(ga.fitness()).as("seed %d", seed).isLessThanOrEqualTo(best.fitness() + 1e-9);
      if (ga.fitness() >= 0.95 * best.fitness() - 1e-9) {
        near++;
      }
    }
    assertThat(near).isGreaterThanOrEqualTo(27);
  }

  @Test
  void plan_sameSeedSamePlan() {
    WeekInput input = randomInput(5, true);
    assertThat(new WeekPlanner().plan(input, 77)).isEqualTo(new WeekPlanner().plan(input, 77));
  }

  @Test
  void plan_restsAfterAHardDayAndExplainsBindingConstraints() {
    List<SessionCandidate> two = List.of(
        new SessionCandidate("intervals", "Intervals", true, 45, 9, "run"),
        new SessionCandidate("swim", "Swim", false, 45, 5, "swim"));
    double[][] sat = new double[7][];
    for (int d = 0; d < 7; d++) {
      sat[d] = new double[] {0.6, 0.9};
    }
    WeekInput input = new WeekInput(two, sat, new int[] {60, 60, 60, 60, 60, 60, 60}, List.of(Rule.never("swim")), 0);
    WeekPlan plan = new WeekPlanner().plan(input, 1);
    for (int d = 1; d < 7; d++) {
      boolean hardBefore = plan.days().get(d - 1).session().map(SessionCandidate::hard).orElse(false);
      if (hardBefore) {
        assertThat(plan.days().get(d).rest()).as("rest after the hard day before day %d", d).isTrue();
      }
    }
    assertThat(plan.days()).anySatisfy(day -> assertThat(day.why()).contains("rule 'never swim'"));
    assertThat(plan.days()).anySatisfy(day -> assertThat(day.why()).startsWith("rest after a hard day"));
  }
}
