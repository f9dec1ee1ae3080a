package dev.autonomy.engine;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.feedback.Feedback;
import dev.autonomy.core.feedback.Outcome;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.recommend.Evidence;
import dev.autonomy.core.recommend.Explanation;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.core.recommend.RuleApplication;
import dev.autonomy.core.rule.PersonRule;
import dev.autonomy.core.signal.ImportOptions;
import dev.autonomy.core.signal.Importer;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.ask.Answer;
import dev.autonomy.engine.ask.IntentSituation;
import dev.autonomy.engine.audit.AuditReport;
import dev.autonomy.engine.audit.SelfAudit;
import dev.autonomy.engine.desire.DesireEvaluation;
import dev.autonomy.engine.desire.DesireModel;
import dev.autonomy.engine.desire.Goals;
import dev.autonomy.engine.features.ContextFeatures;
import dev.autonomy.engine.features.FeatureVector;
import dev.autonomy.engine.option.OptionCatalogue;
import dev.autonomy.engine.plan.PathOffers;
import dev.autonomy.engine.plan.RuleScreen;
import dev.autonomy.engine.plan.RunOffer;
import dev.autonomy.engine.plan.TripOffer;
import dev.autonomy.engine.plan.WeekPlanRecommendation;
import dev.autonomy.engine.plan.WeekPlanning;
import dev.autonomy.engine.quality.CleanResult;
import dev.autonomy.engine.quality.Cleaner;
import dev.autonomy.engine.quality.DailyTable;
import dev.autonomy.engine.quality.DailyValue;
import dev.autonomy.engine.quality.KindQuality;
import dev.autonomy.engine.quality.QualityReport;
import dev.autonomy.engine.rank.DecisionIds;
import dev.autonomy.engine.rank.OptionFeedback;
import dev.autonomy.engine.rank.OptionPreferences;
import dev.autonomy.engine.rank.Ranker;
import dev.autonomy.engine.rank.Ranking;
import dev.autonomy.engine.rank.RankingPolicy;
import dev.autonomy.engine.rule.Constraint;
import dev.autonomy.engine.rule.RuleParser;
import dev.autonomy.engine.state.PersonState;
import dev.autonomy.engine.state.StateStore;
import dev.autonomy.ingest.Importers;
import dev.autonomy.plan.map.LatLon;
import dev.autonomy.plan.map.Mode;
import dev.autonomy.plan.map.OsmMap;
import dev.autonomy.plan.run.RunLoop;
import dev.autonomy.plan.run.RunPlanner;
import dev.autonomy.plan.run.RunRequest;
import dev.autonomy.plan.trip.Trip;
import dev.autonomy.plan.trip.TripPlanner;
import dev.autonomy.plan.trip.TripRequest;
import dev.autonomy.text.encode.Encoders;
import dev.autonomy.text.intent.Intent;
import dev.autonomy.text.intent.IntentReader;
import dev.autonomy.vault.FeedbackRow;
import dev.autonomy.vault.ImportResult;
import dev.autonomy.vault.LoggedDecision;
import dev.autonomy.vault.SignalCoverage;
import dev.autonomy.vault.Vault;
import dev.autonomy.vault.VaultFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.random.RandomGenerator;

/**
 * The embeddable entry point: one person's Autonomy over one vault. The CLI (and later a server or
 * an app) is a thin shell over these calls. Each call is one step of the loop; the heavy lifting is
 * in the feature packages, this class only wires them. Not thread-safe; close it to release the
 * vault.
 */
public final class Autonomy implements AutoCloseable {
  /** How often import progress is reported, in signals. */
  public static final long PROGRESS_EVERY = 250_000;
  /** Key of the logged context of a list the person asked for one desire only ({@code recommend --desire}). */
  public static final String ASKED_DESIRE = "asked_desire";

  private final Vault vault;
  private final Clock clock;
  private final RandomGenerator random;
  private final StateStore states;
  private final DesireModels models;
  private final Ranker ranker = new Ranker();

  private PersonState state;
  private DesireModel model;
  private OptionPreferences preferences;
  private OptionCatalogue catalogue;
  private List<Constraint> constraints;
  private Map<DesireType, List<Evidence>> evidence;
  private PersonState evidenceFor;
  // Opened on the first ask (loading the transformers takes about a second), closed with the vault.
  private Encoders encoders;
  private IntentReader intentReader;

