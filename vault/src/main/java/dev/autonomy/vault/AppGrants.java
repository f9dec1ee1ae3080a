package dev.autonomy.vault;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.NotFoundException;
import dev.autonomy.core.Requires;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The apps the person let act for them, each with the scopes it may use. The vault keeps only a
 * hash of each app's token (the engine makes and hashes it), so reading the vault gives no token.
 * Revoking keeps the grant, marked, so a revoked token is told it was revoked.
 */
public final class AppGrants {
  private final Vault vault;

  AppGrants(Vault vault) {
    this.vault = vault;
  }

  /**
   * One grant.
   *
   * @param name the app's name, as the person gave it
   * @param scopes the scope codes it may use, in the order granted
   * @param created when it was granted
   * @param revoked when it was revoked, if it was
   * @param lastUsed when its token last made an allowed call, if ever
   */
  public record App(String name, List<String> scopes, Instant created, Optional<Instant> revoked,
      Optional<Instant> lastUsed) {
    public App {
      Requires.nonBlank(name, "name");
      scopes = List.copyOf(scopes);
      Requires.nonNull(created, "created");
      Requires.nonNull(revoked, "revoked");
      Requires.nonNull(lastUsed, "lastUsed");
    }

    public boolean live() {
      return revoked.isEmpty();
    }
  }

  /**
   * Records a grant to {@code name} whose token hashes to {@code tokenHash}; refuses a name that
   * already has a live grant (the person revokes it first, so a token never changes scopes unseen).
   */
  public App grant(String name, byte[] tokenHash, List<String> scopes) {
    Instant now = vault.clock().instant();
    vault.write(List.of(), connection -> {
      try (PreparedStatement st = connection.prepareStatement("SELECT 1 FROM apps WHERE name = ? AND revoked IS NULL")) {
        st.setString(1, name);
        try (ResultSet rs = st.executeQuery()) {
          if (rs.next()) {
            throw new InvalidInputException("app '" + name + "' already has access; run 'autonomy app revoke " + name
                + "' first to give it a new token or other scopes");
          }
        }
      }
      try (PreparedStatement st = connection.prepareStatement(
          "INSERT INTO apps(name, token_hash, scopes, created) VALUES (?,?,?,?)")) {
        st.setString(1, name);
        st.setBytes(2, tokenHash.clone());
        st.setString(3, String.join(",", scopes));
        st.setString(4, now.toString());
        st.executeUpdate();
      }
      return null;
    });
    return new App(name, scopes, now, Optional.empty(), Optional.empty());
  }

  /** The grant whose token hashes to {@code tokenHash}, live or revoked. */
  public Optional<App> byTokenHash(byte[] tokenHash) {
    return vault.read(connection -> {
      try (PreparedStatement st = connection.prepareStatement(SELECT + " WHERE a.token_hash = ?")) {
        st.setBytes(1, tokenHash);
        try (ResultSet rs = st.executeQuery()) {
          return rs.next() ? Optional.of(app(rs)) : Optional.<App>empty();
        }
      }
    });
  }

  /** Every grant, live and revoked, oldest first. */
  public List<App> list() {
    return vault.read(connection -> {
      List<App> out = new ArrayList<>();
      try (PreparedStatement st = connection.prepareStatement(SELECT + " ORDER BY a.id");
          ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(app(rs));
        }
      }
      return out;
    });
  }

  /** Revokes the live grant to {@code name}: its token is refused from now on. */
  public App revoke(String name) {
    Instant now = vault.clock().instant();
    int changed = vault.write(List.of(), connection -> {
      try (PreparedStatement st = connection.prepareStatement(
          "UPDATE apps SET revoked = ? WHERE name = ? AND revoked IS NULL")) {
        st.setString(1, now.toString());
        st.setString(2, name);
        return st.executeUpdate();
      }
    });
    if (changed == 0) {
      throw new NotFoundException("no app '" + name + "' has access; apps with access: "
          + list().stream().filter(App::live).map(App::name).toList());
    }
    return list().stream().filter(a -> a.name().equals(name) && a.revoked().isPresent())
        .reduce((first, second) -> second).orElseThrow();
  }

  // Last used comes from the access log (one INSERT per call, no UPDATE here): the app's latest
  // allowed call since this grant.
  private static final String SELECT = "SELECT a.name, a.scopes, a.created, a.revoked,"
      + " (SELECT MAX(l.at) FROM access_log l WHERE l.actor = a.name AND l.allowed = 1 AND l.at >= a.created"
      + " AND (a.revoked IS NULL OR l.at <= a.revoked)) FROM apps a";

  private static App app(ResultSet rs) throws SQLException {
    String scopes = rs.getString(2);
    return new App(rs.getString(1), scopes.isEmpty() ? List.of() : List.of(scopes.split(",")),
        Instant.parse(rs.getString(3)), Optional.ofNullable(rs.getString(4)).map(Instant::parse),
        Optional.ofNullable(rs.getString(5)).map(Instant::parse));
  }
}
