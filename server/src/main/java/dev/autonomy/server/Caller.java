package dev.autonomy.server;

import dev.autonomy.engine.access.Scope;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who made a request, as its token says: the person (every scope), an app with the scopes the
 * person granted it, or someone the server refused (no scopes).
 *
 * @param actor the name the access log records: "person", an app's name, "anonymous" (no token) or
 *     "unknown" (a token nobody was given)
 * @param scopes what it may do
 */
record Caller(String actor, Set<Scope> scopes) {
  /** A request without a token. */
  static final String ANONYMOUS = "anonymous";
  /** A request with a token that is neither the person's nor any app's. */
  static final String UNKNOWN = "unknown";

  Caller {
    scopes = scopes.isEmpty() ? EnumSet.noneOf(Scope.class) : EnumSet.copyOf(scopes);
  }

  boolean may(Scope scope) {
    return scopes.contains(scope);
  }
}
