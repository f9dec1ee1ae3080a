package dev.autonomy.server;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.RefusedException;
import dev.autonomy.engine.access.Scope;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API's routes, each registered with the one scope it needs and its description: the only way
 * {@link Endpoints} adds a route, so none is added without deciding who may call it or without
 * being in {@code /openapi.json}. A route checks its scope against the caller that
 * {@link AutonomyServer} found from the token, before it runs. The few routes without personal
 * data ({@code /health}, {@code /openapi.json}) are registered {@link #open}: no token, no scope.
 */
final class ScopedRoutes {
  /** Request attribute: the {@link Caller}. */
  static final String CALLER = "autonomy.caller";
  /** Request attribute: the scope the matched route needs. */
  static final String SCOPE = "autonomy.scope";
  /** Request attribute: the matched route's template, such as {@code /why/{id}}. */
  static final String ROUTE = "autonomy.route";
  /** Request attribute, set once the caller's scope was checked and found enough. */
  static final String ALLOWED = "autonomy.allowed";
  /** Request attribute: what a call changed, for the access log ("rule added r3: never swim"). */
  static final String DETAIL = "autonomy.detail";

  private final RoutesConfig routes;
  private final Map<String, Scope> table = new LinkedHashMap<>();
  private final List<Described> described = new ArrayList<>();

  /**
   * A registered route as {@code /openapi.json} describes it.
   *
   * @param method GET, POST, PUT or DELETE
   * @param path its template ({@code /why/{id}})
   * @param scope the scope it needs; empty for an open route
   * @param doc what it takes and answers
   */
  record Described(HandlerType method, String path, Optional<Scope> scope, RouteDoc doc) {}

  ScopedRoutes(RoutesConfig routes) {
    this.routes = routes;
  }

  void get(String path, Scope scope, RouteDoc doc, Handler handler) {
    routes.get(path, guarded(HandlerType.GET, path, scope, doc, handler));
  }

  void post(String path, Scope scope, RouteDoc doc, Handler handler) {
    routes.post(path, guarded(HandlerType.POST, path, scope, doc, handler));
  }

  void put(String path, Scope scope, RouteDoc doc, Handler handler) {
    routes.put(path, guarded(HandlerType.PUT, path, scope, doc, handler));
  }

  void delete(String path, Scope scope, RouteDoc doc, Handler handler) {
    routes.delete(path, guarded(HandlerType.DELETE, path, scope, doc, handler));
  }

  /** A GET route anyone on the machine may call: no token, no access log entry; never personal data. */
  void open(String path, RouteDoc doc, Handler handler) {
    describe(new Described(HandlerType.GET, path, Optional.empty(), doc));
    routes.get(path, handler);
  }

  /** Every route registered, open and scoped, in the order registered. */
  List<Described> described() {
    return Collections.unmodifiableList(described);
  }

  /** "METHOD /path" to the scope it needs, in the order registered. */
  Map<String, Scope> table() {
    return Collections.unmodifiableMap(table);
  }

  private void describe(Described route) {
    if (described.stream().anyMatch(d -> d.method().equals(route.method()) && d.path().equals(route.path()))) {
      throw new IllegalStateException(route.method() + " " + route.path() + " registered twice");
    }
    described.add(route);
  }

  private Handler guarded(HandlerType method, String path, Scope scope, RouteDoc doc, Handler handler) {
    describe(new Described(method, path, Optional.of(scope), doc));
    table.put(method + " " + path, scope);
    return ctx -> {
      ctx.attribute(SCOPE, scope);
      ctx.attribute(ROUTE, path);
      Caller caller = ctx.attribute(CALLER);
      if (caller == null || !caller.may(scope)) {
        throw new OutOfScope(method + " " + path + " needs the scope '" + scope.code() + "', which this token was not"
            + " granted; the person can give it with 'autonomy app revoke NAME' and 'autonomy app grant NAME --scopes "
            + scope.code() + ",...'");
      }
      ctx.attribute(ALLOWED, Boolean.TRUE);
      ctx.pathParamMap().forEach(ScopedRoutes::requirePlainId);
      handler.handle(ctx);
    };
  }

  /**
   * Refuses a path parameter that could name something outside what it means ({@code ../../x},
   * {@code a\\b}, control characters) before any route looks it up: no id the vault gives has them.
   */
  private static void requirePlainId(String name, String value) {
    if (value.contains("/") || value.contains("\\") || value.contains("..") || value.chars().anyMatch(c -> c < ' ' || c == 127)) {
      throw new InvalidInputException(name + " '" + (value.length() > 60 ? value.substring(0, 60) + "..." : value)
          + "' is not an id: ids have no '/', '\\', '..' or control characters; use one the API gave");
    }
  }

  /** Records {@code detail} as what this request changed. */
  static void detail(Context ctx, String detail) {
    ctx.attribute(DETAIL, detail);
  }

  /** A valid token calling a route outside its scopes: 403. */
  static final class OutOfScope extends RefusedException {
    private static final long serialVersionUID = 1L;

    OutOfScope(String message) {
      super(message);
    }
  }
}
