package dev.autonomy.engine.moment;

import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.state.Derived;
import dev.autonomy.vault.Vault;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The person's wish to move at a moment, from when in the day they have moved: the
 * {@link MomentModel} over their timed step records in {@link #BLOCK_HOURS}-hour blocks, trained
 * once per generation of the vault's signals. A person with daily data only has no moment model;
 * {@link #basis} says so, and the daily model speaks for them.
 */
public final class Moments {
  /** Hours per block of the day the engine predicts for. */
  public static final int BLOCK_HOURS = 3;
  /** Training days at which the moment model's confidence stops growing. */
  static final int FULL_CONFIDENCE_DAYS = 28;
  /** Days after which the confidence of a prediction from stale data has halved. */
  static final double HALF_LIFE_DAYS = 7;

  private final Vault vault;
  private final Derived<Fitted> fitted;

  /** The series and the model trained on all of it (absent with too few days). */
  record Fitted(BlockSeries series, Optional<MomentModel> model) {}

  public Moments(Vault vault) {
    this.vault = vault;
    this.fitted = new Derived<>(vault, List.of(Vault.SIGNALS), this::fit);
  }

  private Fitted fit() {
    BlockSeries series = BlockSeries.of(vault.signals().list(Set.of(SignalKind.STEPS)), BLOCK_HOURS);
    Optional<MomentModel> model = series.isEmpty() ? Optional.empty()
        : MomentModel.train(series, series.days().firstKey(), series.days().lastKey());
    return new Fitted(series, model);
  }

  /**
   * The move desire for the block of hours that {@code at} falls in, from the data before that
   * block; empty when there is no moment model (the daily model's prediction stands).
   */
  public Optional<Desire> move(ZonedDateTime at) {
    Fitted f = fitted.get();
    if (f.model().isEmpty()) {
      return Optional.empty();
    }
    MomentModel model = f.model().get();
    LocalDate day = at.toLocalDate();
    int block = f.series().blockOf(at.getHour());
    MomentModel.Prediction p = model.predict(f.series(), day, block);
    List<Contribution> parts = new ArrayList<>(p.contributions());
    LocalDate last = f.series().lastDay().orElseThrow();
    long age = Math.max(0, ChronoUnit.DAYS.between(last, day) - 1);
    if (!p.missing().isEmpty()) {
      // A note, not an input: it adds nothing, it says why the recent hours count as the usual.
      parts.add(new Contribution("no_step_data_since", age, 0.0, "no timed step data since " + last
          + ", so the hours before count as your usual for them (" + String.join(", ", p.missing()) + ")"));
    }
    double confidence = Math.min(1.0, model.trainingDays() / (double) FULL_CONFIDENCE_DAYS)
        * Math.pow(0.5, age / HALF_LIFE_DAYS);
    return Optional.of(new Desire(DesireType.MOVE, p.intensity(), confidence, parts));
  }

  /** What the move desire rests on, in a sentence for {@code desires}. */
  public String basis() {
    Fitted f = fitted.get();
    if (f.model().isPresent()) {
      MomentModel m = f.model().get();
      return "moment model: " + BLOCK_HOURS + "-hour blocks of your timed step records, " + m.trainingDays()
          + " days from " + m.trainedFrom() + " to " + m.trainedTo();
    }
    if (f.series().isEmpty()) {
      return "daily model: no timed step records (hourly steps, step samples), so the time of day does not change it";
    }
    return "daily model: " + f.series().days().size() + " days of timed step records, "
        + MomentModel.MIN_DAYS + " needed before the time of day is learned";
  }

  /** Seed of the bootstrap behind the evaluation's intervals: same data, same intervals. */
  static final long EVALUATION_SEED = 42;

  /** The moment model against its baselines on the last {@code testDays} days, per block of {@code blockHours}. */
  public MomentEvaluation.Row evaluate(int blockHours, int testDays) {
    return evaluate(blockHours, testDays, EVALUATION_SEED);
  }

  /** The same with the bootstrap seeded by {@code seed}. */
  public MomentEvaluation.Row evaluate(int blockHours, int testDays, long seed) {
    BlockSeries series = blockHours == BLOCK_HOURS ? fitted.get().series()
        : BlockSeries.of(vault.signals().list(Set.of(SignalKind.STEPS)), blockHours);
    return MomentEvaluation.evaluate(series, testDays, seed);
  }
}
