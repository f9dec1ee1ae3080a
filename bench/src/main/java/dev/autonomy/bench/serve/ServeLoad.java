package dev.autonomy.bench.serve;

import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.demo.DemoFiles;
import dev.autonomy.engine.demo.SyntheticPerson;
import dev.autonomy.server.AccessToken;
import dev.autonomy.server.AutonomyServer;
import dev.autonomy.vault.Passphrase;
import dev.autonomy.vault.PassphraseSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local API under load, on loopback: a generated person's vault behind a real server, then 1,
 * 8 and 64 concurrent clients (a fixed pool of threads, one blocking client each) for a fixed time
 * each, every client asking for a list ({@code GET /recommend}) and giving feedback on its first
 * item ({@code POST /feedback/{id}}), again and again. It stops by itself. Counts errors (any
 * answer but 200, or no answer) and lost feedback: feedback the API accepted that is not in the
 * vault once the server is closed.
 *
 * <p>Run: {@code ./autonomy bench serve-load [--seconds 10] [--clients 1,8,64]}.
 */
public final class ServeLoad {
  /**
   * How the bench opens the vault, the hook for encryption at rest: the clear SQLite vault today;
   * an encrypted vault (a passphrase) is one more constant here, measured beside it in the same run.
   */
  public enum VaultKind {
    CLEAR {
      @Override
      Autonomy open(Path home, Clock clock, RandomGenerator random) {
        return Autonomy.open(home, clock, random);
      }
    },
    /** Encrypted at rest (SQLite3 Multiple Ciphers, a key from Argon2id), with a passphrase that is no secret. */
    ENCRYPTED {
      @Override
      Autonomy open(Path home, Clock clock, RandomGenerator random) {
        return Autonomy.open(home, clock, random,
            PassphraseSource.of(Passphrase.of("serve-load bench".toCharArray())));
      }
    };

    abstract Autonomy open(Path home, Clock clock, RandomGenerator random);
  }

  /**
   * A latency quantile with its distribution-free 95% interval: the order statistics at ranks
   * n q -+ 1.96 sqrt(n q (1 - q)) (the binomial interval for a quantile); a bound past the sample is
   * NaN, shown as "?".
   */
  public record Quantile(double value, double low, double high) {
    static Quantile of(double[] sorted, double q) {
      int n = sorted.length;
      if (n == 0) {
        return new Quantile(Double.NaN, Double.NaN, Double.NaN);
      }
      double half = 1.96 * Math.sqrt(n * q * (1 - q));
      int lo = (int) Math.floor(n * q - half) - 1;
      int hi = (int) Math.ceil(n * q + half) - 1;
      return new Quantile(pct(sorted, q), lo < 0 ? Double.NaN : sorted[lo], hi >= n ? Double.NaN : sorted[hi]);
    }

    String shown() {
      return String.format(Locale.ROOT, "%.1f [%s, %s]", value, bound(low), bound(high));
    }

    private static String bound(double v) {
      return Double.isNaN(v) ? "?" : String.format(Locale.ROOT, "%.1f", v);
    }
  }

  /** One endpoint at one level of concurrency. */
  public record Row(VaultKind vault, int clients, String endpoint, long requests, double seconds, Quantile p50, Quantile p99,
      long errors) {
    double throughput() {
      return requests / seconds;
    }
  }

  /**
   * The whole run.
   *
   * @param rows each level's two endpoints
   * @param accepted feedback the API answered 200 to
   * @param stored feedback rows the vault gained during the run, read after the server closed
   * @param signals signals in the generated vault
   */
  public record Result(List<Row> rows, long accepted, long stored, long signals) {
    public long lost() {
      return Math.max(0, accepted - stored);
    }
  }

  private static final Pattern ID = Pattern.compile("\"id\":\"(rec-[A-Za-z0-9-]+)\"");

  private ServeLoad() {}

