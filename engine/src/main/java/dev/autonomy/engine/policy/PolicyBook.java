package dev.autonomy.engine.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.autonomy.bandit.Candidate;
import dev.autonomy.bandit.Policies;
import dev.autonomy.bandit.Policy;
import dev.autonomy.bandit.PolicyState;
import dev.autonomy.bandit.Prior;
import dev.autonomy.bandit.ope.OffPolicyEvaluation;
import dev.autonomy.core.AutonomyFailure;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.engine.rank.OptionFeedback;
import dev.autonomy.engine.rank.PolicyLineup;
import dev.autonomy.engine.state.Derived;
import dev.autonomy.vault.DecisionLog;
import dev.autonomy.vault.Documents;
import dev.autonomy.vault.Json;
import dev.autonomy.vault.Vault;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The person's ranking policies: the fixed hand weights, and learned policies (LinUCB, linear
 * Thompson sampling, epsilon-greedy, a conservative LinUCB) that start from those weights as their prior mean and learn
 * from every piece of feedback, on any item of a list, whichever policy is live. One is live (it
 * orders what the person sees); the others are shadows that keep learning beside it. The fixed one
 * is live until the person switches: switching is their decision, and it is recorded.
 *
 * <p>Saved in the vault as one document ({@link #DOCUMENT}) with each policy's sufficient
 * statistics and provenance; a damaged document is a clear error and changes nothing.
 */
public final class PolicyBook {
  /** The vault document holding the policies. */
  public static final String DOCUMENT = "engine.policy";
  /** The policy live for a new person: today's hand weights. */
  public static final String FIXED = "fixed";
  /** The policies a person can switch to, in the order listed. */
  public static final List<String> NAMES = List.of(FIXED, "linucb", "thompson", "egreedy", "conservative");
  /** The learned ones, as {@link #freshLearned} makes them. */
  private static final Set<String> LEARNED = Set.copyOf(NAMES.subList(1, NAMES.size()));
  /** How many observations of a unit feature the hand weights are worth (the prior's precision). */
  static final double PRIOR_PRECISION = 10;
  static final double UCB_ALPHA = 0.3;
  static final double THOMPSON_SCALE = 0.2;
  static final int THOMPSON_DRAWS = 200;
  static final double EPSILON = 0.1;
  /**
   * How sure the conservative policy must be, in standard deviations of the difference, before it
   * shows something other than the fixed ranker's choice (chosen on the bench's tuning persons).
   */
  static final double CONSERVATIVE_BETA = 0.1;

  /** What is saved: the live policy, when it was switched and from what, and every learned policy's state. */
  record Saved(String live, List<Switch> switches, Map<String, PolicyState> learned, List<String> features,
      double[] prior, List<String> shadows) {}

  /** One switch the person made. */
  public record Switch(String at, String from, String to) {}

  /** One policy as {@code policy list} shows it. */
  public record Row(String name, boolean live, boolean shadow, long updates, String description) {}

  private final Vault vault;
  private final Clock clock;
  private final List<String> featureNames;
  private final double[] prior;
  private final Derived<State> state;

  /** The policies in memory, read once per generation of their document. */
  private record State(String live, List<Switch> switches, Map<String, Policy> learned, List<String> shadows) {}

  public PolicyBook(Vault vault, Clock clock, List<String> featureNames, double[] prior) {
    this.vault = vault;
    this.clock = clock;
    this.featureNames = List.copyOf(featureNames);
    this.prior = prior.clone();
    this.state = new Derived<>(vault, List.of(Documents.area(DOCUMENT)), this::load);
  }

  private State load() {
    Optional<String> json = vault.documents().get(DOCUMENT);
    if (json.isEmpty()) {
      return fresh();
    }
    Saved saved;
    try {
      saved = Json.mapper().readValue(json.get(), Saved.class);
    } catch (JsonProcessingException e) {
      throw new AutonomyFailure("the ranking policies saved in the vault (document " + DOCUMENT
          + ") cannot be read: " + e.getOriginalMessage() + "; nothing was changed; recommendations use the hand weights"
          + " until 'autonomy policy reset' starts the policies afresh", e);
    }
    // Documents written before shadows existed have none.
    List<String> shadows = saved.shadows() == null ? List.of() : List.copyOf(saved.shadows());
    for (String name : shadows) {
      if (!NAMES.contains(name)) {
        throw new AutonomyFailure("the ranking policies saved in the vault (document " + DOCUMENT
            + ") name an unknown shadow policy '" + name + "'; nothing was changed");
      }
    }
    if (saved.live() == null || !NAMES.contains(saved.live())) {
      throw new AutonomyFailure("the ranking policies saved in the vault (document " + DOCUMENT
          + ") name an unknown live policy '" + saved.live() + "'; nothing was changed");
    }
    if (saved.switches() == null || saved.learned() == null || saved.features() == null) {
      throw new AutonomyFailure("the ranking policies saved in the vault (document " + DOCUMENT
          + ") are incomplete (live, switches, learned and features are all needed); nothing was changed");
    }
    if (!saved.features().equals(featureNames)) {
      // The features changed with a new version of Autonomy: what was learned no longer applies.
      return new State(saved.live(), saved.switches(), freshLearned(), shadows);
    }
    Map<String, Policy> learned = new LinkedHashMap<>();
    try {
      saved.learned().forEach((name, s) -> learned.put(name, Policies.restore(s)));
    } catch (IllegalArgumentException e) {
      throw new AutonomyFailure("the ranking policies saved in the vault (document " + DOCUMENT
          + ") are damaged: " + e.getMessage() + "; nothing was changed; recommendations use the hand weights until"
          + " 'autonomy policy reset' starts the policies afresh", e);
    }
    if (!LEARNED.containsAll(learned.keySet())) {
      throw new AutonomyFailure("the ranking policies saved in the vault (document " + DOCUMENT
          + ") hold " + learned.keySet() + ", expected " + LEARNED + "; nothing was changed");
    }
    // A document saved before a policy was added lacks it: the new one starts from the prior (the
    // hand weights) like every policy of a new person; the others keep what they learned. Listed
    // in the order of NAMES, whatever order the document kept.
    Map<String, Policy> ordered = new LinkedHashMap<>();
    freshLearned().forEach((name, fresh) -> ordered.put(name, learned.getOrDefault(name, fresh)));
    return new State(saved.live(), saved.switches(), ordered, shadows);
  }

  private State fresh() {
    return new State(FIXED, List.of(), freshLearned(), List.of());
  }

  private Map<String, Policy> freshLearned() {
    Prior p = new Prior(prior, PRIOR_PRECISION);
    Map<String, Policy> learned = new LinkedHashMap<>();
    learned.put("linucb", Policies.linUcb(p, UCB_ALPHA));
    learned.put("thompson", Policies.thompson(p, THOMPSON_SCALE, THOMPSON_DRAWS));
    learned.put("egreedy", Policies.epsilonGreedy(p, EPSILON));
    learned.put("conservative", Policies.conservative(p, UCB_ALPHA, CONSERVATIVE_BETA, 1));
    return learned;
  }

  /** Days {@link #evaluate} looks back when not told. */
  public static final int EVALUATION_DAYS = 90;
  /** The seed of an evaluation's bootstrap and of Thompson sampling's draws in it: the same log gives the same answer. */
  static final long EVALUATION_SEED = 1;

  /**
   * What policy {@code name}, replayed on the person's log from its prior, would have earned on the
   * top slot of the lists shown in the last {@code days} days, against the policies live then
   * ({@link PolicyEvaluation} says which lists count and how).
   *
   * @throws InvalidInputException for an unknown name, a window under a day, or a log with no
   *     evaluable list
   */
  public PolicyEvaluation.Result evaluate(String name, int days) {
    requireKnown(name);
    if (days < 1) {
      throw new InvalidInputException("days must be at least 1, was " + days);
    }
    Supplier<Policy> fresh = FIXED.equals(name) ? () -> Policies.fixed(prior, 0) : () -> freshLearned().get(name);
    return PolicyEvaluation.run(name, fresh, vault.decisions(), clock.instant().minus(Duration.ofDays(days)), days,
        featureNames.size(), OffPolicyEvaluation.Settings.defaults().withSeed(EVALUATION_SEED),
        new SplittableRandom(EVALUATION_SEED));
  }

  /** The live learned policy, or empty while the fixed hand weights are live. */
  public Optional<Policy> live() {
    State s = state.get();
    return Optional.ofNullable(s.learned().get(s.live()));
  }

  /**
   * The lineup to rank with now: {@link #lineup()}, or the fixed hand weights alone while the saved
   * policies cannot be read (the person is told by every {@code policy} command, and
   * {@link #reset()} repairs them): recommendations keep working either way.
   */
  public PolicyLineup lineupOrFixed() {
    try {
      return lineup();
    } catch (AutonomyFailure damaged) {
      return PolicyLineup.fixed();
    }
  }

  /**
   * Starts every learned policy afresh from the hand weights, keeps the shadows and the switches
   * that can still be read, and makes the fixed weights live: what repairs a damaged document.
   * Recorded as a switch to {@code fixed}.
   */
  public Switch reset() {
    Switch made = new Switch(clock.instant().toString(), "(reset)", FIXED);
    save(new State(FIXED, List.of(made), freshLearned(), List.of()));
    return made;
  }

  /** The live policy and the shadows that rank beside it on every request. */
  public PolicyLineup lineup() {
    State s = state.get();
    Optional<Policy> live = Optional.ofNullable(s.learned().get(s.live()));
    List<Policy> shadows = new ArrayList<>();
    for (String name : s.shadows()) {
      if (!name.equals(s.live()) && s.learned().containsKey(name)) {
        shadows.add(s.learned().get(name));
      }
    }
    return new PolicyLineup(live, shadows, live.isPresent() && s.shadows().contains(FIXED));
  }

  /** The policies ranking in the shadow of the live one, in the order they were added. */
  public List<String> shadows() {
    State s = state.get();
    return s.shadows().stream().filter(n -> !n.equals(s.live())).toList();
  }

  /**
   * Puts {@code name} in the shadow of the live policy ({@code on}), or takes it out: a shadow ranks
   * beside the live policy on every request, its choices logged and never shown, so
   * {@code policy evaluate} compares the two on the same situations.
   *
   * @throws InvalidInputException for an unknown name or the live policy itself
   */
  public List<String> shadow(String name, boolean on) {
    requireKnown(name);
    State s = state.get();
    if (on && name.equals(s.live())) {
      throw new InvalidInputException(name + " is the live policy; a shadow ranks beside the live one");
    }
    List<String> shadows = new ArrayList<>(s.shadows());
    shadows.remove(name);
    if (on) {
      shadows.add(name);
    }
    save(new State(s.live(), s.switches(), s.learned(), List.copyOf(shadows)));
    return shadows();
  }

  private static void requireKnown(String name) {
    if (!NAMES.contains(name)) {
      throw new InvalidInputException("no ranking policy '" + name + "'; policies: " + String.join(", ", NAMES));
    }
  }

  public String liveName() {
    return state.get().live();
  }

  /**
   * Teaches every learned policy that the item with these features earned {@code reward} (0..1),
   * and saves them at once.
   */
  public void learn(String optionId, double[] x, double reward) {
    State s;
    try {
      s = state.get();
    } catch (AutonomyFailure damaged) {
      return; // the feedback is logged; policies reset later can learn from the log again
    }
    Candidate shown = new Candidate(optionId, x);
    s.learned().values().forEach(p -> p.update(shown, reward));
    save(s);
  }

  /**
   * Starts every learned policy again from its prior and teaches it {@code taught}, in order: after
   * data is forgotten, what the policies learned from values computed from it goes too.
   */
  public void relearn(List<DecisionLog.Taught> taught) {
    State s = state.get();
    Map<String, Policy> learned = freshLearned();
    for (DecisionLog.Taught t : taught) {
      double reward = new OptionFeedback(t.optionId(), DesireType.fromCode(t.desire()), t.outcome(), t.rating(), t.at())
          .satisfaction();
      Candidate shown = new Candidate(t.optionId(), t.features());
      learned.values().forEach(p -> p.update(shown, reward));
    }
    save(new State(s.live(), s.switches(), learned, s.shadows()));
  }

  /** Makes {@code name} live; recorded with the time and the policy it replaced. */
  public Switch switchTo(String name) {
    requireKnown(name);
    State s = state.get();
    Switch made = new Switch(clock.instant().toString(), s.live(), name);
    List<Switch> switches = new ArrayList<>(s.switches());
    switches.add(made);
    // The policy it replaces keeps ranking in the shadow if it was one's shadow before.
    List<String> shadows = new ArrayList<>(s.shadows());
    shadows.remove(name);
    save(new State(name, switches, s.learned(), List.copyOf(shadows)));
    return made;
  }

  public List<Row> list() {
    State s = state.get();
    List<Row> rows = new ArrayList<>();
    rows.add(new Row(FIXED, s.live().equals(FIXED), shadows().contains(FIXED), 0, "the hand weights (desire 0.40, place 0.20, history 0.15,"
        + " time 0.10, effort, weather, budget 0.05 each); never learns"));
    s.learned().forEach((name, p) -> rows.add(new Row(name, s.live().equals(name), shadows().contains(name), p.version(),
        describe(name) + "; starts from the hand weights, worth " + (int) PRIOR_PRECISION + " observations")));
    return rows;
  }

  public List<Switch> switches() {
    return state.get().switches();
  }

  private static String describe(String name) {
    return switch (name) {
      case "linucb" -> "LinUCB (ridge model, upper confidence bound, alpha " + UCB_ALPHA + ")";
      case "thompson" -> "linear Thompson sampling (" + THOMPSON_DRAWS + " draws estimate propensities)";
      case "egreedy" -> "epsilon-greedy over a ridge model (epsilon " + EPSILON + ")";
      case "conservative" -> "LinUCB held to the hand weights' ranking: departs from it only where your feedback makes the"
          + " model sure (by " + CONSERVATIVE_BETA + " standard deviations) that its choice is better";
      default -> name;
    };
  }

  private void save(State s) {
    Map<String, PolicyState> learned = new LinkedHashMap<>();
    s.learned().forEach((name, p) -> learned.put(name, p.state()));
    Saved saved = new Saved(s.live(), s.switches(), learned, featureNames, prior, s.shadows());
    try {
      vault.documents().put(DOCUMENT, Json.mapper().writeValueAsString(saved));
    } catch (JsonProcessingException e) {
      throw new AutonomyFailure("cannot write the ranking policies: " + e.getOriginalMessage(), e);
    }
    state.set(s);
  }
}
