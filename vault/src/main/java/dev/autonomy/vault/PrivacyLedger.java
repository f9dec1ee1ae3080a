package dev.autonomy.vault;

import dev.autonomy.core.Requires;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What left the person's machine for a federation, one entry per contribution, append-only: when,
 * to which coordinator, for which round and model version, how many bytes, and the privacy it cost
 * (clip norm, noise multiplier, the share of the federation sampled, delta, the epsilon this
 * contribution spent on its own and the epsilon of every contribution so far composed). Also the
 * cap the person set on that cumulative epsilon. The engine computes the epsilons; the vault only
 * keeps them, and keeps them through {@code forget}: a contribution already sent cannot be recalled.
 */
public final class PrivacyLedger {
  /** The budget document: the person's cap on cumulative epsilon. */
  static final String BUDGET = "privacy.budget";

  private final Vault vault;

  PrivacyLedger(Vault vault) {
    this.vault = vault;
  }

  /**
   * One contribution.
   *
   * @param id its number in the ledger (0 before it is appended)
   * @param at when it was sent
   * @param coordinator the coordinator's address
   * @param round the coordinator's round
   * @param modelVersion the version of the population model it was computed against
   * @param bytesSent the bytes of the request bodies sent for it up to and including the masked
   *     update (joining, public keys, sealed shares, the update); the unmasking shares sent after it
   *     carry only shares of other clients' secrets and are not counted
   * @param clip the clip norm of the update
   * @param noiseMultiplier the noise multiplier of the round (the sum's noise sd in units of clip)
   * @param samplingRate the share of the federation in the round's cohort (1 when every member)
   * @param delta the DP delta
   * @param epsilon this contribution's epsilon on its own
   * @param cumulativeEpsilon every contribution so far (this one included) composed, at {@code delta}
   * @param note what happened ("sent", "refused: ...")
   */
  public record Entry(long id, Instant at, String coordinator, long round, long modelVersion, long bytesSent,
      double clip, double noiseMultiplier, double samplingRate, double delta, double epsilon, double cumulativeEpsilon,
      String note) {
    public Entry {
      Requires.nonNull(at, "at");
      Requires.nonBlank(coordinator, "coordinator");
      Requires.nonNegative(bytesSent, "bytesSent");
      Requires.nonNegative(noiseMultiplier, "noiseMultiplier");
      note = note == null ? "" : note;
    }
  }

  /** Appends {@code entry} (its id is ignored) and returns it with its id. */
  public Entry append(Entry entry) {
    long id = vault.write(List.of(Vault.PRIVACY), connection -> {
      try (PreparedStatement st = connection.prepareStatement(
          "INSERT INTO privacy_ledger(at, coordinator, round, model_version, bytes_sent, clip, noise_multiplier,"
              + " sampling_rate, delta, epsilon, cumulative_epsilon, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
          java.sql.Statement.RETURN_GENERATED_KEYS)) {
        st.setString(1, entry.at().toString());
        st.setString(2, entry.coordinator());
        st.setLong(3, entry.round());
        st.setLong(4, entry.modelVersion());
        st.setLong(5, entry.bytesSent());
        st.setDouble(6, entry.clip());
        st.setDouble(7, entry.noiseMultiplier());
        st.setDouble(8, entry.samplingRate());
        st.setDouble(9, entry.delta());
        setFinite(st, 10, entry.epsilon());
        setFinite(st, 11, entry.cumulativeEpsilon());
        st.setString(12, entry.note());
        st.executeUpdate();
        try (ResultSet keys = st.getGeneratedKeys()) {
          keys.next();
          return keys.getLong(1);
        }
      }
    });
    return new Entry(id, entry.at(), entry.coordinator(), entry.round(), entry.modelVersion(), entry.bytesSent(),
        entry.clip(), entry.noiseMultiplier(), entry.samplingRate(), entry.delta(), entry.epsilon(),
        entry.cumulativeEpsilon(), entry.note());
  }

  /** An infinite epsilon (no noise) is stored as NULL: SQLite has no infinity a reader can trust. */
  private static void setFinite(PreparedStatement st, int column, double value) throws java.sql.SQLException {
    if (Double.isFinite(value)) {
      st.setDouble(column, value);
    } else {
      st.setNull(column, Types.REAL);
    }
  }

  private static double finiteOrInfinite(ResultSet rs, int column) throws java.sql.SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Double.POSITIVE_INFINITY : v;
  }

  /** Every entry, oldest first. */
  public List<Entry> entries() {
    return vault.read(connection -> {
      List<Entry> out = new ArrayList<>();
      try (PreparedStatement st = connection.prepareStatement(
          "SELECT id, at, coordinator, round, model_version, bytes_sent, clip, noise_multiplier, sampling_rate, delta,"
              + " epsilon, cumulative_epsilon, note FROM privacy_ledger ORDER BY id");
          ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(new Entry(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3), rs.getLong(4),
              rs.getLong(5), rs.getLong(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10),
              finiteOrInfinite(rs, 11), finiteOrInfinite(rs, 12), rs.getString(13)));
        }
      }
      return out;
    });
  }

  /** The person's cap on cumulative epsilon, if they set one. */
  public OptionalDouble budget() {
    return vault.documents().get(BUDGET).map(v -> OptionalDouble.of(Double.parseDouble(v))).orElse(OptionalDouble.empty());
  }

  /** Sets the cap on cumulative epsilon (> 0). */
  public void setBudget(double epsilon) {
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw new dev.autonomy.core.InvalidInputException("a privacy budget is an epsilon > 0, was " + epsilon);
    }
    vault.documents().put(BUDGET, Double.toString(epsilon));
  }
}
