package dev.autonomy.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autonomy.engine.access.Scope;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenAPI 3.0 document of {@code GET /openapi.json}, built in plain code from the routes as
 * {@link ScopedRoutes} registered them: each one's method, path, parameters, body, answer, the
 * problem+json errors it can give, and the scope it needs ({@code x-scope}, also said in its
 * description). Holds no personal data: it is the same for every vault.
 */
final class OpenApi {
  /** The problem+json answers, by status, and when each happens. */
  private static final Map<Integer, String> PROBLEMS = Map.of(
      400, "the request is wrong: a parameter or body field (named in the detail) to change",
      401, "no token, a token nobody was given, a revoked one, or a token outside the Authorization header",
      403, "the token lacks the scope this route needs, a rule or limit refuses it, or the request came from another"
          + " site (Origin)",
      404, "no such id (or no such endpoint)",
      413, "the body is over the server's limit (1 MiB unless configured; info.description gives it)",
      421, "the Host header is not a loopback name of this server (DNS rebinding)",
      500, "a failure of ours; the server log has the details",
      503, "the vault is held by another process or was erased under the server");

  private OpenApi() {}

  static ObjectNode document(List<ScopedRoutes.Described> routes, long maxBodyBytes) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode doc = nodes.objectNode();
    doc.put("openapi", "3.0.3");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Autonomy local API");
    info.put("version", "0.1.0");
    info.put("description", "One person's Autonomy on their own machine, for apps acting for them with their consent."
        + " Every route but the open ones needs 'Authorization: Bearer TOKEN' (the person's own token, or one"
        + " 'autonomy app grant NAME --scopes ...' gave an app) and the one scope it names in x-scope; every call is in"
        + " the person's access log. Errors are application/problem+json. Bodies over " + maxBodyBytes
        + " bytes are refused (413); the Host header must be a loopback name (421); no cross-site calls (no CORS).");
    doc.putArray("servers").addObject().put("url", "http://127.0.0.1:" + AutonomyServer.DEFAULT_PORT);
    doc.putArray("security").addObject().putArray("bearer");
    ObjectNode paths = doc.putObject("paths");
    for (ScopedRoutes.Described route : routes) {
      ObjectNode item = paths.has(route.path()) ? (ObjectNode) paths.get(route.path()) : paths.putObject(route.path());
      item.set(route.method().name().toLowerCase(Locale.ROOT), operation(route, nodes));
    }
    ObjectNode components = doc.putObject("components");
    components.set("schemas", ApiSchemas.components());
    ObjectNode responses = components.putObject("responses");
    PROBLEMS.keySet().stream().sorted().forEach(status -> {
      ObjectNode response = responses.putObject(problemName(status));
      response.put("description", PROBLEMS.get(status));
      response.putObject("content").putObject(Problem.CONTENT_TYPE).set("schema", ApiSchemas.ref("Problem"));
    });
    ObjectNode bearer = components.putObject("securitySchemes").putObject("bearer");
    bearer.put("type", "http");
    bearer.put("scheme", "bearer");
    bearer.put("description", "the person's token (every scope) or an app's (its scopes); never in a cookie or the URL");
    return doc;
  }

  private static ObjectNode operation(ScopedRoutes.Described route, JsonNodeFactory nodes) {
    RouteDoc doc = route.doc();
    ObjectNode op = nodes.objectNode();
    String method = route.method().name().toLowerCase(Locale.ROOT);
    op.put("operationId", method + route.path().replaceAll("[^A-Za-z0-9]+", "_").replaceAll("_+$", ""));
    op.put("summary", doc.summary());
    if (route.scope().isPresent()) {
      Scope scope = route.scope().get();
      op.put("description", doc.summary() + ". Needs the scope '" + scope.code() + "'.");
      op.put("x-scope", scope.code());
    } else {
      op.put("description", doc.summary() + ". Open: no token, no personal data.");
      op.putArray("security");
    }
    if (!doc.params().isEmpty()) {
      ArrayNode params = op.putArray("parameters");
      for (RouteDoc.Param p : doc.params()) {
        ObjectNode param = params.addObject();
        param.put("name", p.name());
        param.put("in", p.in());
        param.put("required", p.required());
        param.put("description", p.description());
        param.set("schema", p.schema());
      }
    }
    doc.body().ifPresent(schema -> {
      ObjectNode body = op.putObject("requestBody");
      body.put("required", true);
      body.putObject("content").putObject("application/json").set("schema", schema);
    });
    ObjectNode responses = op.putObject("responses");
    ObjectNode ok = responses.putObject(Integer.toString(doc.status()));
    ok.put("description", "done");
    ok.putObject("content").putObject("application/json").set("schema", doc.response());
    boolean takesInput = doc.body().isPresent() || !doc.params().isEmpty();
    for (int status : List.of(400, 401, 403, 404, 413, 421, 500, 503)) {
      boolean applies = switch (status) {
        case 400 -> takesInput;
        case 401, 403 -> route.scope().isPresent();
        case 404 -> doc.params().stream().anyMatch(p -> p.in().equals("path"));
        case 413 -> doc.body().isPresent();
        default -> true;
      };
      if (applies) {
        responses.putObject(Integer.toString(status)).put("$ref", "#/components/responses/" + problemName(status));
      }
    }
    return op;
  }

  private static String problemName(int status) {
    return "Problem" + status;
  }
}
