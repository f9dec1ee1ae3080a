package dev.autonomy.engine.access;

import dev.autonomy.core.InvalidInputException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an app may do for the person. Each API route needs exactly one scope (the server's table
 * says which); the person's own token has all of them.
 */
public enum Scope {
  /** Ranked suggestions, answers to questions, why a suggestion was made. */
  RECOMMEND("recommend"),
  /** Telling the engine what was done or skipped. */
  FEEDBACK("feedback"),
  /** The person's desires now, and the self-audit built from them. */
  DESIRES("desires"),
  /** The raw signals themselves (notes, purchases, sleep...). */
  READ_SIGNALS("read:signals"),
  /** Reading and changing the person's rules and which ranking policy is live. */
  RULES("rules"),
  /** Plans (trips, runs, weeks); no route needs it yet. */
  PLANS("plans"),
  /** Ranking the app's own items for the person ({@code POST /rank}): their order and reasons in words, no values. */
  RANK("rank");

  private final String code;

  Scope(String code) {
    this.code = code;
  }

  /** The name the person types and the API shows: {@code recommend}, {@code read:signals}, ... */
  public String code() {
    return code;
  }

  public static Scope fromCode(String code) {
    String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
    for (Scope scope : values()) {
      if (scope.code.equals(wanted)) {
        return scope;
      }
    }
    throw new InvalidInputException("unknown scope '" + code + "'; expected some of " + codes(EnumSet.allOf(Scope.class)));
  }

  /** The scopes of a comma-separated list such as {@code recommend,feedback}; at least one. */
  public static Set<Scope> parse(List<String> codes) {
    Set<Scope> out = EnumSet.noneOf(Scope.class);
    codes.stream().flatMap(c -> Arrays.stream(c.split(","))).filter(c -> !c.isBlank()).map(Scope::fromCode)
        .forEach(out::add);
    if (out.isEmpty()) {
      throw new InvalidInputException("give at least one scope, such as --scopes recommend,feedback; scopes: "
          + codes(EnumSet.allOf(Scope.class)));
    }
    return out;
  }

  /** The codes of {@code scopes}, in this enum's order. */
  public static List<String> codes(Set<Scope> scopes) {
    return scopes.stream().sorted().map(Scope::code).toList();
  }
}
