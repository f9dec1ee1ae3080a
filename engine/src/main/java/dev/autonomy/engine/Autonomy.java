package dev.autonomy.engine;

import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.feedback.Outcome;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.rule.PersonRule;
import dev.autonomy.engine.access.Access;
import dev.autonomy.engine.ask.Answer;
import dev.autonomy.engine.ask.Asking;
import dev.autonomy.engine.audit.AuditReport;
import dev.autonomy.engine.audit.SelfAudit;
import dev.autonomy.engine.choose.SelfChoice;
import dev.autonomy.engine.collect.Collector;
import dev.autonomy.engine.data.Exporter;
import dev.autonomy.engine.data.Forgetting;
import dev.autonomy.engine.data.LogRetention;
import dev.autonomy.engine.desire.DesireEvaluation;
import dev.autonomy.engine.desire.Desires;
import dev.autonomy.engine.desire.Goals;
import dev.autonomy.engine.features.FeatureVector;
import dev.autonomy.engine.federate.Federation;
import dev.autonomy.engine.files.LocalFiles;
import dev.autonomy.engine.learn.Learning;
import dev.autonomy.engine.learn.Why;
import dev.autonomy.engine.moment.MomentEvaluation;
import dev.autonomy.engine.moment.Moments;
import dev.autonomy.engine.option.OptionCatalogue;
import dev.autonomy.engine.option.Options;
import dev.autonomy.engine.overview.Overview;
import dev.autonomy.engine.policy.PolicyBook;
import dev.autonomy.engine.plan.PathOffers;
import dev.autonomy.engine.plan.Planning;
import dev.autonomy.engine.plan.RuleScreen;
import dev.autonomy.engine.plan.RunOffer;
import dev.autonomy.engine.plan.TripOffer;
import dev.autonomy.engine.plan.WeekPlanRecommendation;
import dev.autonomy.engine.quality.QualityReport;
import dev.autonomy.engine.rank.OptionPreferences;
import dev.autonomy.engine.rank.Ranking;
import dev.autonomy.engine.rank.RankFeatures;
import dev.autonomy.engine.rank.RankingPolicy;
import dev.autonomy.engine.rank.Recommender;
import dev.autonomy.engine.rule.Rules;
import dev.autonomy.engine.situation.Situations;
import dev.autonomy.engine.state.PersonStates;
import dev.autonomy.engine.text.OnDeviceText;
import dev.autonomy.engine.text.PersonModels;
import dev.autonomy.plan.map.LatLon;
import dev.autonomy.plan.map.OsmMap;
import dev.autonomy.plan.run.RunRequest;
import dev.autonomy.plan.trip.TripRequest;
import dev.autonomy.vault.ImportResult;
import dev.autonomy.vault.PassphraseSource;
import dev.autonomy.vault.SignalStore;
import dev.autonomy.vault.SourceInfo;
import dev.autonomy.vault.Vault;
import dev.autonomy.vault.VaultFolder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongConsumer;
import java.util.random.RandomGenerator;

/**
 * The embeddable entry point and composition root: one person's Autonomy over one vault. Each capability is a class
 * of its own with a narrow port; this builds them once and delegates, so the CLI, the server or an app call one
 * surface. Not thread-safe; close it to release the vault and the transformers.
 */
public final class Autonomy implements AutoCloseable {
  private final Vault vault;
  private final Clock clock;
  private final OnDeviceText text;
  private final Collector collector;
  private final PersonStates states;
  private final Moments moments;
  private final Desires desires;
  private final Rules rules;
  private final Options options;
  private final PolicyBook policies;
  private final Learning learning;
  private final Recommender recommender;
  private final Planning planning;
  private final Asking asking;
  private final SelfAudit audit;
  private final Exporter exporter;
  private final Forgetting forgetting;
  private final LogRetention retention;
  private final SelfChoice selfChoice;

  private Autonomy(Vault vault, Clock clock, RandomGenerator random) {
    this.vault = vault;
    this.clock = clock;
    this.text = new OnDeviceText(vault);
    this.collector = new Collector(vault, clock);
    this.states = new PersonStates(vault, clock, text, text.models());
    this.moments = new Moments(vault);
    this.desires = new Desires(vault, states, moments, new Situations(vault, states));
    this.rules = new Rules(vault, clock);
    this.options = new Options(vault);
    this.policies = new PolicyBook(vault, clock, RankFeatures.NAMES, RankFeatures.handWeights());
    this.learning = new Learning(vault, clock, states, desires, policies);
    this.retention = new LogRetention(vault, clock);
    this.recommender = new Recommender(options, desires, learning, rules, states, vault.decisions(), policies,
        retention::afterLogging, random);
    this.planning = new Planning(vault, clock, options, rules, desires, states, recommender);
    this.asking = new Asking(text, text.models(), recommender, clock);
    this.audit = new SelfAudit(clock, vault.decisions(), states, desires, options, vault.selfChoices());
    this.selfChoice = new SelfChoice(options, desires, rules, vault.selfChoices(), clock);
    this.exporter = new Exporter(vault, states, desires, options);
    this.forgetting = new Forgetting(vault, states, desires, policies);
  }

