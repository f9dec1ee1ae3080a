package dev.autonomy.engine.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.autonomy.core.AutonomyFailure;
import dev.autonomy.vault.Json;
import dev.autonomy.vault.Vault;
import java.util.Optional;

/** Saves and loads the derived {@link PersonState} as a vault document. */
final class StateStore {
  public static final String DOCUMENT = "engine.state";

  private final Vault vault;

  public StateStore(Vault vault) {
    this.vault = vault;
  }

  /** The stored state if it was built from the vault's current signals. */
  public Optional<PersonState> current() {
    String fingerprint = vault.signals().fingerprint();
    return vault.documents().get(DOCUMENT).flatMap(json -> {
      try {
        PersonStateDocument doc = Json.mapper().readValue(json, PersonStateDocument.class);
        return fingerprint.equals(doc.fingerprint()) ? Optional.of(doc.toState()) : Optional.empty();
      } catch (JsonProcessingException e) {
        // An unreadable cache is rebuilt from the signals, which are the source of truth.
        return Optional.empty();
      }
    });
  }

  public void save(PersonState state) {
    try {
      vault.documents().put(DOCUMENT, Json.mapper().writeValueAsString(PersonStateDocument.of(state)));
    } catch (JsonProcessingException e) {
      throw new AutonomyFailure("cannot write the engine state: " + e.getOriginalMessage(), e);
    }
  }
}