  private Autonomy(Vault vault, Clock clock, RandomGenerator random) {
    this.vault = vault;
    this.clock = clock;
    this.random = random;
    this.states = new StateStore(vault);
    this.models = new DesireModels(vault);
  }

  /** Opens (creating if needed) the vault in {@code home}. */
  public static Autonomy open(Path home, Clock clock, RandomGenerator random) {
    return new Autonomy(Vault.open(home, clock), clock, random);
  }

  public Vault vault() {
    return vault;
  }

  public Clock clock() {
    return clock;
  }

  // ---- collect ---------------------------------------------------------------------------------

  /**
   * Imports a file (or a folder for formats that read folders) in one transaction. {@code format}
   * may be null to detect it; {@code person} picks one person in multi-person files.
   */
  public ImportResult importPath(Path path, String format, String person) {
    return importPath(path, format, person, n -> { });
  }

  /**
   * As {@link #importPath(Path, String, String)}, calling {@code progress} with the number of
   * signals read so far every {@link #PROGRESS_EVERY} signals, so a shell can show long imports.
   */
  public ImportResult importPath(Path path, String format, String person, LongConsumer progress) {
    if (!Files.exists(path)) {
      throw new InvalidInputException(path + ": no such file or folder");
    }
    Importer importer;
    try {
      importer = format == null ? Importers.detect(path) : Importers.forFormat(format);
    } catch (IOException e) {
      throw new InvalidInputException(path + ": cannot read: " + e.getMessage(), e);
    }
    String sourceName = path.getFileName().toString();
    ImportOptions options = new ImportOptions(Optional.ofNullable(person), clock.getZone(), sourceName);
    ImportResult result = vault.signals().importSource(sourceName, importer.format(), sink -> {
      long[] seen = {0};
      return importer.read(path, options, signal -> {
        sink.accept(signal);
        if (++seen[0] % PROGRESS_EVERY == 0) {
          progress.accept(seen[0]);
        }
      });
    });
    invalidate();
    return result;
  }

  // ---- clean and understand --------------------------------------------------------------------

  /** The derived state for the vault's current signals, rebuilt only when signals changed. */
  public PersonState state() {
    if (state == null) {
      state = states.current().orElseGet(this::rebuildState);
    }
    return state;
  }

  /**
   * Kinds the cleaner must see together (a day with 0 steps marks the wearable's other kinds of
   * that day as not worn); every other kind is cleaned on its own, so only one group of signals is
   * in memory at a time, not a whole multi-gigabyte export.
   */
  private static final Set<SignalKind> WEARABLE_GROUP =
      Set.of(SignalKind.STEPS, SignalKind.DISTANCE, SignalKind.ACTIVE_MINUTES, SignalKind.SEDENTARY_MINUTES);

  private PersonState rebuildState() {
    String fingerprint = vault.signals().fingerprint();
    List<SignalCoverage> coverage = vault.signals().coverage();
    Set<SignalKind> present = EnumSet.noneOf(SignalKind.class);
    coverage.forEach(c -> present.add(SignalKind.fromCode(c.kind())));
    List<Set<SignalKind>> groups = new ArrayList<>();
    Set<SignalKind> wearable = EnumSet.noneOf(SignalKind.class);
    for (SignalKind kind : present) {
      if (WEARABLE_GROUP.contains(kind)) {
        wearable.add(kind);
      } else {
        groups.add(EnumSet.of(kind));
      }
    }
    if (!wearable.isEmpty()) {
      groups.add(0, wearable);
    }
    Map<SignalKind, NavigableMap<LocalDate, DailyValue>> days =
        new EnumMap<>(SignalKind.class);
    List<KindQuality> reports = new ArrayList<>();
    Map<LocalDate, Double> notes = Map.of();
    for (Set<SignalKind> group : groups) {
      CleanResult clean = Cleaner.withDefaults().clean(vault.signals().list(group));
      for (SignalKind kind : clean.table().kinds()) {
        days.put(kind, clean.table().series(kind));
      }
      reports.addAll(clean.report().kinds());
      if (group.contains(SignalKind.NOTE) && NoteScores.hasNotes(clean.kept())) {
        notes = HealthNotes.perDay(clean.kept());
      }
    }
    reports.sort(Comparator.comparing(k -> SignalKind.fromCode(k.kind())));
    PersonState built = new PersonState(fingerprint, new DailyTable(days),
        new QualityReport(reports), notes, coverage);
    states.save(built);
    models.retrain(built);
    return built;
  }