  /** Opens (creating if needed) the clear vault in {@code home}. */
  public static Autonomy open(Path home, Clock clock, RandomGenerator random) {
    return open(home, clock, random, PassphraseSource.none());
  }
  /** Opens the vault in {@code home}, asking {@code passphrases} when it needs one ({@link Vault#open}). */
  public static Autonomy open(Path home, Clock clock, RandomGenerator random, PassphraseSource passphrases) {
    return new Autonomy(Vault.open(home, clock, passphrases), clock, random);
  }
  public Clock clock() {
    return clock;
  }
  /** The vault itself, for this package's tests only: shells and apps go through the capabilities. */
  Vault vault() {
    return vault;
  }
  /** Fails (UnavailableException) when the vault was erased or replaced under this process: health checks say so. */
  public void requireVault() {
    vault.requireOpen();
  }
  public Path home() {
    return vault.home();
  }
  /** The text models the person chose for the notes' health score and for ask, instead of the built-in ones. */
  public PersonModels textModels() {
    return text.models();
  }
  /** Its files beside the database (text models, maps): sealed or kept in memory when the vault is encrypted. */
  public LocalFiles files() {
    return new LocalFiles(vault);
  }
  public ImportResult importPath(Path path, String format, String person) {
    return collector.importPath(path, format, person, n -> { }, false);
  }
  public ImportResult importPath(Path path, String format, String person, LongConsumer progress, boolean setAside) {
    return collector.importPath(path, format, person, progress, setAside);
  }
  public List<SourceInfo> sources() {
    return collector.sources();
  }
  public long signalCount() {
    return collector.signalCount();
  }
  public QualityReport quality() {
    return states.quality();
  }
  /** The person's data and desires over time, as the dashboard draws them. */
  public Overview overview() {
    return new Overview(states, desires, clock);
  }
  public FeatureVector features(Situation situation) {
    return states.features(situation);
  }
  public List<Desire> desires(Situation situation) {
    return desires.at(situation);
  }
  public void setGoals(Goals goals) {
    desires.setGoals(goals);
  }
  public Goals goals() {
    return desires.goals();
  }
  public List<DesireEvaluation.Row> evaluate() {
    return desires.evaluate();
  }
  /** The desires in a situation with what each rests on and what each stated key did to them. */
  public DesiresNow desiresNow(Situation situation) {
    return new DesiresNow(situation, desires.at(situation), desires.basis(), desires.uses(situation));
  }
  /** The moment-level move model against its baselines on the last days, per block of hours. */
  public MomentEvaluation.Row evaluateMoments(int blockHours, int testDays) {
    return moments.evaluate(blockHours, testDays);
  }
  public Optional<Map<DesireType, Double>> desireWeights(Situation situation) {
    return desires.weights(situation);
  }
  public OptionCatalogue options() {
    return options.catalogue();
  }
  public int addOptions(Path csv) {
    return options.add(csv);
  }
  public Ranking recommend(Situation situation, RankingPolicy policy) {
    return recommend(situation, policy, Optional.empty());
  }
  /** The person's consent per app (grants, scopes, revocation) and the access log. */
  public Access access() {
    return new Access(vault);
  }
  /** Taking part in a federation on the person's terms: join, leave, the privacy ledger and budget. */
  public Federation federation() {
    return new Federation(vault, clock, desires);
  }
  public Ranking recommend(Situation situation, RankingPolicy policy, Optional<DesireType> desire) {
    return recommender.recommend(situation, policy, desire);
  }

  /** Ranks given options without logging: for plans and benchmarks. */
  public Ranking rank(Situation situation, RankingPolicy policy, List<Option> candidates) {
    return recommender.rank(situation, policy, candidates);
  }
  public Answer ask(String text, Situation stated, int limit) {
    return asking.ask(text, stated, limit);
  }

  public WeekPlanRecommendation recommendWeekPlan(Map<String, String> stated, int[] freeMinutes, long seed) {
    return planning.week(stated, freeMinutes, seed);
  }
  public RuleScreen ruleScreen(Situation situation) {
    return planning.ruleScreen(situation);
  }
  public TripOffer planTrip(OsmMap map, TripRequest request, Situation situation) {
    return planning.trip(map, request, situation);
  }
  public RunOffer planRun(OsmMap map, RunRequest request, Situation situation) {
    return planning.run(map, request, situation);
  }
  public PathOffers offerPaths(OsmMap map, LatLon start, Situation situation, long seed) {
    return planning.paths(map, start, situation, seed);
  }
  public void feedback(String recommendationId, Outcome outcome, OptionalInt rating) {
    learning.feedback(recommendationId, outcome, rating);
  }
  public Why why(String recommendationId) {
    return learning.why(recommendationId);
  }
  public OptionPreferences preferences() {
    return learning.preferences();
  }

  /** The ranking policies: which is live, what each has learned; switching is the person's decision. */
  public PolicyBook policies() {
    return policies;
  }

  /** How much the decision log holds and how long it keeps it: the person's retention. */
  public LogRetention log() {
    return retention;
  }

  /** "Decide myself": the options side by side with their trade-offs and no ranked pick; each use is counted. */
  public SelfChoice selfChoice() {
    return selfChoice;
  }
  public AuditReport audit(int days, double epsilon) {
    return audit.run(days, epsilon);
  }

  public PersonRule addRule(String text) {
    return rules.add(text);
  }
  public List<PersonRule> rules() {
    return rules.list();
  }
  public void removeRule(String id) {
    rules.remove(id);
  }
  public Exporter.Summary export(Path dir) {
    return exporter.export(dir);
  }

  /**
   * Forgets the source(s) {@code reference} names (an id as {@link #sources} lists it, the path it
   * was imported from, or a file name only one source has) and everything derived from them.
   */
  public SignalStore.Forgotten forgetSource(String reference) {
    return forgetting.source(reference);
  }

  /** Deletes only what the vault in {@code home} created there ({@link VaultFolder#OWNED}); refuses a non-vault. Close it first. */
  public static VaultFolder.Erased forgetAll(Path home) {
    return VaultFolder.erase(home);
  }

  @Override
  public void close() {
    try {
      text.close();
    } finally {
      vault.close();
    }
  }
}
