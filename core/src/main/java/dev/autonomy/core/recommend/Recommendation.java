package dev.autonomy.core.recommend;

import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.option.Option;

/**
 * One proposal, with what it serves, how well it scored and why.
 *
 * @param id stable id the person uses for {@code why} and {@code feedback}
 * @param option what is proposed
 * @param desire the desire it serves
 * @param score the ranking score, 0..1
 * @param confidence how sure we are, 0..1
 * @param explanation why
 */
public record Recommendation(
    String id, Option option, DesireType desire, double score, double confidence, Explanation explanation) {
  public Recommendation {
    Requires.nonBlank(id, "id");
    Requires.nonNull(option, "option");
    Requires.nonNull(desire, "desire");
    Requires.unitInterval(score, "score");
    Requires.unitInterval(confidence, "confidence");
    Requires.nonNull(explanation, "explanation");
  }
}
