package dev.autonomy.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.feedback.Feedback;
import dev.autonomy.core.feedback.Outcome;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.option.Place;
import dev.autonomy.core.recommend.Explanation;
import dev.autonomy.core.recommend.Recommendation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shown list's candidate set: logged with its recommendations, read back within float precision, and small. */
class DecisionLogListTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T17:00:00Z"), ZoneOffset.UTC);
  private static final int DIMENSION = 18;

  @TempDir Path home;

  /**
   * Vectors shaped like the ranker's: the desire term is the intensity of the option's desire (one
   * value per desire), place, weather and budget are 0 or 1, history is the neutral prior except for
   * options with feedback, effort and time come from the option's effort and minutes, then sparse
   * crosses and a one-hot desire. With {@code uniform}, the seven scorer terms are uniform instead:
   * the worst case for the encoding.
   */
  private static DecisionLog.Candidates candidates(int n, SplittableRandom random, boolean uniform) {
    int desires = DIMENSION - 13;
    double[] intensity = new double[desires];
    for (int d = 0; d < desires; d++) {
      intensity[d] = random.nextDouble();
    }
    List<String> ids = new ArrayList<>();
    List<double[]> xs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add("option-" + i);
      double[] x = new double[DIMENSION];
      int desire = random.nextInt(desires);
      int effort = random.nextInt(11);
      int minutes = 15 + 15 * random.nextInt(12);
      x[0] = intensity[desire];
      x[1] = random.nextInt(3) == 0 ? 0 : 1;
      x[2] = random.nextInt(5) == 0 ? random.nextDouble() : 0.5;
      x[3] = minutes <= 60 ? 1 : Math.max(0, 1 - (minutes - 60) / 60.0);
      x[4] = 1 - Math.abs(effort / 10.0 - 0.6);
      x[5] = 1;
      x[6] = random.nextInt(4) == 0 ? 0 : 1;
      if (uniform) {
        for (int j = 0; j < 7; j++) {
          x[j] = random.nextDouble();
        }
      }
      x[7] = 1 - x[1];
      x[10] = effort / 10.0;
      x[11] = Math.min(4, minutes / 60.0);
      x[13 + desire] = 1;
      xs.add(x);
    }
    return new DecisionLog.Candidates(ids, xs, 3, 0.9);
  }

  private static Recommendation recommendation(String id, String optionId) {
    Option o = new Option(optionId, optionId, DesireType.MOVE, Place.OUTDOOR, 30, 4, 0, optionId, Set.of());
    return new Recommendation(id, o, o.desire(), 0.5, 0.5,
        new Explanation("test", List.of(), List.of(), false, 0.9, List.of(), "test"));
  }

  @Test
  void list_roundTripsWithinFloatPrecision_andTakesAbout2KbFor100By18() {
    DecisionLog.Candidates c = candidates(100, new SplittableRandom(1), true);
    try (Vault vault = Vault.open(home, CLOCK)) {
      Recommendation top = recommendation("rec-1", "option-3");
      vault.decisions().record(Map.of(), List.of(top, recommendation("rec-2", "option-5")),
          new DecisionLog.Shown("fixed", 0, Map.of("rec-1", c.vectors().get(3)), Optional.of(c)));
      vault.decisions().feedback(new Feedback("rec-1", Outcome.DONE, OptionalInt.of(5), CLOCK.instant()));

      List<DecisionLog.ShownList> lists = vault.decisions().lists(Instant.EPOCH);
      assertThat(lists).hasSize(1);
      DecisionLog.ShownList list = lists.get(0);
      assertThat(list.policy()).isEqualTo("fixed");
      assertThat(list.candidates().optionIds()).isEqualTo(c.optionIds());
      assertThat(list.candidates().top()).isEqualTo(3);
      assertThat(list.candidates().topPropensity()).isEqualTo(0.9);
      for (int i = 0; i < 100; i++) {
        double[] back = list.candidates().vectors().get(i);
        double[] sent = c.vectors().get(i);
        for (int j = 0; j < DIMENSION; j++) {
          assertThat(back[j]).isCloseTo(sent[j], within(1e-6));
        }
      }
      assertThat(list.topFeedback()).hasValueSatisfying(f -> {
        assertThat(f.recommendationId()).isEqualTo("rec-1");
        assertThat(f.rating()).hasValue(5);
      });
      assertThat(vault.decisions().lists(CLOCK.instant().plusSeconds(1))).isEmpty();
      assertThat(vault.decisions().taught()).singleElement().satisfies(t -> assertThat(t.optionId()).isEqualTo("option-3"));
    }
  }

  @Test
  void encoding_averagesAbout2KbPerListOf100By18() {
    SplittableRandom random = new SplittableRandom(2);
    int lists = 50;
    long shaped = 0;
    long uniform = 0;
    for (int i = 0; i < lists; i++) {
      shaped += candidates(100, random, false).encodedSize();
      uniform += candidates(100, random, true).encodedSize();
    }
    // Measured: see CandidateCodec's comment.
    System.out.printf("candidate set of 100 x %d: %.0f bytes per list shaped like the ranker's, %.0f with uniform scorer terms%n",
        DIMENSION, shaped / (double) lists, uniform / (double) lists);
    assertThat(shaped / (double) lists).isLessThan(2048);
    assertThat(uniform / (double) lists).isLessThan(4096);
  }
}
