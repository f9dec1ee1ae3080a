package dev.autonomy.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.vault.Json;
import io.javalin.http.Context;
import io.javalin.validation.BodyValidator;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A JSON request body read through Javalin's typed validation ({@code ctx.bodyValidator}) into a
 * record, with the project's one mapper (the server's {@link ProjectJson}). Whatever is wrong with
 * the body, the person gets a 400 saying what to change: not JSON or not an object (with an example
 * of what to send), a field of the wrong type, or a field value a check refuses (with the value
 * sent), each naming the field.
 */
final class JsonBody {
  /** The key Javalin files errors about the body as a whole under. */
  private static final String WHOLE_BODY = "REQUEST_BODY";

  private JsonBody() {}

  /**
   * A rule on one field of a body: the field, the rule over the whole body (so that it can look at
   * several fields), and a message naming the field and the rule ({@code "rating must be 1..5"}),
   * to which the value sent is appended.
   */
  record Check<T>(String field, Predicate<T> rule, String message) {}

  /**
   * The body as {@code type}, after {@code checks}.
   *
   * @throws InvalidInputException naming the field, when the body cannot be read or a check fails
   */
  static <T> T read(Context ctx, Class<T> type, String example, List<Check<T>> checks) {
    BodyValidator<T> validator = ctx.bodyValidator(type);
    for (Check<T> check : checks) {
      // Javalin runs the checks on a body of JSON null too; get() then refuses it as the whole body.
      validator.check(check.field(), body -> body == null || check.rule().test(body), check.message());
    }
    try {
      return validator.get();
    } catch (ValidationException e) {
      throw new InvalidInputException(message(e, example), e);
    }
  }

  private static String message(ValidationException e, String example) {
    List<String> parts = new ArrayList<>();
    e.getErrors().forEach((field, errors) -> errors.forEach(error -> parts.add(describe(field, error, example))));
    return String.join("; ", parts);
  }

  private static String describe(String field, ValidationError<?> error, String example) {
    if (!WHOLE_BODY.equals(field)) {
      return error.getMessage() + ", was " + sent(error.value, field);
    }
    // The body could not be read as the type: Jackson's exception, wrapped by ProjectJson, says why.
    JsonProcessingException cause = jsonCause(error.exception());
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return "request body field '" + path(unknown) + "' is not known; known: " + unknown.getKnownPropertyIds().stream()
          .map(String::valueOf).sorted().collect(Collectors.joining(", ")) + "; send a JSON object like " + example;
    }
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return "request body field '" + path(mapping) + "' must be " + kind(mapping)
          + "; send a JSON object like " + example;
    }
    // A syntax error's reason says which token is wrong; a mapping error's would name our classes.
    boolean syntax = cause != null && !(cause instanceof JsonMappingException);
    return "request body must be a JSON object like " + example + (syntax ? ": " + cause.getOriginalMessage() : "");
  }

  /** The field's value as it was read, in JSON ({@code "maybe"}, {@code 7}, {@code null}). */
  private static String sent(Object body, String field) {
    JsonNode value = Json.mapper().valueToTree(body).get(field);
    return value == null ? "null" : value.toString();
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining()).replaceFirst("^\\.", "");
  }

  private static String kind(JsonMappingException e) {
    Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
    if (target == null) {
      return "of another type";
    }
    if (CharSequence.class.isAssignableFrom(target)) {
      return "a string";
    }
    if (Number.class.isAssignableFrom(target)) {
      return "a number";
    }
    return "of another type (" + target.getSimpleName() + ")";
  }

  private static JsonProcessingException jsonCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JsonProcessingException json) {
        return json;
      }
    }
    return null;
  }
}
