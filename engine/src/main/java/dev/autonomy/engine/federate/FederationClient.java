package dev.autonomy.engine.federate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.RefusedException;
import dev.autonomy.core.Requires;
import dev.autonomy.engine.desire.PopulationPrior;
import dev.autonomy.federate.secagg.AdvertiseKeys;
import dev.autonomy.federate.secagg.EncryptedShare;
import dev.autonomy.federate.secagg.UnmaskRequest;
import dev.autonomy.vault.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The HTTP side of taking part in a federation: the coordinator's routes, as JSON, with a bound on
 * every wait. Counts the bytes of every request body it sends, for the privacy ledger. A
 * coordinator that does not answer, answers with an error, or sends what is not the expected JSON
 * is a {@link RefusedException} naming the route.
 */
final class FederationClient {
  /** The coordinator's answers are small; one larger than this is refused unread. */
  static final int MAX_RESPONSE_BYTES = 4 << 20;

  private static final ObjectMapper JSON = Json.mapper();
  private final URI base;
  private final HttpClient http;
  private final Duration requestTimeout;
  private long bytesSent;

  FederationClient(URI base, Duration requestTimeout) {
    Requires.nonNull(base, "base");
    String scheme = base.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new InvalidInputException("coordinator address must be http:// or https://, was " + base);
    }
    this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
    this.requestTimeout = Requires.nonNull(requestTimeout, "requestTimeout");
    this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
  }

  URI base() {
    return base;
  }

  long bytesSent() {
    return bytesSent;
  }

  void resetBytes() {
    bytesSent = 0;
  }

  FederationStatus status() {
    return get("federation", FederationStatus.class);
  }

  /** The coordinator's population model and its version. */
  record ModelReply(long version, PopulationPrior prior) {}

  ModelReply model() {
    return get("federation/model", ModelReply.class);
  }

  record JoinReply(int clientId) {}

  int join(long round) {
    return post("rounds/" + round + "/join", new byte[0], JoinReply.class).clientId();
  }

  List<AdvertiseKeys> roster(long round) {
    return Arrays.asList(get("rounds/" + round + "/roster", AdvertiseKeys[].class));
  }

  /** The shares for {@code clientId}, or null while the coordinator still collects them. */
  List<EncryptedShare> sharesFor(long round, int clientId) {
    EncryptedShare[] shares = getOrNull("rounds/" + round + "/shares/" + clientId, EncryptedShare[].class);
    return shares == null ? null : Arrays.asList(shares);
  }

  UnmaskRequest unmaskRequest(long round) {
    return getOrNull("rounds/" + round + "/unmask", UnmaskRequest.class);
  }

  /** The body {@code message} would have: what {@link #send} sends, counted before it goes. */
  static byte[] body(Object message) {
    try {
      return JSON.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + message.getClass().getSimpleName() + " as JSON", e);
    }
  }

  void send(String route, byte[] body) {
    post(route, body, Void.class);
  }

  private <T> T get(String route, Class<T> type) {
    T out = getOrNull(route, type);
    if (out == null) {
      throw new RefusedException("the coordinator at " + base + " answered " + route + " with nothing");
    }
    return out;
  }

  private <T> T getOrNull(String route, Class<T> type) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(route)).timeout(requestTimeout).GET().build();
    return exchange(route, request, type);
  }

  private <T> T post(String route, byte[] body, Class<T> type) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(route)).timeout(requestTimeout)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    bytesSent += body.length;
    return exchange(route, request, type);
  }

  private <T> T exchange(String route, HttpRequest request, Class<T> type) {
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new RefusedException("the coordinator at " + base + " did not answer " + route + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RefusedException("interrupted while waiting for the coordinator at " + base, e);
    }
    byte[] bytes = response.body();
    if (response.statusCode() == 204 || type == Void.class) {
      if (response.statusCode() >= 300) {
        throw new RefusedException("the coordinator at " + base + " refused " + route + " (HTTP " + response.statusCode()
            + "): " + new String(bytes, 0, Math.min(bytes.length, 500), StandardCharsets.UTF_8));
      }
      return null;
    }
    if (response.statusCode() != 200) {
      throw new RefusedException("the coordinator at " + base + " refused " + route + " (HTTP " + response.statusCode()
          + "): " + new String(bytes, 0, Math.min(bytes.length, 500), StandardCharsets.UTF_8));
    }
    if (bytes.length > MAX_RESPONSE_BYTES) {
      throw new RefusedException("the coordinator at " + base + " sent " + bytes.length + " bytes for " + route
          + ", more than the " + MAX_RESPONSE_BYTES + " a federation message may have");
    }
    try {
      return JSON.readValue(bytes, type);
    } catch (IOException | IllegalArgumentException e) {
      throw new RefusedException("the coordinator at " + base + " sent what is not a valid answer to " + route + ": "
          + e.getMessage(), e);
    }
  }
}
