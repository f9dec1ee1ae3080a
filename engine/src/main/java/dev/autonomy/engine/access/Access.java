package dev.autonomy.engine.access;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.vault.AccessLog;
import dev.autonomy.vault.AppGrants;
import dev.autonomy.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The person's consent, per app: grants with scopes, revocation, and the access log of who used
 * their data. A token is shown once, when granted; the vault keeps only its SHA-256.
 */
public final class Access {
  /** Most entries {@code access log} shows at once, and most signals one read returns. */
  public static final int MAX_ROWS = 10_000;
  /** Bytes of randomness in an app's token (hex, so twice as many characters). */
  public static final int TOKEN_BYTES = 32;

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

  private final Vault vault;

  public Access(Vault vault) {
    this.vault = vault;
  }

  /**
   * A grant as shown to the person, once: the token is not kept anywhere else.
   *
   * @param app the app's name
   * @param token its token, to give to the app
   * @param scopes what it may do
   */
  public record Grant(String app, String token, List<String> scopes) {
    @Override
    public String toString() {
      return "Grant[app=" + app + ", token=hidden, scopes=" + scopes + "]";
    }
  }

  /** Grants {@code scopes} to a new app {@code name} with a fresh token from {@code random}. */
  public Grant grant(String name, Set<Scope> scopes, SecureRandom random) {
    String checked = name == null ? "" : name.strip();
    if (!NAME.matcher(checked).matches() || checked.equals(AccessLog.PERSON) || checked.equals(AccessLog.CLI)) {
      throw new InvalidInputException("app name must be 1 to 40 of a-z, 0-9, '.', '_', '-' starting with a letter or"
          + " digit, and not 'person' or 'cli', was '" + name + "'");
    }
    if (scopes.isEmpty()) {
      throw new InvalidInputException("give the app at least one scope, such as recommend,feedback");
    }
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    List<String> codes = Scope.codes(scopes);
    vault.apps().grant(checked, hash(token), codes);
    return new Grant(checked, token, codes);
  }

  /** Every grant, live and revoked, with when each app last used its token; never a token. */
  public List<AppGrants.App> apps() {
    return vault.apps().list();
  }

  /** Revokes the app's grant: its token is refused (401) from now on. */
  public AppGrants.App revoke(String name) {
    return vault.apps().revoke(name == null ? "" : name.strip());
  }

  /** The grant whose token is {@code token}, live or revoked; empty when no app has it. */
  public Optional<AppGrants.App> appWithToken(String token) {
    return vault.apps().byTokenHash(hash(token));
  }

  /** The scopes of a grant. */
  public static Set<Scope> scopes(AppGrants.App app) {
    return Scope.parse(app.scopes());
  }

  /** Appends one entry to the access log. */
  public void record(AccessLog.Entry entry) {
    vault.accessLog().append(entry);
  }

  /** Appends one entry for something done outside the API (export, forget, a rule change). */
  public void record(String actor, String action, String detail) {
    record(new AccessLog.Entry(0, vault.clock().instant(), actor, action, "", "", "", 0, true, detail));
  }

  /** The latest {@code limit} entries of the access log, oldest first. */
  public List<AccessLog.Entry> log(int limit) {
    if (limit < 1 || limit > MAX_ROWS) {
      throw new InvalidInputException("limit must be in 1.." + MAX_ROWS + ", was " + limit);
    }
    return vault.accessLog().latest(limit);
  }

  /**
   * Raw signals of one kind (all kinds when empty) that start in [{@code from}, {@code to}),
   * oldest first, at most {@code limit}: what {@link Scope#READ_SIGNALS} lets an app read.
   */
  public Signals signals(Optional<SignalKind> kind, Instant from, Instant to, int limit) {
    if (!from.isBefore(to)) {
      throw new InvalidInputException("'to' has to be after 'from', were " + from + " and " + to);
    }
    if (limit < 1 || limit > MAX_ROWS) {
      throw new InvalidInputException("limit must be in 1.." + MAX_ROWS + ", was " + limit);
    }
    // One more than asked says whether there were more, without counting them.
    List<Signal> read = vault.signals().between(kind.map(Set::of).orElse(Set.of()), from, to, limit + 1);
    return new Signals(read.stream().limit(limit).map(Access::view).toList(), read.size() > limit);
  }

  /**
   * Signals as an app reads them.
   *
   * @param signals one object per signal
   * @param truncated whether more signals matched than were returned
   */
  public record Signals(List<Map<String, Object>> signals, boolean truncated) {
    public Signals {
      signals = List.copyOf(signals);
    }
  }

  private static Map<String, Object> view(Signal s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", s.kind().code());
    m.put("start", s.start().toString());
    m.put("end", s.end().toString());
    m.put("zone", s.zone().getId());
    m.put("value", s.value());
    m.put("unit", s.unit());
    m.put("category", s.category());
    m.put("text", s.text());
    m.put("source", s.provenance().source());
    return m;
  }

  /** SHA-256 of a token: a 256-bit random secret needs no slow, salted hash to resist guessing. */
  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
