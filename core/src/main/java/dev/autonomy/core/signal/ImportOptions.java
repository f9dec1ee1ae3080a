package dev.autonomy.core.signal;

import java.time.ZoneId;
import java.util.Optional;

/**
 * Settings for one import.
 *
 * @param person for files holding many persons (Fitabase), the one to import; empty otherwise
 * @param defaultZone the zone for timestamps that carry none
 * @param sourceName the name recorded as provenance source (usually the file name)
 */
public record ImportOptions(Optional<String> person, ZoneId defaultZone, String sourceName) {
  public ImportOptions {
    person = person == null ? Optional.empty() : person;
    if (defaultZone == null) {
      throw new IllegalArgumentException("defaultZone must not be null");
    }
    if (sourceName == null || sourceName.isBlank()) {
      throw new IllegalArgumentException("sourceName must not be blank");
    }
  }
}
