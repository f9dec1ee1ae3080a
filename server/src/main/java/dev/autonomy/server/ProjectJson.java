package dev.autonomy.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.autonomy.core.AutonomyFailure;
import dev.autonomy.vault.Json;
import io.javalin.json.JsonMapper;
import java.lang.reflect.Type;

/** Javalin's JSON plug-in backed by the project's one mapper, so the API prints what {@code --json} prints. */
public final class ProjectJson implements JsonMapper {
  @Override
  public String toJsonString(Object obj, Type type) {
    try {
      return Json.mapper().writeValueAsString(obj);
    } catch (JsonProcessingException e) {
      throw new AutonomyFailure("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public <T> T fromJsonString(String json, Type targetType) {
    try {
      // A field the API does not know is refused (400 naming it), not silently dropped: an app
      // sending "price" for "cost" must learn that its item was ranked without it.
      return Json.mapper().readerFor(Json.mapper().constructType(targetType))
          .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
    } catch (JsonProcessingException e) {
      throw new dev.autonomy.core.InvalidInputException("request body is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
