package dev.autonomy.server;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.access.Scope;
import dev.autonomy.engine.context.StatedContext;
import dev.autonomy.engine.data.Exporter;
import dev.autonomy.vault.AccessLog;
import dev.autonomy.vault.AppGrants;
import dev.autonomy.vault.VaultFolder;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the dashboard at {@code /} needs beyond the API an app uses: the person's data over time,
 * desires by hour and context, who has access (and revoking it), the access log, export and forget.
 *
 * <p>Scopes: the daily series and the data quality are the person's signals, so they need
 * {@code read:signals}; desires by hour need {@code desires}. Managing access, reading the access
 * log, exporting and forgetting are the person's alone: those routes are registered under
 * {@code rules} (the scope for the person's own settings) and also refuse every token but the
 * person's own (403), so no grant can ever reach them.
 */
final class DashboardEndpoints {
  /** What the person types to forget everything from the page: said by the page, checked here. */
  static final String FORGET_PHRASE = "forget everything";
  /** The folder inside the vault's home that exports from the page go into. */
  static final String EXPORTS = "exports";
  /** Series the page asks for when it names none. */
  static final List<String> DEFAULT_KINDS = List.of("steps", "sleep", "purchase");
  /** Contexts the desire grid is drawn in when the page names none: nothing stated, indoors, outdoors, rain. */
  static final List<String> DEFAULT_CONTEXTS = List.of("", "place=indoor", "place=outdoor", "weather=rain");
  /** Access log entries the page shows unless it asks for another number. */
  static final int LOG_LIMIT = 200;

  private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private final Endpoints endpoints;

  DashboardEndpoints(Endpoints endpoints) {
    this.endpoints = endpoints;
  }

  /** The body of {@code POST /forget}. */
  record ForgetBody(String confirm) {}

  void register(ScopedRoutes routes) {
    routes.get("/series", Scope.READ_SIGNALS, RouteDoc.of("The cleaned daily values per kind over the last days (the"
        + " dashboard's charts)", ApiSchemas.obj("per kind, one value per day: observed, imputed or missing"))
        .query("kinds", ApiSchemas.str(), "comma-separated signal kinds (default steps,sleep,purchase)")
        .query("days", ApiSchemas.integer(), "how many days back, 1..3650 (default 90)"), this::series);
    routes.get("/quality", Scope.READ_SIGNALS, RouteDoc.of("What cleaning found and did, per kind",
        ApiSchemas.obj("the data quality report")), ctx -> ctx.json(endpoints.locked(a -> a.overview().quality())));
    routes.get("/desires/by-hour", Scope.DESIRES, RouteDoc.of("Each desire at each hour of today in up to 6 stated"
        + " contexts", ApiSchemas.obj("one grid of intensities per context"))
        .query("context", ApiSchemas.str(), "a context as for recommend; repeat for several (default: none, indoor,"
            + " outdoor, rain)"), this::desiresByHour);
    routes.get("/apps", Scope.RULES, RouteDoc.of("The apps the person let act for them, with their scopes (the person's"
        + " own token only)", ApiSchemas.obj("the grants, never a token")), personOnly(ctx -> ctx.json(Map.of("apps",
        endpoints.locked(a -> a.access().apps()).stream().map(DashboardEndpoints::view).toList()))));
    routes.post("/apps/{name}/revoke", Scope.RULES, RouteDoc.of("Revokes an app's grant (the person's own token only)",
        ApiSchemas.obj("the grant as revoked")).path("name", "the app's name as granted"), personOnly(this::revoke));
    routes.get("/access-log", Scope.RULES, RouteDoc.of("The latest access log entries (the person's own token only)",
        ApiSchemas.obj("entries, oldest first"))
        .query("limit", ApiSchemas.integer(), "how many entries, 1..10000"), personOnly(this::accessLog));
    routes.post("/export", Scope.RULES, RouteDoc.of("Exports everything into a new folder inside the vault's exports"
        + " folder; takes no path (the person's own token only)", ApiSchemas.obj("what was written")),
        personOnly(this::export));
    routes.get("/forget", Scope.RULES, RouteDoc.of("What forget would erase and what it keeps, and the phrase that"
        + " confirms it (the person's own token only)", ApiSchemas.obj("the preview")),
        personOnly(ctx -> ctx.json(endpoints.locked(DashboardEndpoints::forgetPreview))));
    routes.post("/forget", Scope.RULES, RouteDoc.of("Erases the whole vault under the server, as forget --all (the"
        + " person's own token only)", ApiSchemas.obj("what was erased"))
        .body(ApiSchemas.obj("the confirmation", "confirm", ApiSchemas.str())), personOnly(this::forget));
    new DashboardPlans(endpoints).register(routes);
  }

  /** Runs {@code handler} only for the person's own token: an app's grant never reaches it, whatever its scopes. */
  private static Handler personOnly(Handler handler) {
    return ctx -> {
      Caller caller = ctx.attribute(ScopedRoutes.CALLER);
      if (caller == null || !AccessLog.PERSON.equals(caller.actor())) {
        ctx.attribute(ScopedRoutes.ALLOWED, null);
        throw new ScopedRoutes.OutOfScope(ctx.method() + " " + ctx.attribute(ScopedRoutes.ROUTE) + " is the person's own: only the"
            + " token 'autonomy serve' printed may call it, never an app's");
      }
      handler.handle(ctx);
    };
  }

  /** {@code ?kinds=steps,sleep,purchase&days=90}: the cleaned daily values. */
  private void series(Context ctx) {
    String kinds = Optional.ofNullable(ctx.queryParam("kinds")).filter(k -> !k.isBlank())
        .orElse(String.join(",", DEFAULT_KINDS));
    List<SignalKind> parsed = Arrays.stream(kinds.split(",")).filter(k -> !k.isBlank()).map(SignalKind::fromCode).toList();
    int days = Endpoints.number(ctx, "days", Integer.class, 90);
    ctx.json(endpoints.locked(a -> a.overview().series(parsed, days)));
  }

  /** {@code ?context=&context=place=outdoor}: one grid per context, each parsed like {@code --context}. */
  private void desiresByHour(Context ctx) {
    List<String> asked = ctx.queryParams("context");
    List<String> contexts = asked.isEmpty() ? DEFAULT_CONTEXTS : asked;
    ctx.json(endpoints.locked(a -> {
      List<Situation> situations = new ArrayList<>();
      for (String c : contexts) {
        if (Arrays.stream(c.split(",")).anyMatch(pair -> pair.strip().startsWith("at="))) {
          throw new InvalidInputException("context '" + c + "': the grid is of today's hours; leave 'at' out");
        }
        situations.add(StatedContext.parse(List.of(c), a.clock()));
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("date", a.clock().instant().atZone(a.clock().getZone()).toLocalDate().toString());
      out.put("grids", a.overview().desiresByHour(situations));
      return out;
    }));
  }

  private void revoke(Context ctx) {
    String name = ctx.pathParam("name");
    AppGrants.App revoked = endpoints.locked(a -> a.access().revoke(name));
    ScopedRoutes.detail(ctx, "app revoked " + revoked.name());
    ctx.json(view(revoked));
  }

  private void accessLog(Context ctx) {
    int limit = Endpoints.number(ctx, "limit", Integer.class, LOG_LIMIT);
    ctx.json(Map.of("entries", endpoints.locked(a -> a.access().log(limit))));
  }

  /**
   * Exports everything into a new folder inside the vault's {@code exports} folder, named by the
   * time: never a path from the request, so no request can write anywhere else.
   */
  private void export(Context ctx) {
    if (!ctx.body().isBlank()) {
      throw new InvalidInputException("POST /export takes no body: it always writes into a new folder inside the vault's '"
          + EXPORTS + "' folder, and no path can be given");
    }
    Exporter.Summary summary = endpoints.locked(a -> {
      Path root = a.home().resolve(EXPORTS);
      String stamp = "export-" + FOLDER_TIME.format(a.clock().instant());
      Path target = root.resolve(stamp);
      for (int n = 2; Files.exists(target); n++) {
        target = root.resolve(stamp + "-" + n);
      }
      return a.export(target);
    });
    ScopedRoutes.detail(ctx, "export " + summary.dir());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dir", summary.dir().toString());
    out.put("files", summary.files());
    ctx.json(out);
  }

  /** What {@code POST /forget} would erase, for the page's confirmation dialog to name. */
  private static Map<String, Object> forgetPreview(Autonomy a) {
    Map<String, Object> holds = new LinkedHashMap<>();
    holds.put("signals", a.signalCount());
    holds.put("sources", a.sources().size());
    holds.put("rules", a.rules().size());
    holds.put("apps", a.access().apps().size());
    holds.put("recommendations", a.log().report().size().recommendations());
    holds.put("feedback", a.log().report().size().feedback());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("home", a.home().toString());
    out.put("erases", VaultFolder.OWNED.stream().filter(name -> Files.exists(a.home().resolve(name))).toList());
    out.put("holds", holds);
    out.put("kept", a.home().resolve(EXPORTS).toString());
    out.put("phrase", FORGET_PHRASE);
    return out;
  }

  /**
   * Erases the vault under this server, as {@code forget --all} does, once the body repeats the
   * phrase the page showed. The server then answers 503 to everything: nothing is left to serve.
   */
  private void forget(Context ctx) {
    ForgetBody body = JsonBody.read(ctx, ForgetBody.class, "{\"confirm\":\"" + FORGET_PHRASE + "\"}", List.of(
        new JsonBody.Check<>("confirm", b -> FORGET_PHRASE.equals(b.confirm()),
            "confirm must be the phrase \"" + FORGET_PHRASE + "\"; nothing was erased")));
    VaultFolder.Erased erased = endpoints.locked(a -> {
      a.requireVault();
      return Autonomy.forgetAll(a.home());
    });
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("home", erased.home().toString());
    out.put("deleted", erased.deleted().size());
    out.put("left_alone", erased.leftAlone().stream().map(p -> p.getFileName().toString()).toList());
    ctx.json(out);
  }

  /** An app as {@code autonomy app list --json} shows it: never a token, nor its hash. */
  private static Map<String, Object> view(AppGrants.App app) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", app.name());
    m.put("scopes", app.scopes());
    m.put("created", app.created().toString());
    m.put("last_used", app.lastUsed().map(Instant::toString).orElse(null));
    m.put("revoked", app.revoked().map(Instant::toString).orElse(null));
    return m;
  }
}
