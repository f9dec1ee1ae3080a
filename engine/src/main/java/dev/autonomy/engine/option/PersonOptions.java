package dev.autonomy.engine.option;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.autonomy.core.AutonomyFailure;
import dev.autonomy.core.option.Option;
import dev.autonomy.vault.Json;
import dev.autonomy.vault.Vault;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The person's own options, kept as a vault document beside the built-in catalogue. */
final class PersonOptions {
  static final String DOCUMENT = "options.person";
  private static final TypeReference<List<Option>> LIST = new TypeReference<>() {};

  private PersonOptions() {}

  static List<Option> load(Vault vault) {
    return vault.documents().get(DOCUMENT).map(json -> {
      try {
        return Json.mapper().readValue(json, LIST);
      } catch (JsonProcessingException e) {
        throw new AutonomyFailure("the vault's option list cannot be read: " + e.getOriginalMessage(), e);
      }
    }).orElse(List.of());
  }

  static void add(Vault vault, List<Option> extra) {
    Map<String, Option> byId = new LinkedHashMap<>();
    for (Option o : load(vault)) {
      byId.put(o.id(), o);
    }
    for (Option o : extra) {
      byId.put(o.id(), o);
    }
    try {
      vault.documents().put(DOCUMENT, Json.mapper().writeValueAsString(List.copyOf(byId.values())));
    } catch (JsonProcessingException e) {
      throw new AutonomyFailure("cannot store options: " + e.getOriginalMessage(), e);
    }
  }
}
