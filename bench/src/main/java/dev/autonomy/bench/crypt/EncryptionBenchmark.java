package dev.autonomy.bench.crypt;

import dev.autonomy.core.desire.Situation;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.demo.DemoFiles;
import dev.autonomy.engine.demo.SyntheticPerson;
import dev.autonomy.engine.rank.RankingPolicy;
import dev.autonomy.vault.Passphrase;
import dev.autonomy.vault.PassphraseSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * What encryption at rest costs, clear against encrypted in the same run: the same synthetic
 * person's files imported into a fresh clear and a fresh encrypted vault, alternately, several
 * times after one untimed import of each (median and range, and the paired ratios' range); opening an existing vault (the encrypted
 * one derives its key with Argon2id first); and {@code recommend} (rank and log the decision)
 * latency on both vaults, their calls interleaved in blocks, each first in every other block, so
 * that load on a shared machine falls on both alike. A last row times what row-level AES-GCM would spend on the same number of rows
 * for the cipher alone, before any of its other costs (see ARCHITECTURE.md, "Encryption at rest").
 *
 * <p>Run: {@code ./autonomy bench encryption [--days 365] [--runs 5] [--calls 1000]}.
 */
public final class EncryptionBenchmark {
  private static final char[] PASSPHRASE = "bench passphrase, not a secret".toCharArray();

  private final LongSupplier nanos;
  private final PrintWriter progress;

  public EncryptionBenchmark(LongSupplier nanos, PrintWriter progress) {
    this.nanos = nanos;
    this.progress = progress;
  }

  /** Seconds of each import run, per vault kind, and the signals each imported. */
  public record Imports(double[] clear, double[] encrypted, long signals) {
    double[] pairedRatios() {
      double[] out = new double[clear.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = clear[i] / encrypted[i];
      }
      return out;
    }
  }

  /** Milliseconds of each timed call. */
  public record Latencies(double[] clear, double[] encrypted) {}

  /** Everything one run measured. */
  public record Result(int days, Imports imports, double[] openClear, double[] openEncrypted, Latencies recommend,
      long clearBytes, long encryptedBytes, double rowLevelSeconds) {}

  public Result run(Path work, int days, int runs, int calls, long seed) throws IOException {
    Clock clock = Clock.systemDefaultZone();
    SplittableRandom random = new SplittableRandom(seed);
    progress.printf("writing %d days of a synthetic person...%n", days);
    progress.flush();
    DemoFiles.Written files = DemoFiles.write(work.resolve("files"),
        SyntheticPerson.generate(LocalDate.now(clock), days, random.split()), clock.getZone(), random.split());
    double[] clear = new double[runs];
    double[] encrypted = new double[runs];
    long signals = 0;
    // One untimed import of each first: the JIT compiles the importers on it, not on a timed run.
    for (boolean enc : new boolean[] {false, true}) {
      try (Autonomy autonomy = Autonomy.open(work.resolve((enc ? "encrypted" : "clear") + "-warm"), clock, random.split(),
          source(enc))) {
        for (Path f : files.all()) {
          autonomy.importPath(f, null, null);
        }
      }
    }
    for (int r = 0; r < runs; r++) {
      // Alternate which goes first, so a machine that slows down or warms up does not favour one.
      boolean clearFirst = r % 2 == 0;
      for (int k = 0; k < 2; k++) {
        boolean enc = clearFirst == (k == 1);
        Path home = work.resolve((enc ? "encrypted-" : "clear-") + r);
        try (Autonomy autonomy = Autonomy.open(home, clock, random.split(), source(enc))) {
          long start = nanos.getAsLong();
          for (Path f : files.all()) {
            autonomy.importPath(f, null, null);
          }
          double seconds = (nanos.getAsLong() - start) / 1e9;
          (enc ? encrypted : clear)[r] = seconds;
          signals = autonomy.signalCount();
        }
        progress.printf("import run %d, %s: %.2f s%n", r + 1, enc ? "encrypted" : "clear", enc ? encrypted[r] : clear[r]);
        progress.flush();
      }
    }
    Path clearHome = work.resolve("clear-0");
    Path encryptedHome = work.resolve("encrypted-0");
    double[] openClear = new double[runs];
    double[] openEncrypted = new double[runs];
    for (int r = 0; r < runs; r++) {
      openClear[r] = openSeconds(clearHome, false, clock);
      openEncrypted[r] = openSeconds(encryptedHome, true, clock);
    }
    Latencies latencies = recommend(clearHome, encryptedHome, calls, clock, random);
    long clearBytes = Files.size(clearHome.resolve("vault.db"));
    long encryptedBytes = Files.size(encryptedHome.resolve("vault.db"));
    return new Result(days, new Imports(clear, encrypted, signals), openClear, openEncrypted, latencies, clearBytes,
        encryptedBytes, rowLevel(signals));
  }

  private static PassphraseSource source(boolean encrypted) {
    return encrypted ? PassphraseSource.of(Passphrase.of(PASSPHRASE)) : PassphraseSource.none();
  }

  private double openSeconds(Path home, boolean encrypted, Clock clock) {
    long start = nanos.getAsLong();
    try (Autonomy autonomy = Autonomy.open(home, clock, new SplittableRandom(1), source(encrypted))) {
      autonomy.signalCount();
    }
    return (nanos.getAsLong() - start) / 1e9;
  }

