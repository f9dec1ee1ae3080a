package dev.autonomy.bench.recommend;

import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.feedback.Outcome;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.demo.DemoFiles;
import dev.autonomy.engine.demo.SyntheticPerson;
import dev.autonomy.engine.option.OptionCatalogue;
import dev.autonomy.engine.rank.Ranking;
import dev.autonomy.engine.rank.RankingPolicy;
import dev.autonomy.vault.DecisionLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * How the vault grows with the decision log: a seeded synthetic person's data imported, two rules,
 * 100 options, 0-2 shadow policies, then {@code calls} recommend calls (five shown each, the
 * default exploration) in situations that change (the hour moves on by 20 minutes a call, place
 * and weather vary), with feedback on the top item of one list in five. Sizes are the vault's
 * files on disk after a checkpoint.
 *
 * <p>Run: {@code ./autonomy bench log [--calls 10000]}.
 */
public final class LogSizeBenchmark {
  /** What was measured. */
  public record Result(int calls, int shadows, long before, long after, DecisionLog.Size size, double msPerCall) {
    double bytesPerCall() {
      return (after - before) / (double) calls;
    }
  }

  /** A clock that moves on by 20 minutes each time a list is shown, from a fixed start. */
  private static final class Stepping extends Clock {
    private final ZoneId zone;
    private Instant now;

    Stepping(Instant start, ZoneId zone) {
      this.now = start;
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
      return new Stepping(now, z);
    }

    @Override
    public Instant instant() {
      return now;
    }

    void step() {
      now = now.plus(Duration.ofMinutes(20));
    }
  }

  private LogSizeBenchmark() {}

  public static Result run(Path work, int days, int calls, int shadows, long seed, PrintWriter progress) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    ZoneId zone = ZoneId.of("Europe/Paris");
    LocalDate today = LocalDate.of(2026, 11, 30);
    var files = DemoFiles.write(work.resolve("files"), SyntheticPerson.generate(today, days, random.split()), zone, random.split());
    Stepping clock = new Stepping(today.atTime(7, 0).atZone(zone).toInstant(), zone);
    Path home = work.resolve("vault");
    long before;
    long started;
    long ended;
    DecisionLog.Size size;
    try (Autonomy autonomy = Autonomy.open(home, clock, random.split())) {
      for (Path f : files.all()) {
        autonomy.importPath(f, null, null);
      }
      autonomy.addRule("never swim");
      autonomy.addRule("max 45 minutes on weekdays");
      autonomy.addOptions(optionsCsv(work.resolve("options.csv"), seed));
      for (String shadow : List.of("linucb", "thompson").subList(0, Math.max(0, Math.min(2, shadows)))) {
        autonomy.policies().shadow(shadow, true);
      }
      autonomy.desires(new Situation(ZonedDateTime.now(clock), Map.of())); // trains the model
      before = vaultBytes(home);
      RankingPolicy policy = new RankingPolicy(5, 0.1);
      String[] places = {"outdoor", "indoor", "any"};
      String[] weather = {"sunny", "rain", "cloudy"};
      started = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        clock.step();
        Situation s = new Situation(ZonedDateTime.now(clock),
            Map.of("place", places[random.nextInt(3)], "weather", weather[random.nextInt(3)]));
        Ranking r = autonomy.recommend(s, policy);
        if (i % 5 == 0 && !r.recommendations().isEmpty()) {
          autonomy.feedback(r.recommendations().get(0).id(), random.nextInt(3) == 0 ? Outcome.SKIPPED : Outcome.DONE,
              OptionalInt.of(1 + random.nextInt(5)));
        }
        if ((i + 1) % 1000 == 0) {
          progress.printf("%d calls%n", i + 1);
          progress.flush();
        }
      }
      ended = System.nanoTime();
      size = autonomy.log().report().size();
    }
    return new Result(calls, shadows, before, vaultBytes(home), size, (ended - started) / 1e6 / calls);
  }

  /** The built-in catalogue completed to 100 options, as a CSV the person could have written. */
  private static Path optionsCsv(Path file, long seed) throws IOException {
    var all = RecommendLatencyBenchmark.candidates(100, new SplittableRandom(seed + 1));
    return RecommendLatencyBenchmark.writeCsv(file,
        all.subList(OptionCatalogue.builtIn().size(), all.size()));
  }

  /** Every file of the vault folder (database, WAL, side files), after the vault was closed. */
  private static long vaultBytes(Path home) throws IOException {
    try (Stream<Path> files = Files.walk(home)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    }
  }

  public static String table(Result r) {
    DecisionLog.Size s = r.size();
    return String.format(Locale.ROOT, """
        | calls | shadows | vault before | vault after | bytes per call | log rows' bytes per list | lists | recommendations | shadow lists | feedback | ms per call (incl. feedback) |
        |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
        | %d | %d | %.1f MB | %.1f MB | %.0f | %.0f | %d | %d | %d | %d | %.2f |
        """, r.calls(), r.shadows(), r.before() / 1e6, r.after() / 1e6, r.bytesPerCall(), s.bytes() / (double) Math.max(1, s.lists()),
        s.lists(), s.recommendations(), s.shadowLists(), s.feedback(), r.msPerCall());
  }
}
