package dev.autonomy.server;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What every request must be before its token is even looked at, against a web page elsewhere
 * using the person's browser to reach this server:
 *
 * <ul>
 *   <li>its {@code Host} header names this server on the loopback ({@code localhost}, {@code 127.0.0.1},
 *       {@code [::1]}, or the host it was started on), with this server's port if any; else 421: a
 *       page whose own name was rebound to 127.0.0.1 (DNS rebinding) sends its own name;</li>
 *   <li>an {@code Origin} header, when sent, is this server's own origin; else 403: no cross-site
 *       call, no CORS grant (this server never sends {@code Access-Control-Allow-*}, so a preflight
 *       is refused too);</li>
 *   <li>its declared body is at most the limit; else 413, before anything reads or parses it (a body
 *       sent without a length is cut at the same limit while read);</li>
 *   <li>no token in the URL ({@code ?token=}, {@code ?access_token=}): 401, since URLs end up in logs
 *       and histories; the token goes in {@code Authorization: Bearer} only (a cookie is never read).</li>
 * </ul>
 */
final class RequestGuard {
  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");
  private static final Set<String> TOKEN_PARAMETERS = Set.of("token", "access_token", "bearer");

  private final Set<String> names;
  private final long maxBodyBytes;

  /** A guard for a server started on {@code host}, taking bodies of at most {@code maxBodyBytes}. */
  RequestGuard(String host, long maxBodyBytes) {
    String bound = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    Set<String> all = new HashSet<>(LOOPBACK_NAMES);
    all.add(bound.toLowerCase(Locale.ROOT));
    this.names = Set.copyOf(all);
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Throws the refusal ({@link HttpResponseException} with its status) of a request that is not fit. */
  void check(Context ctx) {
    int port = ctx.req().getLocalPort();
    String host = ctx.header("Host");
    if (host == null || !isThisServer(host.strip().toLowerCase(Locale.ROOT), port)) {
      throw refusal(HttpStatus.MISDIRECTED_REQUEST, "Host '" + clip(host) + "' is not this server: call it as "
          + "127.0.0.1:" + port + " or localhost:" + port + " (names that another site could rebind are refused)");
    }
    String origin = ctx.header("Origin");
    if (origin != null && !isOwnOrigin(origin.strip().toLowerCase(Locale.ROOT), port)) {
      throw refusal(HttpStatus.FORBIDDEN, "cross-site request refused: Origin '" + clip(origin) + "' is not this server;"
          + " this API answers only the person's own apps and its own page, and gives no CORS grant");
    }
    long length = ctx.contentLength();
    if (length > maxBodyBytes) {
      throw refusal(HttpStatus.CONTENT_TOO_LARGE, "request body of " + length + " bytes is over the limit of "
          + maxBodyBytes + " bytes; send less (POST /rank takes at most 200 items)");
    }
    for (String name : TOKEN_PARAMETERS) {
      if (ctx.queryParamMap().containsKey(name)) {
        ctx.header("WWW-Authenticate", "Bearer");
        throw refusal(HttpStatus.UNAUTHORIZED, "a token in the URL ('" + name + "=') is refused: URLs end up in logs and"
            + " histories; send 'Authorization: Bearer TOKEN' instead, and ask the person for a new token if this one"
            + " was shared");
      }
    }
  }

  private boolean isThisServer(String host, int port) {
    for (String name : names) {
      if (host.equals(name) || host.equals(name + ":" + port)) {
        return true;
      }
    }
    return false;
  }

  private boolean isOwnOrigin(String origin, int port) {
    String prefix = "http://";
    return origin.startsWith(prefix) && isThisServer(origin.substring(prefix.length()), port)
        && origin.endsWith(":" + port);
  }

  private static HttpResponseException refusal(HttpStatus status, String message) {
    return new HttpResponseException(status.getCode(), message, Map.of());
  }

  private static String clip(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= 100 ? text : text.substring(0, 100) + "...";
  }
}