  public static Result run(Path work, VaultKind vault, int days, List<Integer> levels, Duration each, long seed,
      PrintWriter progress) throws IOException, InterruptedException {
    Clock clock = Clock.systemDefaultZone();
    SplittableRandom random = new SplittableRandom(seed);
    var files = DemoFiles.write(work.resolve("files"), SyntheticPerson.generate(LocalDate.now(clock), days, random.split()),
        clock.getZone(), random.split());
    Path home = work.resolve("vault");
    List<Row> rows = new ArrayList<>();
    long before;
    long accepted = 0;
    long signals;
    try (Autonomy autonomy = vault.open(home, clock, random.split())) {
      for (Path f : files.all()) {
        autonomy.importPath(f, null, null);
      }
      signals = autonomy.signalCount();
      AccessToken token = AccessToken.generate(new SecureRandom());
      try (AutonomyServer server = new AutonomyServer(autonomy, token)) {
        String base = "http://127.0.0.1:" + server.start(AutonomyServer.LOOPBACK, 0);
        progress.printf("%d signals in the vault; serving on %s%n", signals, base);
        progress.flush();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
        // Warm-up: the model is trained and cached on the first list.
        new Client(client, base, token, System.nanoTime() + Duration.ofSeconds(2).toNanos()).call();
        // Counted once the warm-up's requests are answered and before the clients start: none in flight.
        before = autonomy.log().report().size().feedback();
        for (int clients : levels) {
          progress.printf("%d client(s) for %d s...%n", clients, each.toSeconds());
          progress.flush();
          Level level = level(client, base, token, clients, each);
          rows.add(new Row(vault, clients, "GET /recommend", level.recommend.length, level.seconds,
              Quantile.of(level.recommend, 0.50), Quantile.of(level.recommend, 0.99), level.recommendErrors));
          rows.add(new Row(vault, clients, "POST /feedback/{id}", level.feedback.length, level.seconds,
              Quantile.of(level.feedback, 0.50), Quantile.of(level.feedback, 0.99), level.feedbackErrors));
          accepted += level.feedback.length;
        }
      }
    }
    // Read back through a fresh opening of the vault: what was accepted must be on disk.
    try (Autonomy reopened = vault.open(home, clock, random.split())) {
      return new Result(rows, accepted, reopened.log().report().size().feedback() - before, signals);
    }
  }

  /** What one level measured: accepted calls' latencies in ms, errors, and how long it ran. */
  private record Level(double[] recommend, double[] feedback, long recommendErrors, long feedbackErrors, double seconds) {}

  private static Level level(HttpClient client, String base, AccessToken token, int clients, Duration each)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    long deadline = start + each.toNanos();
    List<Future<Client>> running = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      running.add(pool.submit(new Client(client, base, token, deadline)));
    }
    pool.shutdown();
    if (!pool.awaitTermination(each.toSeconds() + 120, TimeUnit.SECONDS)) {
      pool.shutdownNow();
      throw new IllegalStateException("clients still running 2 minutes after their deadline");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Double> recommend = new ArrayList<>();
    List<Double> feedback = new ArrayList<>();
    long recommendErrors = 0;
    long feedbackErrors = 0;
    for (Future<Client> f : running) {
      Client c;
      try {
        c = f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("a client failed: " + e.getCause(), e.getCause());
      }
      recommend.addAll(c.recommend);
      feedback.addAll(c.feedback);
      recommendErrors += c.recommendErrors;
      feedbackErrors += c.feedbackErrors;
    }
    return new Level(sorted(recommend), sorted(feedback), recommendErrors, feedbackErrors, seconds);
  }

  /** One client: a list, then feedback on its first item, until the deadline. */
  private static final class Client implements java.util.concurrent.Callable<Client> {
    private final HttpClient http;
    private final String base;
    private final String bearer;
    private final long deadline;
    final List<Double> recommend = new ArrayList<>();
    final List<Double> feedback = new ArrayList<>();
    long recommendErrors;
    long feedbackErrors;

    Client(HttpClient http, String base, AccessToken token, long deadline) {
      this.http = http;
      this.base = base;
      this.bearer = "Bearer " + token.value();
      this.deadline = deadline;
    }

    @Override
    public Client call() {
      while (System.nanoTime() < deadline) {
        long t = System.nanoTime();
        HttpResponse<String> list = send(HttpRequest.newBuilder(URI.create(base + "/recommend?limit=3&explore=0")).GET());
        if (list == null || list.statusCode() != 200) {
          recommendErrors++;
          continue;
        }
        recommend.add((System.nanoTime() - t) / 1e6);
        Matcher id = ID.matcher(list.body());
        if (!id.find()) {
          recommendErrors++;
          continue;
        }
        t = System.nanoTime();
        HttpResponse<String> done = send(HttpRequest.newBuilder(URI.create(base + "/feedback/" + id.group(1)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"outcome\":\"done\",\"rating\":4}")));
        if (done == null || done.statusCode() != 200) {
          feedbackErrors++;
        } else {
          feedback.add((System.nanoTime() - t) / 1e6);
        }
      }
      return this;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return http.send(request.header("Authorization", bearer).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }

  private static double[] sorted(List<Double> values) {
    double[] out = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(out);
    return out;
  }

  private static double pct(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  public static String table(Result result) {
    StringBuilder sb = new StringBuilder("| vault | clients | endpoint | requests | req/s | p50 ms [95% CI] | p99 ms [95% CI]"
        + " | errors |\n|---|---:|---|---:|---:|---:|---:|---:|\n");
    for (Row r : result.rows()) {
      sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %d | %.1f | %s | %s | %d |%n",
          r.vault().name().toLowerCase(Locale.ROOT), r.clients(), r.endpoint(), r.requests(), r.throughput(), r.p50().shown(),
          r.p99().shown(), r.errors()));
    }
    sb.append(String.format(Locale.ROOT, "%nfeedback accepted by the API: %d; in the vault after the run: %d; lost: %d%n",
        result.accepted(), result.stored(), result.lost()));
    return sb.toString();
  }
}
