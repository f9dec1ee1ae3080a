package dev.autonomy.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one route is for, as {@code /openapi.json} describes it: registered with the route itself
 * ({@link ScopedRoutes}), so no route exists without its description.
 *
 * @param summary one line
 * @param params its query and path parameters
 * @param body the request body's schema, when it takes one
 * @param status the status of a successful answer (200, 201)
 * @param response the successful answer's schema
 */
record RouteDoc(String summary, List<Param> params, Optional<JsonNode> body, int status, JsonNode response) {
  RouteDoc {
    Objects.requireNonNull(summary, "summary");
    params = List.copyOf(params);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(response, "response");
  }

  /**
   * A parameter.
   *
   * @param name its name
   * @param in {@code query} or {@code path}
   * @param required whether it must be given
   * @param schema its schema
   * @param description what it means, with its default
   */
  record Param(String name, String in, boolean required, JsonNode schema, String description) {}

  /** A route answering {@code response} with 200, without parameters or body yet. */
  static RouteDoc of(String summary, JsonNode response) {
    return new RouteDoc(summary, List.of(), Optional.empty(), 200, response);
  }

  RouteDoc query(String name, JsonNode schema, String description) {
    return with(new Param(name, "query", false, schema, description));
  }

  RouteDoc path(String name, String description) {
    return with(new Param(name, "path", true, ApiSchemas.str(), description));
  }

  RouteDoc body(JsonNode schema) {
    return new RouteDoc(summary, params, Optional.of(schema), status, response);
  }

  RouteDoc status(int created) {
    return new RouteDoc(summary, params, body, created, response);
  }

  /** The stated context, as {@code recommend} and {@code desires} read it. */
  RouteDoc context() {
    return query("context", ApiSchemas.str(), "the situation, as the CLI's --context: place=indoor,free_minutes=40,budget=10,"
        + "weather=rain,mood=tired,limits=soft,at=2026-11-30T18:00");
  }

  private RouteDoc with(Param param) {
    List<Param> all = new ArrayList<>(params);
    all.add(param);
    return new RouteDoc(summary, all, body, status, response);
  }
}
