package dev.autonomy.server;

import dev.autonomy.engine.policy.PolicyBook;
import io.javalin.config.RoutesConfig;
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

  /** The body of {@code POST /policies/live}. */
  record LiveBody(String name) {}

  void register(RoutesConfig routes) {
    routes.get("/policies", ctx -> ctx.json(endpoints.locked(PolicyEndpoints::listing)));
    routes.post("/policies/live", this::switchLive);
    routes.put("/policies/shadows/{name}", ctx -> shadow(ctx, true));
    routes.delete("/policies/shadows/{name}", ctx -> shadow(ctx, false));
    routes.get("/policies/{name}/evaluation", this::evaluate);
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
    ctx.json(made);
  }

  private void shadow(Context ctx, boolean on) {
    String name = ctx.pathParam("name");
    List<String> shadows = endpoints.locked(a -> a.policies().shadow(name, on));
    ctx.json(Map.of("shadows", shadows));
  }

  private void evaluate(Context ctx) {
    String name = ctx.pathParam("name");
    int days = Endpoints.number(ctx, "days", Integer.class, PolicyBook.EVALUATION_DAYS);
    ctx.json(endpoints.locked(a -> a.policies().evaluate(name, days)));
  }
}
