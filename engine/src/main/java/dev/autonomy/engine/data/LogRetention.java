package dev.autonomy.engine.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.autonomy.core.AutonomyFailure;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.vault.DecisionLog;
import dev.autonomy.vault.Json;
import dev.autonomy.vault.Vault;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How long the decision log keeps what was shown and the feedback on it: the person's choice,
 * forever until they set a number of days. Applied when set and then every {@link #EVERY} lists
 * logged, so a long-running server keeps to it too. Models keep what they learned from the events
 * it removes; {@code why} and the audit no longer see them.
 */
public final class LogRetention {
  /** The vault document holding the setting. */
  public static final String DOCUMENT = "log.retention";
  /** Lists logged between two applications of the retention. */
  static final int EVERY = 200;
  /** The longest retention one can set: ten years. */
  public static final int MAX_DAYS = 3650;

  private final Vault vault;
  private final Clock clock;
  private int sinceApplied = EVERY - 1; // the first list logged in a process applies it

  /** The setting as saved. */
  record Setting(Integer days) {}

  /** What the log holds now, and the retention in force. */
  public record Report(DecisionLog.Size size, OptionalInt keepDays) {}

  public LogRetention(Vault vault, Clock clock) {
    this.vault = vault;
    this.clock = clock;
  }

  /** Days the log keeps; empty when it keeps everything. */
  public OptionalInt keepDays() {
    Optional<String> json = vault.documents().get(DOCUMENT);
    if (json.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      Setting s = Json.mapper().readValue(json.get(), Setting.class);
      return s.days() == null ? OptionalInt.empty() : OptionalInt.of(s.days());
    } catch (JsonProcessingException e) {
      throw new AutonomyFailure("the log's retention saved in the vault (document " + DOCUMENT + ") cannot be read: "
          + e.getOriginalMessage() + "; set it again with 'autonomy log keep'", e);
    }
  }

  public Report report() {
    return new Report(vault.decisions().size(), keepDays());
  }

  /**
   * Keeps {@code days} days of the log from now on (empty: everything), and applies it at once.
   *
   * @throws InvalidInputException for a number of days outside 1..{@link #MAX_DAYS}
   */
  public DecisionLog.Pruned keep(OptionalInt days) {
    if (days.isPresent() && (days.getAsInt() < 1 || days.getAsInt() > MAX_DAYS)) {
      throw new InvalidInputException("days must be in 1.." + MAX_DAYS + ", was " + days.getAsInt());
    }
    try {
      vault.documents().put(DOCUMENT, Json.mapper().writeValueAsString(new Setting(days.isPresent() ? days.getAsInt() : null)));
    } catch (JsonProcessingException e) {
      throw new AutonomyFailure("cannot write the log's retention: " + e.getOriginalMessage(), e);
    }
    return apply();
  }

  /** Removes what is older than the retention; nothing when the log keeps everything. */
  public DecisionLog.Pruned apply() {
    sinceApplied = 0;
    OptionalInt days = keepDays();
    if (days.isEmpty()) {
      return new DecisionLog.Pruned(0, 0, 0);
    }
    return vault.decisions().prune(clock.instant().minus(Duration.ofDays(days.getAsInt())));
  }

  /** Called after each list is logged: applies the retention every {@link #EVERY} lists. */
  public void afterLogging() {
    if (++sinceApplied >= EVERY) {
      apply();
    }
  }
}