  public QualityReport quality() {
    return state().quality();
  }

  /** Features of a situation: the person's data up to that moment plus what they stated. */
  public FeatureVector features(Situation situation) {
    PersonState s = state();
    Instant startOfDay = situation.at().toLocalDate().atStartOfDay(situation.at().getZone()).toInstant();
    List<Signal> today = new ArrayList<>();
    vault.signals().forEachSince(Set.of(SignalKind.STEPS, SignalKind.ACTIVE_MINUTES), startOfDay, today::add);
    return new ContextFeatures(s.table(), s.notesHealth(), today).at(situation);
  }

  public DesireModel desireModel() {
    if (model == null) {
      PersonState s = state();
      model = models.current().orElseGet(() -> models.retrain(s));
    }
    return model;
  }

  /** Predicted intensity of every desire in a situation, with confidence and contributions. */
  public List<Desire> desires(Situation situation) {
    return desireModel().predictAll(features(situation));
  }

  /** The desire model's parameters and provenance as JSON (for export). */
  public String desireModelJson() {
    return models.toJson(desireModel());
  }

  /** Sets the person's stated goals (cold-start priors); the model is retrained on next use. */
  public void setGoals(Goals goals) {
    models.setGoals(goals);
    model = null;
  }

  public Goals goals() {
    return models.goals();
  }

  /** Model error against the two naive baselines on the person's last weeks, held out. */
  public List<DesireEvaluation.Row> evaluate() {
    return models.evaluate(state());
  }

  // ---- act -------------------------------------------------------------------------------------

  public OptionCatalogue options() {
    if (catalogue == null) {
      catalogue = OptionCatalogue.builtIn().with(PersonOptions.load(vault));
    }
    return catalogue;
  }

  /** Adds (or replaces, by id) options from the person's CSV file; returns how many. */
  public int addOptions(Path csv) {
    try {
      List<Option> extra = OptionCatalogue.readCsv(csv);
      PersonOptions.add(vault, extra);
      catalogue = null;
      return extra.size();
    } catch (IOException e) {
      throw new InvalidInputException(csv + ": cannot read: " + e.getMessage(), e);
    }
  }

  public List<Constraint> constraints() {
    if (constraints == null) {
      constraints = RuleParser.parseAll(vault.rules().list());
    }
    return constraints;
  }

  public OptionPreferences preferences() {
    if (preferences == null) {
      List<OptionFeedback> rows = new ArrayList<>();
      for (FeedbackRow r : vault.decisions().feedbackRows()) {
        rows.add(new OptionFeedback(r.optionId(), DesireType.fromCode(r.desire()), r.outcome(), r.rating(), r.at()));
      }
      preferences = OptionPreferences.of(rows);
    }
    return preferences;
  }

  /** Ranks options for a situation, logs what is shown with its propensities, and returns it. */
  public Ranking recommend(Situation situation, RankingPolicy policy) {
    return recommend(situation, policy, Optional.empty());
  }

  /** As {@link #recommend(Situation, RankingPolicy)}, only among options serving {@code desire} when given. */
  public Ranking recommend(Situation situation, RankingPolicy policy, Optional<DesireType> desire) {
    List<Option> candidates = desire.isEmpty() ? options().all()
        : options().all().stream().filter(o -> o.desire() == desire.get()).toList();
    Ranking ranking = rank(situation, policy, candidates);
    // A list asked for one desire says so in its log, so an audit does not read it as bias.
    Situation logged = desire.isEmpty() ? situation : situation.with(ASKED_DESIRE, desire.get().code());
    vault.decisions().record(logged.stated(), ranking.recommendations());
    return ranking;
  }