  private Latencies recommend(Path clearHome, Path encryptedHome, int calls, Clock clock, SplittableRandom random) {
    Situation situation = new Situation(ZonedDateTime.now(clock), Map.of("place", "outdoor", "free_minutes", "60"));
    RankingPolicy policy = new RankingPolicy(5, 0.1);
    double[] clear = new double[calls];
    double[] encrypted = new double[calls];
    try (Autonomy c = Autonomy.open(clearHome, clock, random.split(), source(false));
        Autonomy e = Autonomy.open(encryptedHome, clock, random.split(), source(true))) {
      for (Autonomy a : List.of(c, e)) {
        a.addRule("never swim");
        a.addRule("max 45 minutes on weekdays");
        a.desires(situation); // trains and caches the model
        for (int i = 0; i < 100; i++) {
          a.recommend(situation, policy);
        }
      }
      progress.printf("timing %d recommend calls on each vault, interleaved...%n", calls);
      progress.flush();
      int block = 50;
      for (int from = 0; from < calls; from += block) {
        int to = Math.min(calls, from + block);
        // Each goes first in every other block: the one that runs second meets the first one's
        // write-ahead-log checkpoint (its own thread, once a second) and would be slowed alone.
        boolean clearFirst = (from / block) % 2 == 0;
        time(clearFirst ? c : e, situation, policy, clearFirst ? clear : encrypted, from, to);
        time(clearFirst ? e : c, situation, policy, clearFirst ? encrypted : clear, from, to);
      }
    }
    return new Latencies(clear, encrypted);
  }

  private void time(Autonomy autonomy, Situation situation, RankingPolicy policy, double[] into, int from, int to) {
    for (int i = from; i < to; i++) {
      long start = nanos.getAsLong();
      autonomy.recommend(situation, policy);
      into[i] = (nanos.getAsLong() - start) / 1e6;
    }
  }

  /**
   * The JDK's AES-256-GCM sealing one 96-byte field set (value, times, text, category, device) per
   * signal with a fresh nonce: what row-level encryption spends on the cipher alone for an import.
   */
  private double rowLevel(long rows) {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256);
      SecretKey key = generator.generateKey();
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      SecureRandom nonces = new SecureRandom();
      byte[] nonce = new byte[12];
      byte[] row = new byte[96];
      long sink = 0;
      for (int warm = 0; warm < 2; warm++) {
        long start = nanos.getAsLong();
        for (long i = 0; i < rows; i++) {
          nonces.nextBytes(nonce);
          cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
          sink += cipher.doFinal(row)[0];
        }
        if (warm == 1) {
          progress.printf("(row-level checksum %d)%n", sink);
          return (nanos.getAsLong() - start) / 1e9;
        }
      }
      throw new IllegalStateException("unreachable");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is missing from this Java", e);
    }
  }

  /** The markdown tables the bench command prints. */
  public static String table(Result r) {
    StringBuilder out = new StringBuilder();
    Imports imports = r.imports();
    int runs = imports.clear().length;
    out.append(String.format(Locale.ROOT, "Import: %d days of a synthetic person (%,d signals), fresh vault each run,"
        + " %d runs each after one untimed, alternating which goes first%n%n", r.days(), imports.signals(), runs));
    out.append("| vault | median s | min s | max s | signals/s (median) |\n|---|---:|---:|---:|---:|\n");
    importRow(out, "clear", imports.clear(), imports.signals());
    importRow(out, "encrypted (ChaCha20-Poly1305 pages)", imports.encrypted(), imports.signals());
    double[] ratios = imports.pairedRatios();
    out.append(String.format(Locale.ROOT, "%nencrypted / clear import throughput: %.2f (ratio of medians); paired runs"
        + " %.2f..%.2f (target >= 0.6)%n%n", median(imports.clear()) / median(imports.encrypted()), min(ratios),
        max(ratios)));
    out.append(String.format(Locale.ROOT, "Open an existing vault (+ count its signals), %d times each: clear median %.3f s;"
        + " encrypted median %.3f s (%.3f..%.3f; Argon2id 46 MiB, 1 pass, then SQLite)%n%n", runs,
        median(r.openClear()), median(r.openEncrypted()), min(r.openEncrypted()), max(r.openEncrypted())));
    Latencies l = r.recommend();
    out.append(String.format(Locale.ROOT, "recommend (rank the built-in options, 2 rules, + log the decision), %d warm calls on each vault,"
        + " interleaved in blocks of 50, each first in every other block%n%n", l.clear().length));
    out.append("| vault | p50 ms | p90 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|\n");
    latencyRow(out, "clear", l.clear());
    latencyRow(out, "encrypted", l.encrypted());
    out.append(String.format(Locale.ROOT, "%nvault.db after the import: clear %.1f MB, encrypted %.1f MB (%+.2f%%; the cipher keeps 32"
        + " bytes of nonce and tag in every 16 KB page)%n", r.clearBytes() / 1e6, r.encryptedBytes() / 1e6,
        100.0 * (r.encryptedBytes() - r.clearBytes()) / r.clearBytes()));
    out.append(String.format(Locale.ROOT, "row-level AES-256-GCM, cipher alone, %,d rows of 96 bytes: %.2f s (%.0f%% of"
        + " the clear import's median), before its other costs%n", imports.signals(), r.rowLevelSeconds(),
        100 * r.rowLevelSeconds() / median(imports.clear())));
    return out.toString();
  }

  private static void importRow(StringBuilder out, String name, double[] seconds, long signals) {
    out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %,.0f |%n", name, median(seconds), min(seconds),
        max(seconds), signals / median(seconds)));
  }

  private static void latencyRow(StringBuilder out, String name, double[] ms) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    out.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f |%n", name, pct(sorted, 0.5), pct(sorted, 0.9),
        pct(sorted, 0.99), sorted[sorted.length - 1]));
  }

  private static double pct(double[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static double min(double[] xs) {
    return Arrays.stream(xs).min().orElseThrow();
  }

  private static double max(double[] xs) {
    return Arrays.stream(xs).max().orElseThrow();
  }
}
