package dev.autonomy.server;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.NotFoundException;
import dev.autonomy.core.RefusedException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An error answer as RFC 9457 problem details ({@code application/problem+json}): {@code type},
 * {@code title}, {@code status} and {@code detail}, the detail being the message a person can act
 * on. The person's errors map to 400, 403 (refused by a rule or a limit) and 404 (unknown id); a
 * vault another process holds, or erased under the server, to 503 ({@code UnavailableException});
 * other failures of ours to 500 with a detail that hides internals (the log has them).
 */
final class Problem {
  static final String CONTENT_TYPE = "application/problem+json";

  private Problem() {}

  /** The status for the person's error {@code e}. */
  static HttpStatus statusOf(InvalidInputException e) {
    if (e instanceof NotFoundException) {
      return HttpStatus.NOT_FOUND;
    }
    if (e instanceof RefusedException) {
      return HttpStatus.FORBIDDEN;
    }
    return HttpStatus.BAD_REQUEST;
  }

  static void send(Context ctx, HttpStatus status, String detail) {
    ctx.status(status).json(body(status.getCode(), status.getMessage(), detail)).contentType(CONTENT_TYPE);
  }

  /** The problem's fields, in the order RFC 9457 lists them. */
  static Map<String, Object> body(int status, String title, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail == null ? title : detail);
    return body;
  }

  /** Javalin's validation errors as one line, for any typed parameter not read through {@link Endpoints}' helpers. */
  static String detail(ValidationException e) {
    return e.getErrors().entrySet().stream()
        .map(entry -> entry.getKey() + ": " + entry.getValue().stream()
            .map(error -> error.getMessage() + ", was '" + error.value + "'").collect(Collectors.joining(", ")))
        .collect(Collectors.joining("; "));
  }
}