  /**
   * Reads what the person wants in their own words (English or Chinese) with the on-device
   * transformer, as a desire and a context, and recommends up to {@code limit} options serving that
   * desire, logged like any list. What the person states in {@code stated} wins over the context
   * read from the text; its moment is the one recommended for.
   */
  public Answer ask(String text, Situation stated, int limit) {
    String said = text == null ? "" : text.strip();
    if (said.isEmpty()) {
      throw new InvalidInputException("ask: say what you want, e.g. \"I want to go for a run\" or \"想找个安静的地方看书\"");
    }
    if (limit < 1) {
      throw new InvalidInputException("limit must be at least 1, was " + limit);
    }
    if (encoders == null) {
      encoders = Encoders.open();
    }
    if (intentReader == null) {
      intentReader = new IntentReader(encoders);
    }
    Intent intent = intentReader.read(said);
    Situation situation = IntentSituation.of(intent, stated, clock);
    Ranking ranking = recommend(situation, new RankingPolicy(limit, 0.1), Optional.of(intent.desire()));
    return new Answer(said, intent, situation, ranking);
  }

  /**
   * Next week's training plan as a recommendation, with each planned session logged as its own
   * element so feedback on one day teaches the models like any recommendation.
   */
  public WeekPlanRecommendation recommendWeekPlan(Map<String, String> stated, int[] freeMinutes, long seed) {
    var result = WeekPlanning.plan(this, freeMinutes, stated, seed);
    Map<String, Option> byId = new HashMap<>();
    options().all().forEach(o -> byId.put(o.id(), o));
    List<RuleApplication> rules = constraints().stream()
        .map(c -> new RuleApplication(c.rule().id(), c.rule().text(), List.of()))
        .toList();
    var plan = WeekPlanRecommendation.of(
        DecisionIds.next("plan"), result, byId, rules, modelName());
    List<Recommendation> all = new ArrayList<>();
    all.add(plan.plan());
    all.addAll(plan.elements());
    vault.decisions().record(stated, all);
    return plan;
  }

  /**
   * Offers a planned path (a running loop, a trip) as a recommendation: checks it against every
   * rule of the person's first (a plan that breaks one is refused, naming the rule), then logs it
   * like any recommendation so {@code why} and {@code feedback} work on it and feedback teaches the
   * models.
   */
  public Recommendation offerPlan(Option plan, String summary, Situation situation) {
    return offerPlan(plan, summary, situation, Map.of());
  }

  /** Refuses a plan that breaks one of the person's rules, naming the rule and how to lift it. */
  private void refuseIfRuled(Option plan, Situation situation) {
    for (Constraint c : constraints()) {
      Optional<String> broken = c.violation(plan, situation);
      if (broken.isPresent()) {
        throw new InvalidInputException("this plan breaks your rule " + c.rule().id() + " \"" + c.rule().text() + "\": "
            + broken.get() + "; change the request or remove the rule (autonomy rule remove " + c.rule().id() + ")");
      }
    }
  }

  private Recommendation offerPlan(Option plan, String summary, Situation situation, Map<String, List<String>> removedByRuleId) {
    refuseIfRuled(plan, situation);
    List<RuleApplication> applied = new ArrayList<>();
    for (Constraint c : constraints()) {
      applied.add(new RuleApplication(c.rule().id(), c.rule().text(), removedByRuleId.getOrDefault(c.rule().id(), List.of())));
    }
    Desire desire = desires(situation).stream().filter(d -> d.type() == plan.desire()).findFirst().orElse(null);
    double intensity = desire == null ? 0.5 : desire.intensity();
    Explanation explanation = new Explanation(
        summary,
        List.of(new Contribution("desire." + plan.desire().code(), intensity, 1.0,
            "your predicted wish to " + plan.desire().code() + " now")),
        applied, false, 1.0, evidence().getOrDefault(plan.desire(), List.of()), modelName());
    var rec = new Recommendation(DecisionIds.next("plan"), plan,
        plan.desire(), Math.max(0, Math.min(1, intensity)), desire == null ? 0 : desire.confidence(), explanation);
    vault.decisions().record(situation.stated(), List.of(rec));
    return rec;
  }

