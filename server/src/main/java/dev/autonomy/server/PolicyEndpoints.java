package dev.autonomy.server;

import dev.autonomy.engine.policy.PolicyBook;
import dev.autonomy.engine.access.Scope;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranking policies over HTTP, in the shapes {@code autonomy policy ... --json} prints: list
 * them, put one in the shadow of the live one or take it out, switch the live one (recorded), and
 * evaluate one from the person's own log.
 */
final class PolicyEndpoints {
  private final Endpoints endpoints;

  PolicyEndpoints(Endpoints endpoints) {
    this.endpoints = endpoints;
  }

  private static final String NAME = "a policy: " + String.join(", ", PolicyBook.NAMES);

  /** The body of {@code POST /policies/live}. */
  record LiveBody(String name) {}

  /** Every policy route needs {@code rules}: which policy ranks for the person is theirs to decide. */
  void register(ScopedRoutes routes) {
    routes.get("/policies", Scope.RULES, RouteDoc.of("The ranking policies, which is live, the shadows and past switches",
        ApiSchemas.ref("Policies")), ctx -> ctx.json(endpoints.locked(PolicyEndpoints::listing)));
    routes.post("/policies/live", Scope.RULES, RouteDoc.of("Switches the live policy (the person's decision, recorded)",
        ApiSchemas.ref("PolicySwitch")).body(ApiSchemas.ref("PolicyBody")), this::switchLive);
    routes.put("/policies/shadows/{name}", Scope.RULES, RouteDoc.of("Ranks with a policy in the shadow of the live one",
        ApiSchemas.ref("Shadows")).path("name", NAME), ctx -> shadow(ctx, true));
    routes.delete("/policies/shadows/{name}", Scope.RULES, RouteDoc.of("Takes a policy out of the shadow",
        ApiSchemas.ref("Shadows")).path("name", NAME), ctx -> shadow(ctx, false));
    routes.get("/policies/{name}/evaluation", Scope.RULES, RouteDoc.of("How a policy would have done on the person's"
        + " own lists", ApiSchemas.ref("PolicyEvaluation")).path("name", NAME)
        .query("days", ApiSchemas.integer(), "days of the log (default " + PolicyBook.EVALUATION_DAYS + ")"), this::evaluate);
  }

  private static Map<String, Object> listing(dev.autonomy.engine.Autonomy a) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("policies", a.policies().list());
    out.put("shadows", a.policies().shadows());
    out.put("switches", a.policies().switches());
    return out;
  }

  private void switchLive(Context ctx) {
    LiveBody body = JsonBody.read(ctx, LiveBody.class, "{\"name\":\"linucb\"}", List.of(
        new JsonBody.Check<>("name", b -> b.name() != null && !b.name().isBlank(),
            "name must be one of " + String.join(", ", PolicyBook.NAMES))));
    PolicyBook.Switch made = endpoints.locked(a -> a.policies().switchTo(body.name().strip()));
    ScopedRoutes.detail(ctx, "live policy switched to " + body.name().strip());
    ctx.json(made);
  }

  private void shadow(Context ctx, boolean on) {
    String name = ctx.pathParam("name");
    List<String> shadows = endpoints.locked(a -> a.policies().shadow(name, on));
    ScopedRoutes.detail(ctx, (on ? "shadow policy added " : "shadow policy removed ") + name);
    ctx.json(Map.of("shadows", shadows));
  }

  private void evaluate(Context ctx) {
    String name = ctx.pathParam("name");
    int days = Endpoints.number(ctx, "days", Integer.class, PolicyBook.EVALUATION_DAYS);
    ctx.json(endpoints.locked(a -> a.policies().evaluate(name, days)));
  }
}
