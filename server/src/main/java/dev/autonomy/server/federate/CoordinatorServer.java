package dev.autonomy.server.federate;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.Requires;
import dev.autonomy.engine.federate.Coordinator;
import dev.autonomy.federate.secagg.AdvertiseKeys;
import dev.autonomy.federate.secagg.EncryptedShare;
import dev.autonomy.federate.secagg.MaskedInput;
import dev.autonomy.federate.secagg.ShareKeys;
import dev.autonomy.federate.secagg.UnmaskRequest;
import dev.autonomy.federate.secagg.UnmaskResponse;
import dev.autonomy.vault.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code autonomy federate serve}: a {@link Coordinator} over HTTP (Javalin), on the loopback
 * address unless told otherwise. Its state (the population model, its version, the rounds run) is
 * its own, a JSON file in its own folder written atomically after every round; it never opens a
 * person's vault. Routes (JSON bodies; every secure-aggregation message carries its round id):
 *
 * <pre>
 *   GET  /federation                  status: round, phase, model version and shape, privacy terms
 *   GET  /federation/model            {version, prior}
 *   POST /rounds/{r}/join             {client_id}
 *   POST /rounds/{r}/keys             a client's public keys
 *   GET  /rounds/{r}/roster           [] while the cohort is open, then every client's keys
 *   POST /rounds/{r}/shares           a client's sealed shares
 *   GET  /rounds/{r}/shares/{client}  204 while shares are collected, then the shares for client
 *   POST /rounds/{r}/input            a client's masked update
 *   GET  /rounds/{r}/unmask           204 while inputs are collected, then which shares to reveal
 *   POST /rounds/{r}/unmask           a client's revealed shares
 * </pre>
 *
 * A message that is malformed, oversized, of the wrong dimension, for another round or out of
 * phase is answered 400 with the reason; nothing else changes.
 */
public final class CoordinatorServer implements AutoCloseable {
  /** The state file in the coordinator's folder. */
  public static final String STATE_FILE = "coordinator.json";
  /** No message of a round is larger than this (the model has a few dozen values). */
  static final int MAX_BODY_BYTES = 1 << 20;

  private static final Logger LOG = LoggerFactory.getLogger(CoordinatorServer.class);
  private static final ObjectMapper JSON = Json.mapper();

