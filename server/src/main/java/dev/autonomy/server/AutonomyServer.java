package dev.autonomy.server;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.UnavailableException;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.access.Access;
import dev.autonomy.engine.access.Scope;
import dev.autonomy.vault.AccessLog;
import dev.autonomy.vault.AppGrants;
import dev.autonomy.vault.Vault;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small local HTTP API over {@link Autonomy}, for an app acting for the person with their
 * consent: every request but {@code GET /health}, {@code GET /openapi.json} and the web page's own files ({@link WebPage},
 * no personal data in them) must carry {@code Authorization: Bearer TOKEN}, the person's own token (every scope) or one
 * {@code autonomy app grant} gave an app (its scopes; {@link ScopedRoutes}), and goes to the access log.
 * It listens on the loopback address unless told otherwise, so the data stays on the machine, and
 * answers only requests addressed to it by a loopback name, from no other site, with bodies within
 * a limit ({@link RequestGuard}). {@code GET /openapi.json} describes every route ({@link OpenApi});
 * every error is problem details ({@link Problem}, and {@link ProblemErrorHandler} for Jetty's own).
 *
 * <pre>{@code
 * try (AutonomyServer server = new AutonomyServer(autonomy, AccessToken.generate(new SecureRandom()))) {
 *   int port = server.start(AutonomyServer.LOOPBACK, 8765);
 *   ...
 * }
 * }</pre>
 */
public final class AutonomyServer implements AutoCloseable {
  /** The default address: this machine only. */
  public static final String LOOPBACK = "127.0.0.1";
  /** The default port of {@code autonomy serve}. */
  public static final int DEFAULT_PORT = 8765;

  private static final Logger LOG = LoggerFactory.getLogger(AutonomyServer.class);

  private final Autonomy autonomy;
  private final boolean ownsAutonomy;
  private final AccessToken token;
  private final Endpoints endpoints;
  private final long maxBodyBytes;
  private Javalin app;
  private Map<String, Scope> routeScopes = Map.of();
  private boolean closed;

  /** The largest request body taken unless the server is built with another limit: 1 MiB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 1L << 20;

  /** A server over {@code autonomy}, which the caller keeps and closes. */
  public AutonomyServer(Autonomy autonomy, AccessToken token) {
    this(autonomy, token, DEFAULT_MAX_BODY_BYTES);
  }

  /** A server taking request bodies of at most {@code maxBodyBytes} (larger ones: 413, before they are read). */
  public AutonomyServer(Autonomy autonomy, AccessToken token, long maxBodyBytes) {
    this(autonomy, token, false, maxBodyBytes);
  }

  private AutonomyServer(Autonomy autonomy, AccessToken token, boolean ownsAutonomy, long maxBodyBytes) {
    this.autonomy = Objects.requireNonNull(autonomy, "autonomy");
    this.token = Objects.requireNonNull(token, "token");
    this.ownsAutonomy = ownsAutonomy;
    if (maxBodyBytes < 1) {
      throw new InvalidInputException("maximum body size must be at least 1 byte, was " + maxBodyBytes);
    }
    this.maxBodyBytes = maxBodyBytes;
    this.endpoints = new Endpoints(autonomy, maxBodyBytes);
  }

  /** A server over the vault in {@code home}; closing the server closes the vault. */
  public static AutonomyServer open(Path home, Clock clock, RandomGenerator random, AccessToken token) {
    return new AutonomyServer(Autonomy.open(home, clock, random), token, true, DEFAULT_MAX_BODY_BYTES);
  }

  /** Whether {@code host} names this machine only (127.0.0.0/8, ::1, localhost). */
  public static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new InvalidInputException("host '" + host + "': unknown host", e);
    }
  }

  /**
   * Starts listening on {@code host:port} (port 0: any free port) and returns the bound port.
   *
   * @throws InvalidInputException when the port is out of range, the host unknown or the port taken
   * @throws IllegalStateException when already started or closed
   */
  public synchronized int start(String host, int port) {
    if (closed) {
      throw new IllegalStateException("server is closed");
    }
    if (app != null) {
      throw new IllegalStateException("server already started on port " + app.port());
    }
    if (port < 0 || port > 65_535) {
      throw new InvalidInputException("port must be in 0..65535, was " + port);
    }
    isLoopback(Objects.requireNonNull(host, "host"));
    if (port != 0) {
      requireFree(host, port);
    }
    RequestGuard guard = new RequestGuard(host, maxBodyBytes);
    Javalin created = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jsonMapper(new ProjectJson());
      // A body sent without a length is cut at the same limit while read (Javalin answers 413).
      config.http.maxRequestSize = maxBodyBytes;
      ProblemErrorHandler refusedByJetty = new ProblemErrorHandler(this::recordRefusedByJetty);
      config.jetty.modifyServer(server -> server.setErrorHandler(refusedByJetty));
      config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(refusedByJetty));
      WebPage.register(config.staticFiles);
      config.routes.before(ctx -> admit(ctx, guard));
      config.routes.after(this::recordAccess);
      routeScopes = endpoints.register(config.routes).table();
      config.routes.exception(InvalidInputException.class, (e, ctx) -> error(ctx, Problem.statusOf(e), e.getMessage()));
      config.routes.exception(ValidationException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, Problem.detail(e)));
      config.routes.exception(Unauthorised.class, (e, ctx) -> {
        ctx.header("WWW-Authenticate", "Bearer");
        error(ctx, HttpStatus.UNAUTHORIZED, e.getMessage());
      });
      // Another process holds the vault, or erased it under this server: 503, said plainly.
      config.routes.exception(UnavailableException.class, (e, ctx) -> {
        LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
        error(ctx, HttpStatus.SERVICE_UNAVAILABLE, isUnrecorded(ctx) ? withoutVaultPath(e.getMessage()) : e.getMessage());
      });
      config.routes.exception(HttpResponseException.class, (e, ctx) -> {
        error(ctx, HttpStatus.forStatus(e.getStatus()), e.getMessage());
        if (e.getStatus() == HttpStatus.UNAUTHORIZED.getCode()) {
          ctx.header("WWW-Authenticate", "Bearer");
        }
      });
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal error; the server log has the details");
      });
      config.routes.error(HttpStatus.NOT_FOUND.getCode(), ctx -> {
        if (ctx.result() == null) {
          error(ctx, HttpStatus.NOT_FOUND, "no such endpoint: " + ctx.method() + " " + ctx.path());
        }
      });
    });
    try {
      created.start(host, port);
    } catch (RuntimeException e) {
      stopQuietly(created);
      if (causedBy(e, BindException.class)) {
        throw portInUse(host, port, e);
      }
      throw e;
    }
    app = created;
    return app.port();
  }

  /** Fails before Jetty starts (and logs its own error) when something already listens there. */
  private static void requireFree(String host, int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw portInUse(host, port, e);
    }
  }

  private static InvalidInputException portInUse(String host, int port, Exception cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String why = root.getMessage() == null ? "" : root.getMessage();
    return new InvalidInputException("cannot listen on " + host + ":" + port + ": "
        + (why.contains("in use")
            ? "the port is in use (another 'autonomy serve'?); choose another port or stop what uses it"
            : why + "; choose another host or port"), cause);
  }

  /** The bound port; fails when not started. */
  public synchronized int port() {
    if (app == null) {
      throw new IllegalStateException("server is not started");
    }
    return app.port();
  }

  /** Each route ("GET /desires") and the scope it needs, as registered when the server started. */
  synchronized Map<String, Scope> routeScopes() {
    return routeScopes;
  }

  /**
   * Every HTTP route the running server holds, as "METHOD /path", read from Javalin's own router
   * (not from {@link ScopedRoutes}): what {@code /openapi.json} must describe, as tests check.
   */
  synchronized Set<String> registeredRoutes() {
    if (app == null) {
      throw new IllegalStateException("server is not started");
    }
    return app.unsafe.internalRouter.allHttpHandlers().stream().map(parsed -> parsed.endpoint)
        .filter(e -> e.method.isHttpMethod()).map(e -> e.method.name() + " " + e.path)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  public AccessToken token() {
    return token;
  }

  /** Stops listening; a stopped server can be started again. */
  public synchronized void stop() {
    if (app != null) {
      stopQuietly(app);
      app = null;
    }
  }

  /**
   * Stops, waits for a request still being answered, then closes the vault when this server opened
   * it; a caller that opened the vault may close it once this returns.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    stop();
    closed = true;
    // Taking the facade's lock waits out a request still in flight, so the vault can be closed after.
    endpoints.locked(a -> {
      if (ownsAutonomy) {
        a.close();
      }
      return null;
    });
  }

  /**
   * Lets a request in, or refuses it: first finds who calls from the token (so a refusal is logged
   * under their name), then the {@link RequestGuard}'s checks (Host, Origin, body size, no token in
   * the URL), which hold for the open paths too, then the token itself.
   */
  private void admit(Context ctx, RequestGuard guard) {
    boolean open = isUnrecorded(ctx);
    Identified who = open ? new Identified(new Caller(Caller.ANONYMOUS, Set.of()), Optional.empty()) : identify(ctx);
    ctx.attribute(ScopedRoutes.CALLER, who.caller());
    try {
      guard.check(ctx);
    } catch (HttpResponseException e) {
      ctx.attribute(REFUSED, Boolean.TRUE);
      throw e;
    }
    if (who.refusal().isPresent()) {
      throw new Unauthorised(who.refusal().get());
    }
  }

  /** Request attribute, set when the guard refused a request: logged even on an open path. */
  private static final String REFUSED = "autonomy.refused";

  /** Who calls, and why they are refused (401) when they are. */
  private record Identified(Caller caller, Optional<String> refusal) {}

  /**
   * Finds who calls from the bearer token: the person's own token has every scope, an app's token
   * the scopes the person granted it; no token, a token nobody was given or a revoked one is
   * refused (401). Only the Authorization header is read: never a cookie or the URL. The route then
   * checks its scope ({@link ScopedRoutes}).
   */
  private Identified identify(Context ctx) {
    String header = ctx.header("Authorization");
    String prefix = "Bearer ";
    if (header == null || !header.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return new Identified(new Caller(Caller.ANONYMOUS, Set.of()), Optional.of(header == null
          ? "missing token: send 'Authorization: Bearer TOKEN' with the token 'autonomy serve' printed or 'autonomy app grant' gave"
          : "wrong token: send 'Authorization: Bearer TOKEN' with the token 'autonomy serve' printed or 'autonomy app grant' gave"));
    }
    String presented = header.substring(prefix.length()).strip();
    if (token.matches(presented)) {
      return new Identified(new Caller(AccessLog.PERSON, EnumSet.allOf(Scope.class)), Optional.empty());
    }
    Optional<AppGrants.App> app = presented.isEmpty() ? Optional.empty()
        : endpoints.locked(a -> a.access().appWithToken(presented));
    if (app.isEmpty()) {
      return new Identified(new Caller(Caller.UNKNOWN, Set.of()), Optional.of("wrong token: send 'Authorization: Bearer"
          + " TOKEN' with the token 'autonomy serve' printed or 'autonomy app grant' gave"));
    }
    if (!app.get().live()) {
      return new Identified(new Caller(app.get().name(), Set.of()), Optional.of("revoked token: the person revoked app '"
          + app.get().name() + "' on " + app.get().revoked().orElseThrow() + "; ask them for a new grant ('autonomy app grant')"));
    }
    return new Identified(new Caller(app.get().name(), Access.scopes(app.get())), Optional.empty());
  }

  /**
   * A message for a caller who showed no token ({@code /health}): the vault's folder names the
   * person's account and files, so it is left to the server log, which has the whole message.
   */
  private String withoutVaultPath(String message) {
    // The vault's messages name its database file by the path the vault was opened with.
    Path file = autonomy.home().resolve(Vault.DATABASE_FILE);
    String said = "(its folder is in the server log)";
    return message.replace(file.toAbsolutePath().toString(), said).replace(file.toString(), said);
  }

  /** {@code /health}, {@code /openapi.json} and the web page's own files carry no personal data: no token, no log entry. */
  private static boolean isUnrecorded(Context ctx) {
    return ctx.path().equals("/health") || ctx.path().equals("/openapi.json") || WebPage.isAsset(ctx);
  }

  /**
   * One access log entry per request, after it was answered and its own transaction committed
   * (never inside it). A log that cannot be written is said in the server log; the answer stands.
   */
  private void recordAccess(Context ctx) {
    Caller caller = ctx.attribute(ScopedRoutes.CALLER);
    if (caller == null || (isUnrecorded(ctx) && ctx.attribute(REFUSED) == null)) {
      return;
    }
    Scope scope = ctx.attribute(ScopedRoutes.SCOPE);
    String route = ctx.attribute(ScopedRoutes.ROUTE);
    String detail = ctx.attribute(ScopedRoutes.DETAIL);
    int status = ctx.statusCode();
    AccessLog.Entry entry = new AccessLog.Entry(0, autonomy.clock().instant(), caller.actor(), "api",
        scope == null ? "" : scope.code(), ctx.method().name(), route == null ? clip(ctx.path()) : route, status,
        ctx.attribute(ScopedRoutes.ALLOWED) != null, detail == null ? "" : detail);
    try {
      endpoints.locked(a -> {
        a.access().record(entry);
        return null;
      });
    } catch (RuntimeException e) {
      LOG.warn("{} {}: cannot write the access log: {}", ctx.method(), ctx.path(), e.getMessage());
    }
  }

  /** One access log entry for a request Jetty refused before any handler of ours saw it. */
  private void recordRefusedByJetty(String method, String path, int status, String reason) {
    AccessLog.Entry entry = new AccessLog.Entry(0, autonomy.clock().instant(), Caller.ANONYMOUS, "api", "", method,
        clip(path), status, false, "refused by the HTTP layer: " + (reason.length() > 200 ? reason.substring(0, 200) : reason));
    try {
      endpoints.locked(a -> {
        a.access().record(entry);
        return null;
      });
    } catch (RuntimeException e) {
      LOG.warn("{} {}: cannot write the access log: {}", method, path, e.getMessage());
    }
  }

  /** A path no route matched, kept short: it is whatever the caller sent. */
  private static String clip(String path) {
    return path.length() <= 200 ? path : path.substring(0, 200) + "...";
  }

  private static void error(Context ctx, HttpStatus status, String message) {
    Problem.send(ctx, status, message);
  }

  private static void stopQuietly(Javalin javalin) {
    try {
      javalin.stop();
    } catch (RuntimeException e) {
      LOG.warn("stopping the HTTP server failed", e);
    }
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** A request without a valid token. */
  private static final class Unauthorised extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unauthorised(String message) {
      super(message, null, false, false);
    }
  }
}
