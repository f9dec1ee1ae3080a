package dev.autonomy.engine.desire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.vault.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads saved desire models of every kind this code knows, by the {@code format} field each saved
 * model carries ({@code autonomy-desire-linear/1}, ...). A new kind of model registers its reader
 * here and nothing else changes: the store, the engine and the export call {@link #read} and
 * {@link DesireModel#toJson}.
 */
public final class DesireModelCodec {
  private final Map<String, Function<String, DesireModel>> readers;

  private DesireModelCodec(Map<String, Function<String, DesireModel>> readers) {
    this.readers = Map.copyOf(readers);
  }

  /** The kinds this build of Autonomy trains. */
  public static DesireModelCodec standard() {
    Map<String, Function<String, DesireModel>> readers = new LinkedHashMap<>();
    readers.put(ModelProvenance.CURRENT_VERSION, LinearDesireModel::fromJson);
    return new DesireModelCodec(readers);
  }

  /** A codec that also reads {@code format} with {@code reader}. */
  public DesireModelCodec with(String format, Function<String, DesireModel> reader) {
    Map<String, Function<String, DesireModel>> more = new LinkedHashMap<>(readers);
    more.put(Objects.requireNonNull(format, "format"), Objects.requireNonNull(reader, "reader"));
    return new DesireModelCodec(more);
  }

  /** Reads a saved model of any known kind. */
  public DesireModel read(String json) {
    String format;
    try {
      JsonNode root = Json.mapper().readTree(json);
      format = root == null || !root.hasNonNull("format") ? "" : root.get("format").asText();
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("desire model JSON: " + e.getOriginalMessage(), e);
    }
    Function<String, DesireModel> reader = readers.get(format);
    if (reader == null) {
      throw new InvalidInputException("desire model JSON: field 'format': expected one of "
          + readers.keySet() + ", found '" + format + "'");
    }
    return reader.apply(json);
  }
}
