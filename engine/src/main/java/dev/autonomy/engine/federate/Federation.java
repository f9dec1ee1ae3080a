package dev.autonomy.engine.federate;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.RefusedException;
import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.engine.desire.Desires;
import dev.autonomy.engine.desire.PopulationPrior;
import dev.autonomy.engine.desire.PopulationTrainer;
import dev.autonomy.federate.privacy.RdpAccountant;
import dev.autonomy.federate.privacy.SampledGaussian;
import dev.autonomy.federate.secagg.AdvertiseKeys;
import dev.autonomy.federate.secagg.EncryptedShare;
import dev.autonomy.federate.secagg.MaskedInput;
import dev.autonomy.federate.secagg.RoundConfig;
import dev.autonomy.federate.secagg.SecAggClient;
import dev.autonomy.federate.secagg.UnmaskRequest;
import dev.autonomy.vault.PrivacyLedger;
import dev.autonomy.vault.Vault;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Taking part in a federation, on the person's terms: {@link #join} trains on the person's own
 * vault and sends, per round, only a clipped and noised update of the population prior, masked so
 * that the coordinator learns nothing but the cohort's sum; what left the machine and what it cost
 * in privacy goes into the vault's {@link PrivacyLedger} before it is sent. The person's cap on
 * cumulative epsilon is enforced before anything is sent; the population model received back is
 * checked and kept in the vault, where the desire models shrink toward it.
 *
 * <p>Privacy accounting: each contribution is the Gaussian mechanism on the cohort's sum, whose one
 * person's part is at most the clip norm; the person counts every round they took part in at
 * sampling rate 1 (no amplification by sampling is claimed: the coordinator's choice of cohort is
 * not something a client can check), composed with a Rényi-DP accountant ({@link RdpAccountant}).
 */
public final class Federation {
  /** Present while the person has left: a running {@link #join} stops before its next round. */
  static final String LEFT = "federation.left";
  /** How long one phase of a round may keep a client waiting before it gives up. */
  public static final Duration DEFAULT_PHASE_WAIT = Duration.ofMinutes(5);

  private final Vault vault;
  private final Clock clock;
  private final Desires desires;
  private final RdpAccountant accountant = new RdpAccountant();

  public Federation(Vault vault, Clock clock, Desires desires) {
    this.vault = Requires.nonNull(vault, "vault");
    this.clock = Requires.nonNull(clock, "clock");
    this.desires = Requires.nonNull(desires, "desires");
  }

  /** The shape every engine of this version federates: its desire inputs, the wearable desires. */
  public static PopulationTrainer trainer() {
    return PopulationTrainer.defaults(dev.autonomy.engine.desire.DesireTrainerSettings.defaults(0));
  }

  /**
   * What a join did.
   *
   * @param contributed rounds whose update was sent
   * @param modelVersion the population model's version now kept in the vault (0: none received)
   * @param cumulativeEpsilon every contribution so far composed
   * @param notes what happened, a line per round
   */
  public record JoinReport(int contributed, long modelVersion, double cumulativeEpsilon, List<String> notes) {
    public JoinReport {
      notes = List.copyOf(notes);
    }
  }

  /**
   * Takes part in {@code rounds} rounds of the coordinator at {@code coordinator}. Refused before
   * anything is sent when the coordinator's model has another shape than this engine's, or when
   * its terms would take the person's cumulative epsilon past their budget within those rounds.
   */
  public JoinReport join(URI coordinator, int rounds, Duration phaseWait, SecureRandom random, Consumer<String> progress) {
    Requires.positive(rounds, "rounds");
    vault.documents().remove(LEFT);
    PopulationTrainer trainer = trainer();
    FederationClient client = new FederationClient(coordinator, Duration.ofSeconds(30));
    FederationStatus status = client.status();
    checkShape(status.inputs(), status.desires(), trainer, "model");
    checkBudget(status, rounds);
    List<String> notes = new ArrayList<>();
    int contributed = 0;
    long version = 0;
    int attempts = 0;
    while (contributed < rounds && attempts < rounds * 3) {
      attempts++;
      if (vault.documents().get(LEFT).isPresent()) {
        notes.add("left the federation: stopped before round " + status.round());
        break;
      }
      status = waitFor(() -> {
        FederationStatus s = client.status();
        return s.phase().equals("advertise") || s.phase().equals("done") ? s : null;
      }, phaseWait, client, "open a round");
      if (status.phase().equals("done")) {
        notes.add("the coordinator has run all its rounds");
        break;
      }
      checkShape(status.inputs(), status.desires(), trainer, "model");
      checkBudget(status, 1);
      try {
        version = contribute(client, status, trainer, random, phaseWait, progress, notes);
        contributed++;
      } catch (RoundMovedOn e) {
        notes.add(e.getMessage());
      }
    }
    double spent = spent(List.of());
    return new JoinReport(contributed, version, spent, notes);
  }

