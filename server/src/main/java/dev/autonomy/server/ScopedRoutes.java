package dev.autonomy.server;

import dev.autonomy.core.RefusedException;
import dev.autonomy.engine.access.Scope;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API's routes, each registered with the one scope it needs: the only way {@link Endpoints}
 * adds a route, so none is added without deciding who may call it. A route checks its scope
 * against the caller that {@link AutonomyServer} found from the token, before it runs.
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

  ScopedRoutes(RoutesConfig routes) {
    this.routes = routes;
  }

  void get(String path, Scope scope, Handler handler) {
    routes.get(path, guarded(HandlerType.GET, path, scope, handler));
  }

  void post(String path, Scope scope, Handler handler) {
    routes.post(path, guarded(HandlerType.POST, path, scope, handler));
  }

  void put(String path, Scope scope, Handler handler) {
    routes.put(path, guarded(HandlerType.PUT, path, scope, handler));
  }

  void delete(String path, Scope scope, Handler handler) {
    routes.delete(path, guarded(HandlerType.DELETE, path, scope, handler));
  }

  /** "METHOD /path" to the scope it needs, in the order registered. */
  Map<String, Scope> table() {
    return Collections.unmodifiableMap(table);
  }

  private Handler guarded(HandlerType method, String path, Scope scope, Handler handler) {
    if (table.putIfAbsent(method + " " + path, scope) != null) {
      throw new IllegalStateException(method + " " + path + " registered twice");
    }
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
      handler.handle(ctx);
    };
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
