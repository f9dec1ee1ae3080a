package dev.autonomy.server;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.UnavailableException;
import dev.autonomy.engine.Autonomy;
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
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small local HTTP API over {@link Autonomy}, for an app acting for the person with their
 * consent: every request but {@code GET /health} and the web page's own files ({@link WebPage}, no personal data in
 * them) must carry {@code Authorization: Bearer TOKEN}.
 * It listens on the loopback address unless told otherwise, so the data stays on the machine.
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
  private Javalin app;
  private boolean closed;

  /** A server over {@code autonomy}, which the caller keeps and closes. */
  public AutonomyServer(Autonomy autonomy, AccessToken token) {
    this(autonomy, token, false);
  }

  private AutonomyServer(Autonomy autonomy, AccessToken token, boolean ownsAutonomy) {
    this.autonomy = Objects.requireNonNull(autonomy, "autonomy");
    this.token = Objects.requireNonNull(token, "token");
    this.ownsAutonomy = ownsAutonomy;
    this.endpoints = new Endpoints(autonomy);
  }

  /** A server over the vault in {@code home}; closing the server closes the vault. */
  public static AutonomyServer open(Path home, Clock clock, RandomGenerator random, AccessToken token) {
    return new AutonomyServer(Autonomy.open(home, clock, random), token, true);
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
    Javalin created = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jsonMapper(new ProjectJson());
      WebPage.register(config.staticFiles);
      config.routes.before(this::authorise);
      endpoints.register(config.routes);
      config.routes.exception(InvalidInputException.class, (e, ctx) -> error(ctx, Problem.statusOf(e), e.getMessage()));
      config.routes.exception(ValidationException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, Problem.detail(e)));
      config.routes.exception(Unauthorised.class, (e, ctx) -> {
        ctx.header("WWW-Authenticate", "Bearer");
        error(ctx, HttpStatus.UNAUTHORIZED, e.getMessage());
      });
      // Another process holds the vault, or erased it under this server: 503, said plainly.
      config.routes.exception(UnavailableException.class, (e, ctx) -> {
        LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
        error(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
      });
      config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, HttpStatus.forStatus(e.getStatus()), e.getMessage()));
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

  private void authorise(Context ctx) {
    if (ctx.path().equals("/health") || WebPage.isAsset(ctx)) {
      return;
    }
    String header = ctx.header("Authorization");
    String prefix = "Bearer ";
    if (header == null || !header.regionMatches(true, 0, prefix, 0, prefix.length())
        || !token.matches(header.substring(prefix.length()).strip())) {
      throw new Unauthorised(header == null
          ? "missing token: send 'Authorization: Bearer TOKEN' with the token 'autonomy serve' printed"
          : "wrong token: send 'Authorization: Bearer TOKEN' with the token 'autonomy serve' printed");
    }
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

  /** A request without the person's token. */
  private static final class Unauthorised extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unauthorised(String message) {
      super(message, null, false, false);
    }
  }
}
