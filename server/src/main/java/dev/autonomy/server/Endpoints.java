package dev.autonomy.server;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.feedback.Outcome;
import dev.autonomy.core.rule.PersonRule;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.access.Access;
import dev.autonomy.engine.access.Scope;
import dev.autonomy.engine.learn.Why;
import dev.autonomy.engine.context.StatedContext;
import dev.autonomy.engine.rank.RankingPolicy;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The API's routes: each one reads its parameters, makes one call on the facade under the lock,
 * and answers the same JSON the CLI's {@code --json} prints.
 */
final class Endpoints {
  private final Autonomy autonomy;
  // Autonomy is documented as not thread-safe: it caches the person's state, model, preferences and
  // constraints in plain fields and rebuilds them lazily, and feedback updates them in place. Jetty
  // serves requests on a pool of threads, so every call on the facade goes through this one lock.
  // One person's requests are few; serialising them costs nothing that matters.
  private final ReentrantLock lock = new ReentrantLock();

  private final long maxBodyBytes;

  Endpoints(Autonomy autonomy, long maxBodyBytes) {
    this.autonomy = autonomy;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Registers the routes with their descriptions. {@code /health} and {@code /openapi.json} need no
   * token; every other route needs the one scope it is registered with (ARCHITECTURE.md has the table).
   */
  ScopedRoutes register(RoutesConfig routes) {
    ScopedRoutes scoped = new ScopedRoutes(routes);
    // Healthy only while the vault it serves is still there: erased under the server, every other
    // request answers 503, and so does this one.
    scoped.open("/health", RouteDoc.of("Whether the server is up and its vault there", ApiSchemas.ref("Health")), ctx -> {
      locked(a -> {
        a.requireVault();
        return null;
      });
      ctx.json(Map.of("status", "ok"));
    });
    scoped.open("/openapi.json", RouteDoc.of("This API described as OpenAPI 3", ApiSchemas.ref("OpenApi")),
        ctx -> ctx.json(OpenApi.document(scoped.described(), maxBodyBytes)));
    scoped.get("/desires", Scope.DESIRES, RouteDoc.of("The person's desires now, with what each rests on",
        ApiSchemas.ref("Desires")).context(), this::desires);
    scoped.get("/recommend", Scope.RECOMMEND, RouteDoc.of("Ranked suggestions with their reasons; each is logged so that"
        + " why and feedback can take its id", ApiSchemas.ref("Ranking")).context()
        .query("limit", ApiSchemas.integer(), "how many to show, 1..1000 (default 5)")
        .query("explore", ApiSchemas.num(), "probability the last slot explores, 0..1 (default 0.1)")
        .query("desire", ApiSchemas.str(), "only options serving this desire (move, rest, social, ...)"), this::recommend);
    scoped.get("/choose", Scope.RECOMMEND, RouteDoc.of("Decide myself: every option the person's rules allow, side by"
        + " side with its trade-offs, no score and no pick; nothing is logged as a recommendation, the dependence watch"
        + " counts the use", ApiSchemas.ref("TradeOffs")).context()
        .query("desire", ApiSchemas.str(), "only options serving this desire (move, rest, social, ...)"), this::choose);
    scoped.get("/ask", Scope.RECOMMEND, RouteDoc.of("Free text (English or Chinese) read as a desire and context, then"
        + " suggestions", ApiSchemas.ref("Answer")).context()
        .query("text", ApiSchemas.str(), "what the person said, such as 'I want to go for a run'")
        .query("limit", ApiSchemas.integer(), "how many to show, 1..1000 (default 3)"), this::ask);
    scoped.get("/why/{id}", Scope.RECOMMEND, RouteDoc.of("Why a recommendation was made: inputs, weights, rules, data",
        ApiSchemas.ref("Why")).path("id", "a recommendation id a list gave (rec-...)"),
        ctx -> ctx.json(locked(a -> a.why(ctx.pathParam("id")).view())));
    scoped.post("/feedback/{id}", Scope.FEEDBACK, RouteDoc.of("What became of a recommendation; models learn at once"
        + " (once per id)", ApiSchemas.ref("FeedbackResult")).path("id", "the recommendation's id")
        .body(ApiSchemas.ref("FeedbackBody")), this::feedback);
    scoped.post("/rank", Scope.RANK, RouteDoc.of("The app's own items ranked for the person, with reasons in words and"
        + " none of the person's values; the person's rules leave items out", ApiSchemas.ref("RankResult")).context()
        .body(ApiSchemas.ref("RankBody")), new RankEndpoint(this)::rank);
    scoped.get("/rules", Scope.RULES, RouteDoc.of("The person's rules", ApiSchemas.ref("Rules")),
        ctx -> ctx.json(Map.of("rules", locked(Autonomy::rules))));
    scoped.post("/rules", Scope.RULES, RouteDoc.of("Adds a rule in the person's words", ApiSchemas.ref("Rule"))
        .body(ApiSchemas.ref("RuleBody")).status(201), this::addRule);
    scoped.delete("/rules/{id}", Scope.RULES, RouteDoc.of("Removes a rule", ApiSchemas.ref("Removed"))
        .path("id", "the rule's id (r1, ...)"), ctx -> {
          String id = ctx.pathParam("id");
          locked(a -> {
            a.removeRule(id);
            return id;
          });
          ScopedRoutes.detail(ctx, "rule removed " + id);
          ctx.json(Map.of("removed", id));
        });
    scoped.get("/audit", Scope.DESIRES, RouteDoc.of("The self-audit: shown against wanted, outcomes, dependence watch",
        ApiSchemas.ref("Audit")).query("days", ApiSchemas.integer(), "days audited (default 28)")
        .query("epsilon", ApiSchemas.num(), "the exploration rate assumed (default 0.1)"), this::audit);
    scoped.get("/signals", Scope.READ_SIGNALS, RouteDoc.of("Raw signals in a time range, oldest first",
        ApiSchemas.ref("Signals")).query("kind", ApiSchemas.str(), "one kind of signal (steps, sleep, ...); all when absent")
        .query("from", ApiSchemas.str(), "a date (2026-11-01) or an instant; default 7 days before 'to'")
        .query("to", ApiSchemas.str(), "a date or an instant; default now")
        .query("limit", ApiSchemas.integer(), "at most this many, 1.." + Access.MAX_ROWS + " (default " + SIGNALS_LIMIT + ")"),
        this::signals);
    new PolicyEndpoints(this).register(scoped);
    new DashboardEndpoints(this).register(scoped);
    return scoped;
  }

  /** Runs one facade call while holding the lock. */
  <T> T locked(Function<Autonomy, T> call) {
    lock.lock();
    try {
      return call.apply(autonomy);
    } finally {
      lock.unlock();
    }
  }

  private void desires(Context ctx) {
    ctx.json(locked(a -> {
      Situation situation = situation(ctx, a);
      return a.desiresNow(situation).view();
    }));
  }

  private void recommend(Context ctx) {
    int limit = number(ctx, "limit", Integer.class, 5);
    double explore = number(ctx, "explore", Double.class, 0.1);
    Optional<DesireType> desire = Optional.ofNullable(ctx.queryParam("desire")).map(Endpoints::desireType);
    ctx.json(locked(a -> {
      Situation situation = situation(ctx, a);
      return a.recommend(situation, new RankingPolicy(limit, explore), desire).view(situation);
    }));
  }

  private void choose(Context ctx) {
    Optional<DesireType> desire = Optional.ofNullable(ctx.queryParam("desire")).map(Endpoints::desireType);
    ctx.json(locked(a -> a.selfChoice().lay(situation(ctx, a), desire, "api").view()));
  }

  private void ask(Context ctx) {
    String text = Optional.ofNullable(ctx.queryParam("text")).orElse("");
    int limit = number(ctx, "limit", Integer.class, 3);
    ctx.json(locked(a -> a.ask(text, situation(ctx, a), limit).view()));
  }

  /**
   * The body of {@code POST /feedback/{id}}. The rating is read as any number, so that 4.5 reaches
   * the check as sent and is refused: an {@code Integer} field would have Jackson round it down to 4.
   */
  record FeedbackBody(String outcome, Number rating) {}

  /** The body of {@code POST /rules}. */
  record RuleBody(String text) {}

  private void feedback(Context ctx) {
    String id = ctx.pathParam("id");
    FeedbackBody body = JsonBody.read(ctx, FeedbackBody.class, "{\"outcome\":\"done\",\"rating\":4}", List.of(
        new JsonBody.Check<>("outcome", b -> outcome(b.outcome()).isPresent(), "outcome must be \"done\" or \"skipped\""),
        new JsonBody.Check<>("rating", b -> b.rating() == null || (b.rating() instanceof Integer r && r >= 1 && r <= 5),
            "rating must be 1..5")));
    Outcome outcome = outcome(body.outcome()).orElseThrow();
    OptionalInt given = body.rating() == null ? OptionalInt.empty() : OptionalInt.of(body.rating().intValue());
    Why why = locked(a -> {
      a.feedback(id, outcome, given);
      return a.why(id);
    });
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("outcome", outcome.name().toLowerCase(Locale.ROOT));
    given.ifPresent(v -> out.put("rating", v));
    out.put("option", why.decision().recommendation().option().id());
    out.put("preference_now", why.preferenceNow());
    ctx.json(out);
  }

  private static Optional<Outcome> outcome(String text) {
    if ("done".equals(text)) {
      return Optional.of(Outcome.DONE);
    }
    return "skipped".equals(text) ? Optional.of(Outcome.SKIPPED) : Optional.empty();
  }

  private void addRule(Context ctx) {
    RuleBody body = JsonBody.read(ctx, RuleBody.class, "{\"text\":\"never swim\"}", List.of(
        new JsonBody.Check<>("text", b -> b.text() != null && !b.text().isBlank(), "text must be a rule like \"never swim\"")));
    PersonRule rule = locked(a -> a.addRule(body.text().strip()));
    ScopedRoutes.detail(ctx, "rule added " + rule.id() + ": " + rule.text());
    ctx.status(HttpStatus.CREATED).json(rule);
  }

  private void audit(Context ctx) {
    int days = number(ctx, "days", Integer.class, 28);
    double epsilon = number(ctx, "epsilon", Double.class, 0.1);
    ctx.json(locked(a -> a.audit(days, epsilon)));
  }

  /** Raw signals: {@code ?kind=sleep&from=2026-11-01&to=2026-11-08&limit=1000}, at most {@value Access#MAX_ROWS}. */
  private void signals(Context ctx) {
    Optional<SignalKind> kind = Optional.ofNullable(ctx.queryParam("kind")).filter(k -> !k.isBlank()).map(SignalKind::fromCode);
    int limit = number(ctx, "limit", Integer.class, SIGNALS_LIMIT);
    ctx.json(locked(a -> {
      ZoneId zone = a.clock().getZone();
      Instant to = instant(ctx, "to", zone).orElse(a.clock().instant());
      Instant from = instant(ctx, "from", zone).orElse(to.minus(Duration.ofDays(7)));
      return a.access().signals(kind, from, to, limit);
    }));
  }

  /** Signals one {@code GET /signals} returns unless it asks for another limit. */
  static final int SIGNALS_LIMIT = 1_000;

  /** An instant ({@code 2026-11-01T08:00:00Z}) or a date, its start in the person's zone. */
  private static Optional<Instant> instant(Context ctx, String name, ZoneId zone) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(text.length() == 10 ? LocalDate.parse(text).atStartOfDay(zone).toInstant() : Instant.parse(text));
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(name + " must be a date (2026-11-01) or an instant (2026-11-01T08:00:00Z), was '"
          + text + "'", e);
    }
  }

  // ---- parameters ------------------------------------------------------------------------------

  /** The stated context, {@code ?context=place=indoor,free_minutes=40}, parsed as the CLI's --context. */
  private static Situation situation(Context ctx, Autonomy autonomy) {
    return StatedContext.parse(ctx.queryParams("context"), autonomy.clock());
  }

  private static DesireType desireType(String code) {
    return DesireType.fromCode(code);
  }

  /**
   * A numeric query parameter through Javalin's typed validation; its range is checked once, by
   * the domain value it goes into (the ranking policy, the audit's inputs).
   */
  static <T extends Number> T number(Context ctx, String name, Class<T> type, T fallback) {
    try {
      return ctx.queryParamAsClass(name, type).getOrDefault(fallback);
    } catch (ValidationException e) {
      String kind = type == Integer.class ? "a whole number" : "a number";
      throw new InvalidInputException(name + " must be " + kind + ", was '" + ctx.queryParam(name) + "'", e);
    }
  }
}