  private final Coordinator coordinator;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "coordinator-tick");
    t.setDaemon(true);
    return t;
  });
  private Javalin app;

  public CoordinatorServer(Coordinator coordinator) {
    this.coordinator = Requires.nonNull(coordinator, "coordinator");
  }

  /** The state saved in {@code folder}, or a fresh one of the engine's shape when there is none. */
  public static Coordinator.State load(Path folder) {
    Path file = folder.resolve(STATE_FILE);
    if (!Files.exists(file)) {
      return Coordinator.fresh(dev.autonomy.engine.federate.Federation.trainer());
    }
    try {
      return JSON.readValue(file.toFile(), Coordinator.State.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidInputException(file + ": not a coordinator state this version can read: " + e.getMessage(), e);
    }
  }

  /** Writes {@code state} to {@code folder} atomically: a crash leaves the old state or the new, never half. */
  public static void save(Path folder, Coordinator.State state) {
    try {
      Files.createDirectories(folder);
      Path tmp = Files.createTempFile(folder, STATE_FILE, ".tmp");
      Files.write(tmp, JSON.writeValueAsBytes(state));
      try {
        Files.move(tmp, folder.resolve(STATE_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, folder.resolve(STATE_FILE), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot save the coordinator's state in " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Starts listening on {@code host:port} (0: any free port); returns the bound port. */
  public synchronized int start(String host, int port) {
    if (app != null) {
      throw new IllegalStateException("the coordinator is already started");
    }
    Javalin created = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.http.maxRequestSize = MAX_BODY_BYTES;
      config.routes.exception(InvalidInputException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
      config.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST,
          e.getMessage()));
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("coordinator: {} {} failed", ctx.method(), ctx.path(), e);
        error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal error; the coordinator's log has the details");
      });
      config.routes.get("/federation", ctx -> ctx.json(coordinator.status()));
      config.routes.get("/federation/model", ctx -> {
        Map<String, Object> reply = new java.util.LinkedHashMap<>();
        synchronized (coordinator) {
          reply.put("version", coordinator.modelVersion());
          reply.put("prior", coordinator.model());
        }
        ctx.json(reply);
      });
      config.routes.post("/rounds/{round}/join", ctx -> ctx.json(Map.of("clientId",
          coordinator.join(round(ctx)).clientId())));
      config.routes.post("/rounds/{round}/keys", ctx -> {
        coordinator.keys(body(ctx, AdvertiseKeys.class, r -> r.roundId()));
        ctx.status(HttpStatus.NO_CONTENT);
      });
      config.routes.get("/rounds/{round}/roster", ctx -> ctx.json(coordinator.roster(round(ctx))));
      config.routes.post("/rounds/{round}/shares", ctx -> {
        coordinator.shares(body(ctx, ShareKeys.class, ShareKeys::roundId));
        ctx.status(HttpStatus.NO_CONTENT);
      });
      config.routes.get("/rounds/{round}/shares/{client}", ctx -> {
        List<EncryptedShare> shares = coordinator.sharesFor(round(ctx), client(ctx));
        if (shares == null) {
          ctx.status(HttpStatus.NO_CONTENT);
        } else {
          ctx.json(shares);
        }
      });
      config.routes.post("/rounds/{round}/input", ctx -> {
        coordinator.input(body(ctx, MaskedInput.class, MaskedInput::roundId));
        ctx.status(HttpStatus.NO_CONTENT);
      });
      config.routes.get("/rounds/{round}/unmask", ctx -> {
        UnmaskRequest request = coordinator.unmaskRequest(round(ctx));
        if (request == null) {
          ctx.status(HttpStatus.NO_CONTENT);
        } else {
          ctx.json(request);
        }
      });
      config.routes.post("/rounds/{round}/unmask", ctx -> {
        coordinator.unmask(body(ctx, UnmaskResponse.class, UnmaskResponse::roundId));
        ctx.status(HttpStatus.NO_CONTENT);
      });
      config.jsonMapper(new dev.autonomy.server.ProjectJson());
    });
    created.start(host, port);
    app = created;
    ticker.scheduleWithFixedDelay(coordinator::tick, 50, 50, TimeUnit.MILLISECONDS);
    return created.port();
  }

  private static long round(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("round"));
    } catch (NumberFormatException e) {
      throw new InvalidInputException("round '" + ctx.pathParam("round") + "' is not a round number", e);
    }
  }

  private static int client(Context ctx) {
    try {
      return Integer.parseInt(ctx.pathParam("client"));
    } catch (NumberFormatException e) {
      throw new InvalidInputException("client '" + ctx.pathParam("client") + "' is not a client number", e);
    }
  }

  /** The body as {@code type}; refused when it is not, or when its round differs from the route's. */
  private static <T> T body(Context ctx, Class<T> type, java.util.function.ToLongFunction<T> roundOf) {
    byte[] bytes = ctx.bodyAsBytes();
    T message;
    try {
      message = JSON.readValue(bytes, type);
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidInputException("malformed " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
    if (message == null) {
      throw new InvalidInputException("empty " + type.getSimpleName());
    }
    long route = round(ctx);
    if (roundOf.applyAsLong(message) != route) {
      throw new InvalidInputException(type.getSimpleName() + " for round " + roundOf.applyAsLong(message)
          + " posted to round " + route + ": refused");
    }
    return message;
  }

  private static void error(Context ctx, HttpStatus status, String message) {
    ctx.status(status).contentType("application/problem+json").result(new String(
        problem(status, message), StandardCharsets.UTF_8));
  }

  private static byte[] problem(HttpStatus status, String message) {
    try {
      return JSON.writeValueAsBytes(Map.of("status", status.getCode(), "title", status.getMessage(),
          "detail", message == null ? "" : message));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return ("{\"status\":" + status.getCode() + "}").getBytes(StandardCharsets.UTF_8);
    }
  }

  public Coordinator coordinator() {
    return coordinator;
  }

  @Override
  public synchronized void close() {
    ticker.shutdownNow();
    if (app != null) {
      app.stop();
      app = null;
    }
  }
}
