package dev.autonomy.engine.plan;

import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.plan.map.LatLon;
import dev.autonomy.plan.map.Mode;
import dev.autonomy.plan.run.RunLoop;
import dev.autonomy.plan.run.RunRequest;
import java.util.Locale;
import java.util.Set;

/**
 * A running or riding loop offered as a recommendation.
 *
 * @param loop the planned loop
 * @param offered the logged recommendation ({@code why} and {@code feedback} take its id)
 */
public record RunOffer(RunLoop loop, Recommendation offered) {
  /** Minutes per km used to size the loop as an option: an easy run, a relaxed ride. */
  private static final double RUN_MINUTES_PER_KM = PathOffers.RUN_MINUTES_PER_KM;
  private static final double RIDE_MINUTES_PER_KM = 3.0;

  /** The loop as one option: outdoor, serving move, with the activity word rules match ("run", "cycle"). */
  public static Option asOption(RunLoop loop, Mode mode) {
    double km = loop.meters() / 1000;
    int minutes = (int) Math.round(km * (mode == Mode.BIKE ? RIDE_MINUTES_PER_KM : RUN_MINUTES_PER_KM));
    return option(mode, loop.targetMeters() / 1000, km, loop.start(), minutes);
  }

  /**
   * The loop as asked, before it is found, for checking rules that refuse any such loop ("never
   * run", "no outdoor"). Its length is not known yet, so it counts 0 minutes here; the loop found is
   * checked again with its real length.
   */
  public static Option asOption(RunRequest request) {
    return option(request.mode(), request.km(), request.km(), request.start(), 0);
  }

  private static Option option(Mode mode, double askedKm, double km, LatLon start, int minutes) {
    boolean bike = mode == Mode.BIKE;
    return new Option("run-loop-" + Math.round(askedKm) + "km",
        String.format(Locale.ROOT, "%s loop of %.1f km from %s", bike ? "Riding" : "Running", km, start),
        DesireType.MOVE, dev.autonomy.core.option.Place.OUTDOOR, minutes, bike ? 6 : 7, 0, bike ? "cycle" : "run",
        Set.of("plan", "loop"));
  }

  /** One line for the explanation: how close to the asked distance, and how much is run twice. */
  public static String summary(RunLoop loop) {
    return String.format(Locale.ROOT, "a %.1f km loop (asked %.1f km%s), %.0f%% on streets run twice, found by %s",
        loop.meters() / 1000, loop.targetMeters() / 1000,
        loop.withinTolerance() ? "" : String.format(Locale.ROOT, ", %.0f%% off: the closest this map allows", loop.relativeError() * 100),
        loop.repeatedShare() * 100, loop.method());
  }
}
