package dev.autonomy.engine.federate;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.autonomy.core.Requires;
import java.util.List;

/**
 * What a coordinator says of itself, on every poll: the round and its phase, the population model's
 * version and shape, and the privacy terms of a contribution (the clip norm and noise multiplier
 * every client applies, the delta). A client checks the shape and the terms against its own before
 * it sends anything.
 *
 * @param round the current round's id
 * @param phase {@code advertise}, {@code share}, {@code mask}, {@code unmask}, or {@code done}
 * @param modelVersion the population model's version (rounds closed)
 * @param inputs the model's inputs
 * @param desires the model's desires (codes)
 * @param clip the clip norm of an update
 * @param noiseMultiplier the noise of the sum in units of clip, shared out among the cohort
 * @param delta the DP delta
 * @param threshold the secret-sharing threshold: the fewest clients a round survives with
 * @param cohortMin the fewest clients a round starts with
 * @param roundsLeft rounds the coordinator will still run
 */
public record FederationStatus(
    long round,
    String phase,
    @JsonProperty("model_version") long modelVersion,
    List<String> inputs,
    List<String> desires,
    double clip,
    @JsonProperty("noise_multiplier") double noiseMultiplier,
    double delta,
    int threshold,
    @JsonProperty("cohort_min") int cohortMin,
    @JsonProperty("rounds_left") int roundsLeft) {
  public FederationStatus {
    Requires.nonBlank(phase, "phase");
    inputs = List.copyOf(inputs);
    desires = List.copyOf(desires);
  }

  public int dimension() {
    return inputs.size() * desires.size();
  }
}
