package dev.autonomy.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.vault.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand over a socket, for what {@code java.net.http} will not send: any Host
 * header, a path exactly as typed ({@code ..%2F}), a body of any declared length. Every error answer
 * is checked to be problem details, as every error of the API must be.
 */
final class RawHttp {
  /** One answer: status, headers (lower-case names) and body. */
  record Reply(int status, Map<String, String> headers, String body) {
    JsonNode json() throws IOException {
      return Json.mapper().readTree(body);
    }

    String detail() throws IOException {
      return json().get("detail").asText();
    }
  }

  private RawHttp() {}

  /** Sends {@code head} lines (request line first; Host and Connection: close are added unless given) and {@code body}. */
  static Reply send(int port, String requestLine, Map<String, String> headers, byte[] body) throws IOException {
    StringBuilder head = new StringBuilder(requestLine).append("\r\n");
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Host", "127.0.0.1:" + port);
    all.put("Connection", "close");
    if (body != null) {
      all.put("Content-Length", Integer.toString(body.length));
    }
    all.putAll(headers);
    all.forEach((name, value) -> {
      if (value != null) {
        head.append(name).append(": ").append(value).append("\r\n");
      }
    });
    head.append("\r\n");
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        try {
          out.write(body);
        } catch (IOException e) {
          // The server may answer (413) and close before reading a body it refused: read what it said.
        }
      }
      out.flush();
      return parse(socket.getInputStream());
    }
  }

  static Reply send(int port, String requestLine, Map<String, String> headers) throws IOException {
    return send(port, requestLine, headers, null);
  }

  private static Reply parse(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    String text = all.toString(StandardCharsets.UTF_8);
    int split = text.indexOf("\r\n\r\n");
    String[] lines = text.substring(0, split).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
    }
    String body = text.substring(split + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    Reply reply = new Reply(status, headers, body);
    if (status >= 400) {
      assertProblem(reply);
    }
    return reply;
  }

  private static String unchunk(String body) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (true) {
      int end = body.indexOf("\r\n", at);
      int size = Integer.parseInt(body.substring(at, end).split(";")[0].strip(), 16);
      if (size == 0) {
        return out.toString();
      }
      out.append(body, end + 2, end + 2 + size);
      at = end + 2 + size + 2;
    }
  }

  /** Through {@code java.net.http}: an error answer (400 and up) must be problem details, as in {@link #assertProblem}. */
  static void assertProblemIfError(java.net.http.HttpResponse<String> r) throws IOException {
    if (r.statusCode() >= 400) {
      Map<String, String> headers = new LinkedHashMap<>();
      r.headers().firstValue("Content-Type").ifPresent(t -> headers.put("content-type", t));
      assertProblem(new Reply(r.statusCode(), headers, r.body()));
    }
  }

  /** An error answer as problem details: content type, type, title, status (the same as the answer's) and detail. */
  static void assertProblem(Reply reply) throws IOException {
    assertThat(reply.headers().get("content-type")).as(reply.body()).startsWith(Problem.CONTENT_TYPE);
    JsonNode json = reply.json();
    assertThat(json.get("type").asText()).isNotBlank();
    assertThat(json.get("title").asText()).isNotBlank();
    assertThat(json.get("status").asInt()).isEqualTo(reply.status());
    assertThat(json.get("detail").asText()).isNotBlank();
  }
}
