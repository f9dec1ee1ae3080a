package dev.autonomy.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.autonomy.vault.Json;
import io.javalin.http.HttpStatus;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before any route or handler of ours sees the request (a body
 * with both a length and chunks, a path that does not decode), as problem details like every
 * other error of the API, instead of Jetty's HTML page; each is recorded in the access log like
 * any refused call (actor "anonymous": the token is not read from a request that broken).
 */
final class ProblemErrorHandler extends ErrorHandler {
  /** Where a refusal of Jetty's goes: the access log. */
  interface Refusals {
    void refused(String method, String path, int status, String reason);
  }

  private final Refusals refusals;

  ProblemErrorHandler(Refusals refusals) {
    this.refusals = refusals;
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    String path = request.getHttpURI() == null || request.getHttpURI().getPath() == null ? ""
        : request.getHttpURI().getPath();
    refusals.refused(request.getMethod(), path, code, message == null ? "" : message);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    // A request too broken to have a method or path (Jetty's parser refused it).
    refusals.refused("", "", status, reason == null ? "" : reason);
    fields.put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
    return ByteBuffer.wrap(body(status, reason));
  }

  private static byte[] body(int code, String message) {
    HttpStatus status = HttpStatus.forStatus(code);
    String title = status == HttpStatus.UNKNOWN ? "Error" : status.getMessage();
    try {
      return Json.mapper().writeValueAsBytes(Problem.body(code, title, message == null || message.isBlank()
          ? title + "; the request could not be read as HTTP" : "the request could not be read as HTTP: " + message));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a problem as JSON", e);
    }
  }
}