  /**
   * The person's predicted desire intensities in a situation, as weights for scoring the places of
   * a trip or the items of a basket; empty while the vault holds no signals (the planners' own
   * defaults apply then).
   */
  public Optional<Map<DesireType, Double>> desireWeights(Situation situation) {
    if (vault.signals().count() == 0) {
      return Optional.empty();
    }
    Map<DesireType, Double> weights = new EnumMap<>(DesireType.class);
    desires(situation).forEach(d -> weights.put(d.type(), d.intensity()));
    // No desire at all is no basis for weighing places: the planners' defaults apply then.
    return weights.values().stream().anyMatch(w -> w > 0) ? Optional.of(weights) : Optional.empty();
  }

  /** The person's rules, ready to judge the parts of a plan (places, items) in a situation. */
  public RuleScreen ruleScreen(Situation situation) {
    return new RuleScreen(constraints(), situation);
  }

  /**
   * Plans a walking trip under the person's rules and offers it: places a rule forbids ("never
   * museum", "no indoor") are removed before the solver sees the map, the whole trip is checked
   * like any plan, and the offer is logged with the places each rule removed.
   *
   * @param situation when and where; the trip is outdoors whatever it says
   */
  public TripOffer planTrip(OsmMap map, TripRequest request, Situation situation) {
    Situation outdoors = situation.with("place", "outdoor");
    // A rule that refuses any walking trip ("no outdoor", "never walk") refuses it before the map is searched.
    refuseIfRuled(TripOffer.asOption(request), outdoors);
    Map<String, RuleScreen.Removal> removed = ruleScreen(outdoors).removedPlaces(map.places());
    Trip trip = new TripPlanner(map).plan(request, place -> !removed.containsKey(place.osmId()));
    Map<String, List<String>> byRuleId = new LinkedHashMap<>();
    Map<String, List<String>> byRule = new LinkedHashMap<>();
    for (dev.autonomy.plan.map.Place place : map.places()) {
      RuleScreen.Removal r = removed.get(place.osmId());
      if (r != null) {
        byRuleId.computeIfAbsent(r.rule().id(), k -> new ArrayList<>()).add(place.osmId());
        byRule.computeIfAbsent(r.rule().id() + " \"" + r.rule().text() + "\"", k -> new ArrayList<>()).add(place.name());
      }
    }
    Recommendation offered = offerPlan(TripOffer.asOption(trip), TripOffer.summary(trip, removed.size()), outdoors, byRuleId);
    return new TripOffer(trip, offered, byRule);
  }

  /**
   * Plans a running (or riding) loop and offers it: the loop is checked against the person's rules
   * like any plan ("never run" refuses it, naming the rule) and logged for {@code why} and
   * {@code feedback}.
   */
  public RunOffer planRun(OsmMap map, RunRequest request, Situation situation) {
    refuseIfRuled(RunOffer.asOption(request), situation.with("place", "outdoor"));
    RunLoop loop = new RunPlanner(map).plan(request);
    Recommendation offered = offerPlan(RunOffer.asOption(loop, request.mode()), RunOffer.summary(loop),
        situation.with("place", "outdoor"));
    return new RunOffer(loop, offered);
  }

  /**
   * Paths on a map to offer beside the ranked list: a running loop and a walking trip from
   * {@code start}, each sized to the stated {@code free_minutes} (an hour when none is stated),
   * the trip's places weighted by the person's predicted desires. Each is planned under the
   * person's rules and logged with its own id; one the rules refuse is left out with the reason.
   */
  public PathOffers offerPaths(OsmMap map, LatLon start, Situation situation, long seed) {
    map.requireOnMap(start, "start");
    String stated = situation.stated().get("free_minutes");
    double free = stated == null ? PathOffers.DEFAULT_FREE_MINUTES : Double.parseDouble(stated);
    List<String> refused = new ArrayList<>();
    Optional<RunOffer> run = Optional.empty();
    try {
      run = Optional.of(planRun(map, new RunRequest(start, PathOffers.runKm(free), Mode.FOOT, seed, 12),
          situation));
    } catch (InvalidInputException notOffered) {
      refused.add("running loop: " + notOffered.getMessage());
    }
    Optional<TripOffer> trip = Optional.empty();
    try {
      Situation outdoors = situation.with("place", "outdoor");
      TripRequest request = new TripRequest(start, Duration.ofMinutes(Math.round(PathOffers.tripMinutes(free))),
          situation.at().toLocalTime(), desireWeights(outdoors).orElse(TripRequest.DEFAULT_WEIGHTS), 35, seed,
          Duration.ofSeconds(1));
      trip = Optional.of(planTrip(map, request, outdoors));
    } catch (InvalidInputException notOffered) {
      refused.add("walking trip: " + notOffered.getMessage());
    }
    return new PathOffers(run, trip, refused);
  }