  /** The round this client was in closed without it (failed, or timed out at the coordinator). */
  private static final class RoundMovedOn extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RoundMovedOn(String message) {
      super(message, null, false, false);
    }
  }

  private long contribute(FederationClient client, FederationStatus status, PopulationTrainer trainer,
      SecureRandom random, Duration phaseWait, Consumer<String> progress, List<String> notes) {
    long round = status.round();
    FederationClient.ModelReply model = client.model();
    PopulationPrior prior = model.prior();
    checkShape(prior.inputs(), prior.weights().keySet().stream().map(DesireType::code).toList(), trainer, "model");
    checkSize(prior, "model");
    PopulationTrainer.PersonData person = trainer.person(desires.labelledDays());
    client.resetBytes();
    int id = client.join(round);
    SecAggClient secagg = new SecAggClient(RoundConfig.of(round, status.dimension(), status.threshold()), id, random);
    client.send("rounds/" + round + "/keys", FederationClient.body(secagg.advertiseKeys()));
    progress.accept("round " + round + ": joined as client " + id + ", waiting for the cohort");
    List<AdvertiseKeys> roster = inRound(client, round, phaseWait, "close the cohort", () -> {
      List<AdvertiseKeys> r = client.roster(round);
      return r.isEmpty() ? null : r;
    });
    if (roster.stream().noneMatch(k -> k.clientId() == id)) {
      throw new RoundMovedOn("round " + round + ": the coordinator's roster left this client out");
    }
    client.send("rounds/" + round + "/shares", FederationClient.body(secagg.shareKeys(roster)));
    List<EncryptedShare> shares = inRound(client, round, phaseWait, "route the shares", () -> client.sharesFor(round, id));
    double[] update = trainer.localUpdate(prior, person);
    PrivateUpdate sent = PrivateUpdate.of(update, status.clip(), status.noiseMultiplier(), roster.size(), random);
    MaskedInput masked = secagg.maskedInput(sent.values(), shares);
    byte[] body = FederationClient.body(masked);
    // Written before it leaves: whatever happens next, the ledger never misses what was sent.
    SampledGaussian mechanism = status.noiseMultiplier() > 0 ? new SampledGaussian(1.0, status.noiseMultiplier()) : null;
    double epsilon = mechanism == null ? Double.POSITIVE_INFINITY
        : accountant.epsilon(mechanism, 1, status.delta()).epsilon();
    double cumulative = spent(mechanism == null ? null : List.of(mechanism));
    vault.privacy().append(new PrivacyLedger.Entry(0, clock.instant(), client.base().toString(), round,
        model.version(), client.bytesSent() + body.length, status.clip(), status.noiseMultiplier(), 1.0,
        status.delta(), epsilon, cumulative, "sent: masked update of " + update.length + " values"
            + (sent.clipped() ? String.format(java.util.Locale.ROOT, ", clipped from norm %.3g", sent.normBefore()) : "")));
    client.send("rounds/" + round + "/input", body);
    UnmaskRequest request = inRound(client, round, phaseWait, "ask for the unmasking shares",
        () -> client.unmaskRequest(round));
    client.send("rounds/" + round + "/unmask", FederationClient.body(secagg.unmask(request)));
    long before = model.version();
    FederationStatus after = waitFor(() -> {
      FederationStatus s = client.status();
      return s.modelVersion() > before || s.round() != round ? s : null;
    }, phaseWait, client, "close round " + round);
    if (after.modelVersion() <= before) {
      throw new RoundMovedOn("round " + round + " failed at the coordinator after this client's update was sent");
    }
    FederationClient.ModelReply next = client.model();
    PopulationPrior received = next.prior();
    checkShape(received.inputs(), received.weights().keySet().stream().map(DesireType::code).toList(), trainer,
        "new model");
    checkSize(received, "new model");
    desires.setPopulation(received);
    notes.add(String.format(java.util.Locale.ROOT, "round %d: sent %d bytes, epsilon %.3g (cumulative %.3g);"
        + " population model version %d received", round, client.bytesSent(), epsilon, cumulative, next.version()));
    progress.accept(notes.get(notes.size() - 1));
    return next.version();
  }

  /** Polls {@code what} within this round: if the coordinator moves to another round meanwhile, that round is lost. */
  private <T> T inRound(FederationClient client, long round, Duration wait, String what, Supplier<T> poll) {
    return waitFor(() -> {
      try {
        return poll.get();
      } catch (RefusedException e) {
        FederationStatus s = client.status();
        if (s.round() != round) {
          throw new RoundMovedOn("round " + round + " closed without this client (the coordinator is at round "
              + s.round() + "): " + e.getMessage());
        }
        throw e;
      }
    }, wait, client, what);
  }

  private static <T> T waitFor(Supplier<T> poll, Duration wait, FederationClient client, String what) {
    Instant deadline = Instant.now().plus(wait);
    long pause = 20;
    while (true) {
      T out = poll.get();
      if (out != null) {
        return out;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new RefusedException("the coordinator at " + client.base() + " did not " + what + " within "
            + wait.toSeconds() + " s; nothing more was sent");
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RefusedException("interrupted while waiting for the coordinator to " + what, e);
      }
      pause = Math.min(200, pause * 2);
    }
  }

  private static void checkShape(List<String> inputs, List<String> desireCodes, PopulationTrainer trainer, String what) {
    List<String> ours = trainer.types().stream().map(DesireType::code).toList();
    if (!inputs.equals(trainer.inputs()) || !new java.util.HashSet<>(desireCodes).equals(new java.util.HashSet<>(ours))) {
      throw new RefusedException("the coordinator's " + what + " has inputs " + inputs + " and desires " + desireCodes
          + "; this engine's population prior has inputs " + trainer.inputs() + " and desires " + ours
          + ": nothing was sent");
    }
  }

  /**
   * The largest weight a population prior may have: a weight moves a 0..1 intensity per standard
   * deviation of an input against the person's usual, so one beyond 1 cannot be a pattern shared by
   * persons; a coordinator that sends one is broken or hostile, and its model is not used.
   */
  static final double MAX_WEIGHT = 1.0;

  private static void checkSize(PopulationPrior prior, String what) {
    prior.weights().forEach((type, weights) -> {
      for (int i = 0; i < weights.size(); i++) {
        if (Math.abs(weights.get(i)) > MAX_WEIGHT) {
          throw new RefusedException(String.format(java.util.Locale.ROOT,
              "the coordinator's %s has a weight of %.4g (desire %s, input %s); a population weight moves a 0..1"
                  + " intensity per standard deviation and cannot pass %s: it is not used", what, weights.get(i),
              type.code(), prior.inputs().get(i), MAX_WEIGHT));
        }
      }
    });
  }

  /** Refuses when {@code rounds} more contributions on the coordinator's terms would pass the person's budget. */
  private void checkBudget(FederationStatus status, int rounds) {
    OptionalDouble budget = vault.privacy().budget();
    if (budget.isEmpty()) {
      return;
    }
    if (!(status.noiseMultiplier() > 0)) {
      throw new RefusedException("the coordinator adds no noise (noise multiplier 0): any contribution would pass your"
          + " privacy budget of epsilon " + budget.getAsDouble() + "; nothing was sent");
    }
    List<SampledGaussian> more = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      more.add(new SampledGaussian(1.0, status.noiseMultiplier()));
    }
    double after = spent(more);
    if (after > budget.getAsDouble()) {
      int allowed = 0;
      while (allowed < rounds && spent(more.subList(0, allowed + 1)) <= budget.getAsDouble()) {
        allowed++;
      }
      throw new RefusedException(String.format(java.util.Locale.ROOT,
          "%d round%s at the coordinator's noise multiplier %.3g would take your cumulative epsilon to %.3g (delta %.0e),"
              + " past your budget of %.3g; it allows %d more: nothing was sent (autonomy privacy budget --epsilon E"
              + " to change it)", rounds, rounds == 1 ? "" : "s", status.noiseMultiplier(), after, status.delta(),
          budget.getAsDouble(), allowed));
    }
  }

  /**
   * The epsilon of every contribution in the ledger plus {@code more}, composed at the largest
   * delta used; infinite when any went without noise (null {@code more}: one more without noise).
   */
  private double spent(List<SampledGaussian> more) {
    if (more == null) {
      return Double.POSITIVE_INFINITY;
    }
    dev.autonomy.federate.privacy.PrivacyLedger ledger = dev.autonomy.federate.privacy.PrivacyLedger.EMPTY;
    double delta = 1e-5;
    for (PrivacyLedger.Entry e : vault.privacy().entries()) {
      if (!(e.noiseMultiplier() > 0)) {
        return Double.POSITIVE_INFINITY;
      }
      ledger = ledger.record(new SampledGaussian(e.samplingRate(), e.noiseMultiplier()), 1);
      delta = Math.max(delta, e.delta());
    }
    for (SampledGaussian m : more) {
      ledger = ledger.record(m, 1);
    }
    return ledger.entries().isEmpty() ? 0.0 : accountant.epsilon(ledger, delta).epsilon();
  }

  /** Stops a running {@link #join} before its next round; with {@code forgetPrior}, the desires stop using the prior. */
  public void leave(boolean forgetPrior) {
    vault.documents().put(LEFT, clock.instant().toString());
    if (forgetPrior) {
      desires.setPopulation(null);
    }
  }

  /** The population prior received last, which the desire models shrink toward. */
  public java.util.Optional<PopulationPrior> prior() {
    return desires.population();
  }

  public List<PrivacyLedger.Entry> ledger() {
    return vault.privacy().entries();
  }

  /** The epsilon of every contribution in the ledger, composed; 0 when none. */
  public double cumulativeEpsilon() {
    return spent(List.of());
  }

  public OptionalDouble budget() {
    return vault.privacy().budget();
  }

  public void setBudget(double epsilon) {
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw new InvalidInputException("--epsilon: a privacy budget is a finite epsilon > 0, was " + epsilon);
    }
    vault.privacy().setBudget(epsilon);
  }
}
