package dev.autonomy.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.engine.access.Scope;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /openapi.json}: open, valid OpenAPI 3, and describing exactly the routes the server holds. */
class OpenApiTest {
  @TempDir static Path dir;
  static DemoServer demo;
  static RawHttp.Reply reply;
  static JsonNode doc;

  @BeforeAll
  static void start() throws Exception {
    demo = DemoServer.start(dir);
    // No token: the document holds no personal data.
    reply = RawHttp.send(demo.server.port(), "GET /openapi.json HTTP/1.1", Map.of());
    doc = reply.json();
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  /** "METHOD /path" for every operation of the document. */
  static Set<String> described() {
    Set<String> out = new HashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext();) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue().fieldNames().forEachRemaining(method -> out.add(method.toUpperCase(java.util.Locale.ROOT) + " "
          + path.getKey()));
    }
    return out;
  }

  @Test
  void isOpen_andDescribesExactlyTheRoutesJavalinHolds() {
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.headers().get("content-type")).startsWith("application/json");
    Set<String> registered = demo.server.registeredRoutes();
    assertThat(registered).contains("GET /health", "GET /openapi.json", "POST /rank", "GET /recommend");
    assertThat(described()).isEqualTo(registered);
  }

  @Test
  void everyScopedOperation_namesItsScope_needsTheBearerToken_andListsItsProblems() {
    Map<String, Scope> table = demo.server.routeScopes();
    assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    assertThat(doc.at("/security/0/bearer").isArray()).isTrue();
    table.forEach((route, scope) -> {
      String[] methodPath = route.split(" ", 2);
      JsonNode op = doc.get("paths").get(methodPath[1]).get(methodPath[0].toLowerCase(java.util.Locale.ROOT));
      assertThat(op.get("x-scope").asText()).as(route).isEqualTo(scope.code());
      assertThat(op.get("description").asText()).as(route).contains("'" + scope.code() + "'");
      assertThat(op.get("security")).as(route).isNull();
      assertThat(op.at("/responses/401/$ref").asText()).as(route).isEqualTo("#/components/responses/Problem401");
      assertThat(op.at("/responses/403/$ref").asText()).as(route).isEqualTo("#/components/responses/Problem403");
      assertThat(op.get("responses").fieldNames()).toIterable().as(route).anyMatch(s -> s.startsWith("2"));
    });
    JsonNode health = doc.at("/paths/~1health/get");
    assertThat(health.get("security")).isEmpty();
    assertThat(health.has("x-scope")).isFalse();
    assertThat(doc.at("/paths/~1rank/post/requestBody/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/RankBody");
    assertThat(doc.at("/paths/~1rank/post/responses/413/$ref").asText()).isEqualTo("#/components/responses/Problem413");
    assertThat(doc.at("/components/responses/Problem400/content/application~1problem+json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/Problem");
    assertThat(doc.at("/components/schemas/Problem/required")).hasSize(4);
  }

  @Test
  void parsesAsOpenApi3_withNoErrors() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIParser().readContents(reply.body(), null, options);
    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
    assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.");
    assertThat(result.getOpenAPI().getPaths()).containsKeys("/recommend", "/rank", "/why/{id}");
  }

  @Test
  void holdsNoPersonalData_theSameForAnEmptyVault() throws Exception {
    try (var empty = dev.autonomy.engine.Autonomy.open(dir.resolve("empty"), DemoServer.CLOCK,
        new java.util.SplittableRandom(1)); AutonomyServer other = new AutonomyServer(empty, DemoServer.TOKEN)) {
      int port = other.start(AutonomyServer.LOOPBACK, 0);
      assertThat(RawHttp.send(port, "GET /openapi.json HTTP/1.1", Map.of()).json()).isEqualTo(doc);
    }
  }
}
