package dev.autonomy.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.feedback.Outcome;
import dev.autonomy.core.rule.PersonRule;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.learn.Why;
import dev.autonomy.engine.context.StatedContext;
import dev.autonomy.engine.rank.RankingPolicy;
import dev.autonomy.vault.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationException;
import java.util.LinkedHashMap;
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

  Endpoints(Autonomy autonomy) {
    this.autonomy = autonomy;
  }

  void register(RoutesConfig routes) {
    routes.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
    routes.get("/desires", this::desires);
    routes.get("/recommend", this::recommend);
    routes.get("/ask", this::ask);
    routes.get("/why/{id}", ctx -> ctx.json(locked(a -> a.why(ctx.pathParam("id")).view())));
    routes.post("/feedback/{id}", this::feedback);
    routes.get("/rules", ctx -> ctx.json(Map.of("rules", locked(Autonomy::rules))));
    routes.post("/rules", this::addRule);
    routes.delete("/rules/{id}", ctx -> {
      String id = ctx.pathParam("id");
      locked(a -> {
        a.removeRule(id);
        return id;
      });
      ctx.json(Map.of("removed", id));
    });
    routes.get("/audit", this::audit);
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

  private void ask(Context ctx) {
    String text = Optional.ofNullable(ctx.queryParam("text")).orElse("");
    int limit = number(ctx, "limit", Integer.class, 3);
    ctx.json(locked(a -> a.ask(text, situation(ctx, a), limit).view()));
  }


  private void feedback(Context ctx) {
    String id = ctx.pathParam("id");
    JsonNode body = body(ctx, "{\"outcome\":\"done\",\"rating\":4}");
    String outcomeText = body.path("outcome").asText("");
    Outcome outcome = switch (outcomeText) {
      case "done" -> Outcome.DONE;
      case "skipped" -> Outcome.SKIPPED;
      default -> throw new InvalidInputException("outcome must be \"done\" or \"skipped\", was " + body.path("outcome"));
    };
    OptionalInt rating = OptionalInt.empty();
    JsonNode r = body.path("rating");
    if (!r.isMissingNode() && !r.isNull()) {
      if (!r.isInt() || r.asInt() < 1 || r.asInt() > 5) {
        throw new InvalidInputException("rating must be 1..5, was " + r);
      }
      rating = OptionalInt.of(r.asInt());
    }
    OptionalInt given = rating;
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

  private void addRule(Context ctx) {
    JsonNode text = body(ctx, "{\"text\":\"never swim\"}").path("text");
    if (!text.isTextual() || text.asText().isBlank()) {
      throw new InvalidInputException("text must be a rule like \"never swim\", was " + text);
    }
    PersonRule rule = locked(a -> a.addRule(text.asText().strip()));
    ctx.status(HttpStatus.CREATED).json(rule);
  }

  private void audit(Context ctx) {
    int days = number(ctx, "days", Integer.class, 28);
    double epsilon = number(ctx, "epsilon", Double.class, 0.1);
    ctx.json(locked(a -> a.audit(days, epsilon)));
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
  private static <T extends Number> T number(Context ctx, String name, Class<T> type, T fallback) {
    try {
      return ctx.queryParamAsClass(name, type).getOrDefault(fallback);
    } catch (ValidationException e) {
      String kind = type == Integer.class ? "a whole number" : "a number";
      throw new InvalidInputException(name + " must be " + kind + ", was '" + ctx.queryParam(name) + "'", e);
    }
  }

  private static JsonNode body(Context ctx, String example) {
    try {
      JsonNode node = Json.mapper().readTree(ctx.body());
      if (node == null || !node.isObject()) {
        throw new InvalidInputException("request body must be a JSON object like " + example);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("request body must be a JSON object like " + example + ": " + e.getOriginalMessage(), e);
    }
  }
}
