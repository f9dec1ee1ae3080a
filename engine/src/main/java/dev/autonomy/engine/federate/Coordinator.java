package dev.autonomy.engine.federate;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.engine.desire.PopulationPrior;
import dev.autonomy.engine.desire.PopulationTrainer;
import dev.autonomy.federate.secagg.AdvertiseKeys;
import dev.autonomy.federate.secagg.Aggregate;
import dev.autonomy.federate.secagg.Aggregator;
import dev.autonomy.federate.secagg.EncryptedShare;
import dev.autonomy.federate.secagg.MaskedInput;
import dev.autonomy.federate.secagg.RoundConfig;
import dev.autonomy.federate.secagg.RoundFailedException;
import dev.autonomy.federate.secagg.ShareKeys;
import dev.autonomy.federate.secagg.UnmaskRequest;
import dev.autonomy.federate.secagg.UnmaskResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The coordinator of a federation: it runs rounds of secure aggregation over the persons who join
 * and moves the population model by the mean of their updates. It sees the sum only ({@link
 * Aggregator}: each masked update is uniformly random on its own), never a person's data or update.
 *
 * <p>A round goes through four phases; each closes when every client of the phase has answered, or
 * when {@link Settings#phaseTimeout} has passed and enough have (a client that never answers is
 * left behind, and its masks are removed from the sum with the others' shares). The first phase
 * waits for {@link Settings#cohortMin} clients, however long it takes: a round below it never
 * starts. A round that ends with fewer than {@link Settings#threshold} clients fails, leaves the
 * model as it was and starts again under a new id. Every message carries its round's id, so a
 * message replayed from another round is refused.
 *
 * <p>Thread-safe: every call is serialised. {@link #tick} closes phases on time (call it often).
 */
public final class Coordinator {
  /**
   * How the coordinator runs.
   *
   * @param cohortMin the fewest clients a round starts with
   * @param threshold the secret-sharing threshold (at least 2, at most cohortMin)
   * @param rounds rounds to run in all
   * @param clip the clip norm every client applies
   * @param noiseMultiplier the noise multiplier every client shares out (0: none)
   * @param delta the DP delta the clients account at
   * @param phaseTimeout how long a phase waits for its last clients
   */
  public record Settings(int cohortMin, int threshold, int rounds, double clip, double noiseMultiplier, double delta,
      Duration phaseTimeout) {
    public Settings {
      if (threshold < 2 || threshold > cohortMin) {
        throw new InvalidInputException("threshold must be between 2 and the minimum cohort (" + cohortMin + "), was "
            + threshold);
      }
      Requires.positive(rounds, "rounds");
      if (!(clip > 0) || Double.isInfinite(clip)) {
        throw new InvalidInputException("clip must be > 0, was " + clip);
      }
      Requires.nonNegative(noiseMultiplier, "noiseMultiplier");
      if (!(delta > 0 && delta < 1)) {
        throw new InvalidInputException("delta must be in (0, 1), was " + delta);
      }
      Requires.nonNull(phaseTimeout, "phaseTimeout");
    }
  }

  /** What a coordinator keeps between runs: the model and how many rounds it has closed. */
  public record State(PopulationPrior model, long modelVersion, long nextRound, int roundsDone) {}

  private enum Phase {
    ADVERTISE, SHARE, MASK, UNMASK, DONE
  }

  private final Settings settings;
  private final Clock clock;
  private final PopulationTrainer trainer;
  private final Consumer<State> saver;
  private PopulationPrior model;
  private long modelVersion;
  private long round;
  private int roundsDone;
  private Phase phase;
  private Aggregator aggregator;
  private Instant phaseStarted;
  private int nextClient;
  private final Set<Integer> joined = new LinkedHashSet<>();
  private final Set<Integer> answered = new LinkedHashSet<>();
  private List<AdvertiseKeys> roster = List.of();
  private final List<String> events = new ArrayList<>();

  /**
   * @param state where to start (a fresh coordinator: a zero model, version 0, round 1)
   * @param saver called with the new state after each round closes (the coordinator's own store)
   */
  public Coordinator(Settings settings, PopulationTrainer trainer, State state, Clock clock, Consumer<State> saver) {
    this.settings = Requires.nonNull(settings, "settings");
    this.trainer = Requires.nonNull(trainer, "trainer");
    this.clock = Requires.nonNull(clock, "clock");
    this.saver = Requires.nonNull(saver, "saver");
    this.model = state.model();
    this.modelVersion = state.modelVersion();
    this.round = state.nextRound();
    this.roundsDone = state.roundsDone();
    startRound();
  }

  /** A fresh coordinator's state: the zero model of {@code trainer}'s shape. */
  public static State fresh(PopulationTrainer trainer) {
    return new State(PopulationPrior.zero(trainer.inputs(), trainer.types(),
        new PopulationPrior.Origin("federated", 0, 0, null, null, "coordinator", 0.0)), 0, 1, 0);
  }

  private void startRound() {
    if (roundsDone >= settings.rounds()) {
      phase = Phase.DONE;
      return;
    }
    aggregator = new Aggregator(RoundConfig.of(round, model.dimension(), settings.threshold()));
    phase = Phase.ADVERTISE;
    phaseStarted = clock.instant();
    joined.clear();
    answered.clear();
    roster = List.of();
  }

  public synchronized FederationStatus status() {
    tick();
    return new FederationStatus(round, phase.name().toLowerCase(java.util.Locale.ROOT), modelVersion, model.inputs(),
        trainer.types().stream().map(DesireType::code).toList(), settings.clip(), settings.noiseMultiplier(),
        settings.delta(), settings.threshold(), settings.cohortMin(), settings.rounds() - roundsDone);
  }

  public synchronized PopulationPrior model() {
    return model;
  }

  public synchronized long modelVersion() {
    return modelVersion;
  }

  /** What happened, one line per event (rounds closed or failed), for the coordinator's log. */
  public synchronized List<String> events() {
    return List.copyOf(events);
  }

  /** A client joins the current round: its id in the round and the round's terms. */
  public synchronized Joined join(long roundId) {
    tick();
    requirePhase(roundId, Phase.ADVERTISE, "join");
    int id = ++nextClient;
    joined.add(id);
    return new Joined(id, aggregator.config());
  }

  /** A client's id in a round and the round's secure-aggregation terms. */
  public record Joined(int clientId, RoundConfig config) {}

  public synchronized void keys(AdvertiseKeys keys) {
    requirePhase(keys.roundId(), Phase.ADVERTISE, "public keys");
    requireJoined(keys.clientId());
    aggregator.accept(keys);
    answered.add(keys.clientId());
    tick();
  }

  /** The round's roster once the first phase has closed; empty while it is still open. */
  public synchronized List<AdvertiseKeys> roster(long roundId) {
    tick();
    requireRound(roundId);
    return phase == Phase.ADVERTISE ? List.of() : roster;
  }

  public synchronized void shares(ShareKeys shares) {
    requirePhase(shares.roundId(), Phase.SHARE, "shares");
    aggregator.accept(shares);
    answered.add(shares.clientId());
    tick();
  }

  /** The shares for {@code clientId} once the second phase has closed; null while it is open. */
  public synchronized List<EncryptedShare> sharesFor(long roundId, int clientId) {
    tick();
    requireRound(roundId);
    if (phase == Phase.SHARE || phase == Phase.ADVERTISE) {
      return null;
    }
    return aggregator.sharesFor(clientId);
  }

  public synchronized void input(MaskedInput input) {
    requirePhase(input.roundId(), Phase.MASK, "masked input");
    aggregator.accept(input);
    answered.add(input.clientId());
    tick();
  }

  /** The unmask request once the third phase has closed; null while it is open. */
  public synchronized UnmaskRequest unmaskRequest(long roundId) {
    tick();
    requireRound(roundId);
    if (phase != Phase.UNMASK) {
      return null;
    }
    return aggregator.unmaskRequest();
  }

  public synchronized void unmask(UnmaskResponse response) {
    requirePhase(response.roundId(), Phase.UNMASK, "unmask response");
    aggregator.accept(response);
    answered.add(response.clientId());
    tick();
  }

  /** Closes a phase whose clients have all answered, or whose time is up with enough of them. */
  public synchronized void tick() {
    if (phase == Phase.DONE) {
      return;
    }
    boolean late = Duration.between(phaseStarted, clock.instant()).compareTo(settings.phaseTimeout()) >= 0;
    switch (phase) {
      case ADVERTISE -> {
        // all who joined have sent keys and the cohort is big enough (or time is up with enough)
        boolean allIn = answered.size() == joined.size() && answered.size() >= settings.cohortMin();
        if (allIn || (late && answered.size() >= settings.cohortMin())) {
          roster = aggregator.roster();
          next(Phase.SHARE);
        }
      }
      case SHARE -> closeWhen(late, roster.size(), () -> {
        aggregator.sharesFor(answered.iterator().next());
        next(Phase.MASK);
      });
      case MASK -> closeWhen(late, sharedCount, () -> {
        aggregator.unmaskRequest();
        next(Phase.UNMASK);
      });
      case UNMASK -> closeWhen(late, maskedCount, this::finishRound);
      default -> { }
    }
  }

  private int sharedCount;
  private int maskedCount;

  private void closeWhen(boolean late, int expected, Runnable close) {
    if (answered.size() >= expected || late) {
      if (answered.size() < settings.threshold()) {
        fail("only " + answered.size() + " of " + expected + " clients answered in phase " + phase.name().toLowerCase(
            java.util.Locale.ROOT) + ", fewer than the threshold " + settings.threshold());
        return;
      }
      if (phase == Phase.SHARE) {
        sharedCount = answered.size();
      } else if (phase == Phase.MASK) {
        maskedCount = answered.size();
      }
      try {
        close.run();
      } catch (RoundFailedException | InvalidInputException e) {
        fail(e.getMessage());
      }
    }
  }

  private void next(Phase to) {
    phase = to;
    phaseStarted = clock.instant();
    answered.clear();
  }

  private void finishRound() {
    Aggregate sum = aggregator.result();
    int n = sum.included().size();
    double[] mean = sum.sum();
    for (int i = 0; i < mean.length; i++) {
      mean[i] /= n;
    }
    roundsDone++;
    modelVersion++;
    double noiseSd = PrivateUpdate.noiseAfterRound(model.origin().noiseSd(), settings.noiseMultiplier(), settings.clip(), n);
    model = trainer.step(model, mean, new PopulationPrior.Origin("federated", n, roundsDone, null,
        settings.noiseMultiplier() > 0 ? settings.delta() : null, "coordinator", noiseSd));
    events.add(clock.instant() + " round " + round + " closed: " + n + " clients, model version " + modelVersion);
    round++;
    saver.accept(new State(model, modelVersion, round, roundsDone));
    startRound();
  }

  private void fail(String why) {
    events.add(clock.instant() + " round " + round + " failed: " + why + "; the model is unchanged");
    round++;
    startRound();
  }

  private void requireRound(long roundId) {
    if (roundId != round) {
      throw new InvalidInputException("round " + roundId + " is not the current round (" + round
          + "): a message for another round is refused");
    }
  }

  private void requirePhase(long roundId, Phase expected, String what) {
    requireRound(roundId);
    if (phase != expected) {
      throw new InvalidInputException(what + " for round " + roundId + " came in phase "
          + phase.name().toLowerCase(java.util.Locale.ROOT) + "; it belongs to phase "
          + expected.name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  private void requireJoined(int clientId) {
    if (!joined.contains(clientId)) {
      throw new InvalidInputException("client " + clientId + " has not joined round " + round);
    }
  }
}
