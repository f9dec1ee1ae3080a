package dev.autonomy.engine.desire;

import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.engine.features.FeatureVector;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * The worked example of the founding design (section 4.3): a health desire modelled as
 * {@code intensity = 0.8 x (D_health + D_exercise)}, where D_health comes from health monitoring
 * and D_exercise from exercise tracks. Indoors (situation 1) the inputs are (0.3, 0.5), giving
 * 0.64, and an indoor plan (gym) is recommended; outdoors (situation 2) they are (0.4, 0.6), giving
 * 0.88, and an outdoor plan (park run). The health desire is Autonomy's {@link DesireType#MOVE}.
 *
 * <p><b>A correction.</b> The design writes the model as M(S_j), a function of the situation, but
 * its formula has no situation term, and {@code 0.8 x (0.4 + 0.6)} is 0.80, not the 0.88 it states.
 * The stated numbers are reproduced exactly by making the situation term explicit: {@code
 * intensity = 0.8 x (health + exercise) + 0.08 x outdoor}, where {@code outdoor} is the {@code
 * place_outdoor} context feature (0 in situation 1, 1 in situation 2). Indoors this is the design's
 * formula unchanged (0.64); outdoors the situation adds 0.08 (0.80 + 0.08 = 0.88), and the
 * explanation shows that term as its own contribution. {@link #formulaOnly()} is the model without
 * it.
 */
public final class WorkedExample {
  public static final String HEALTH = "health";
  public static final String EXERCISE = "exercise";
  public static final String OUTDOOR = "place_outdoor";
  public static final double WEIGHT = 0.8;
  /** The situation term that the design's 0.88 implies (see the class comment). */
  public static final double OUTDOOR_WEIGHT = 0.08;

  private WorkedExample() {}

  /** One situation of the example, with its inputs and the intensity the design states. */
  public record Case(String name, Situation situation, FeatureVector inputs, double expectedIntensity) {}

  /**
   * The configured model: intensity = 0.8 x health + 0.8 x exercise + 0.08 x outdoor, no
   * intercept, no prior, full confidence.
   */
  public static LinearDesireModel model() {
    LinearHead head = LinearHead.configured(DesireType.MOVE, List.of(HEALTH, EXERCISE, OUTDOOR),
        List.of(WEIGHT, WEIGHT, OUTDOOR_WEIGHT), 0.0);
    return new LinearDesireModel(Map.of(DesireType.MOVE, head), ModelProvenance.configured(
        "design worked example: intensity = 0.8 x (health + exercise) + 0.08 x outdoor"));
  }

  /** The design's formula as written, 0.8 x (health + exercise), without the situation term. */
  public static LinearDesireModel formulaOnly() {
    LinearHead head = LinearHead.configured(DesireType.MOVE, List.of(HEALTH, EXERCISE), List.of(WEIGHT, WEIGHT), 0.0);
    return new LinearDesireModel(Map.of(DesireType.MOVE, head),
        ModelProvenance.configured("design worked example, formula only: intensity = 0.8 x (health + exercise)"));
  }

  /** The example's inputs; {@code outdoor} is 1 in situation 2, else 0. */
  public static FeatureVector inputs(double health, double exercise, boolean outdoor) {
    return new FeatureVector(List.of(HEALTH, EXERCISE, OUTDOOR), List.of(health, exercise, outdoor ? 1.0 : 0.0),
        Map.of(HEALTH, "health monitoring score (D_health)", EXERCISE, "exercise track score (D_exercise)",
            OUTDOOR, "you are outdoors (situation 2)"));
  }

  /** Situation 1: indoor exercise, inputs (0.3, 0.5), intensity 0.64; the design recommends a gym plan. */
  public static Case indoor(ZonedDateTime at) {
    return new Case("indoor", new Situation(at, Map.of("place", "indoor", "situation", "1")),
        inputs(0.3, 0.5, false), 0.64);
  }

  /** Situation 2: outdoor exercise, inputs (0.4, 0.6), intensity 0.88; the design recommends a park run. */
  public static Case outdoor(ZonedDateTime at) {
    return new Case("outdoor", new Situation(at, Map.of("place", "outdoor", "situation", "2")),
        inputs(0.4, 0.6, true), 0.88);
  }
}