  /** Ranks given options without logging: for plans and benchmarks. */
  public Ranking rank(Situation situation, RankingPolicy policy, List<Option> candidates) {
    Map<DesireType, Desire> byType = new EnumMap<>(DesireType.class);
    for (Desire d : desires(situation)) {
      byType.put(d.type(), d);
    }
    Ranker.Request request = new Ranker.Request(
        candidates, byType, situation, preferences(), constraints(), evidence(), modelName(), policy);
    return ranker.rank(request, random);
  }

  private String modelName() {
    return models.describe(desireModel());
  }

  private Map<DesireType, List<Evidence>> evidence() {
    PersonState s = state();
    if (evidence == null || evidenceFor != s) {
      evidence = EvidenceIndex.byDesire(s.coverage(), clock.getZone());
      evidenceFor = s;
    }
    return evidence;
  }

  /**
   * The engine's audit of itself over the last {@code days}: who gets shown what against what the
   * person wants (bias), how the shown items fared, and whether the person is coming to depend on
   * it; {@code epsilon} is the exploration rate the lists were asked with.
   */
  public AuditReport audit(int days, double epsilon) {
    return SelfAudit.run(this, days, epsilon);
  }

  /** The logged recommendation and what feedback on its option has said since. */
  public Why why(String recommendationId) {
    LoggedDecision decision = vault.decisions().require(recommendationId);
    String optionId = decision.recommendation().option().id();
    List<FeedbackRow> since = vault.decisions().feedbackRows().stream()
        .filter(r -> r.optionId().equals(optionId) && !r.at().isBefore(decision.created()))
        .toList();
    return new Why(decision, since, preferences().preference(optionId), preferences().count(optionId));
  }

  /** Stores feedback and learns from it at once: option preferences and the desire model. */
  public void feedback(String recommendationId, Outcome outcome, OptionalInt rating) {
    LoggedDecision decision = vault.decisions().require(recommendationId);
    Feedback feedback = new Feedback(recommendationId, outcome, rating, clock.instant());
    vault.decisions().feedback(feedback);
    OptionFeedback of = new OptionFeedback(
        decision.recommendation().option().id(), decision.recommendation().desire(), outcome, rating, feedback.at());
    preferences = preferences().plus(of);
    Situation then = new Situation(decision.created().atZone(clock.getZone()), decision.situation());
    model = models.learn(desireModel(), features(then), of.desire(), of.desireSignal());
  }

  // ---- rules -----------------------------------------------------------------------------------

  /** Adds a rule after checking it parses, so a rule that means nothing is never stored. */
  public PersonRule addRule(String text) {
    RuleParser.parse(new PersonRule("check", text, clock.instant()));
    PersonRule rule = vault.rules().add(text);
    constraints = null;
    return rule;
  }

  public List<PersonRule> rules() {
    return vault.rules().list();
  }

  public void removeRule(String id) {
    vault.rules().remove(id);
    constraints = null;
  }

  // ---- export and forget -----------------------------------------------------------------------

  public Exporter.Summary export(Path dir) {
    return new Exporter(this).export(dir);
  }

  /** Forgets one source: its signals, and everything derived from them is rebuilt without it. */
  public long forgetSource(String name) {
    long removed = vault.signals().forgetSource(name);
    invalidate();
    vault.documents().remove(StateStore.DOCUMENT);
    models.forget();
    vault.compact();
    return removed;
  }

  private void invalidate() {
    state = null;
    model = null;
  }

  @Override
  public void close() {
    try {
      if (encoders != null) {
        encoders.close();
      }
    } finally {
      vault.close();
    }
  }

  /**
   * Forgets everything: deletes what the vault in {@code home} created there (database, SQLite's
   * side files, models, map caches, the vault marker) and nothing else. Refuses a folder that is
   * not a vault. The vault must not be open.
   */
  public static VaultFolder.Erased forgetAll(Path home) {
    return VaultFolder.erase(home);
  }
}
