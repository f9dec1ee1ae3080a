package dev.autonomy.bench.situation;

import dev.autonomy.core.data.ThrowAwayFolder;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.demo.DemoFiles;
import dev.autonomy.engine.demo.KnownEffectsPerson;
import dev.autonomy.engine.demo.SyntheticPerson;
import dev.autonomy.engine.situation.SituationEffect;
import dev.autonomy.engine.situation.StatedUse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Two measurements of the situation-aware desires. Effects: synthetic persons whose rain and
 * outdoor effects on their steps are known, written as real files and imported; are the learned
 * effects of the right sign and within 30% of the truth? Latency: {@code desires} for a year of
 * hourly data, warm, over moments and stated contexts.
 */
public final class SituationBenchmark {
  static final ZoneId ZONE = ZoneId.of("Europe/Paris");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T17:00:00Z"), ZONE);
  /** The true effects every synthetic person has. */
  public static final KnownEffectsPerson.Effects TRUTH = new KnownEffectsPerson.Effects(-2_500, 3_000);

  /** One person's learned effects on their steps, against the truth. */
  public record PersonRow(long seed, int days, Optional<SituationEffect> rain, Optional<SituationEffect> outdoor) {
    boolean rainWithin30() {
      return within30(rain, TRUTH.rainSteps());
    }

    boolean outdoorWithin30() {
      return within30(outdoor, TRUTH.outdoorSteps());
    }

    private static boolean within30(Optional<SituationEffect> e, double truth) {
      return steps(e).map(v -> Math.signum(v) == Math.signum(truth) && Math.abs(v - truth) <= 0.3 * Math.abs(truth))
          .orElse(false);
    }

    static Optional<Double> steps(Optional<SituationEffect> e) {
      return e.flatMap(SituationEffect::raw).map(SituationEffect.Raw::contrast);
    }
  }

  /** The latency of {@code desires} with a year of hourly data, warm. */
  public record Latency(int days, long signals, int calls, double p50Ms, double p99Ms, double maxMs) {}

  public record Report(List<PersonRow> persons, Latency latency) {
    public String table() {
      StringBuilder out = new StringBuilder();
      out.append(String.format(Locale.ROOT, "Known effects: rain %+.0f steps, outdoor-vs-indoor workout day %+.0f steps%n",
          TRUTH.rainSteps(), TRUTH.outdoorSteps()));
      out.append(String.format(Locale.ROOT, "%-6s %5s  %-34s %-34s%n", "seed", "days", "rain: learned steps (move +-)",
          "outdoor: learned steps (move +-)"));
      int rainOk = 0;
      int outdoorOk = 0;
      List<Double> rainErr = new ArrayList<>();
      List<Double> outdoorErr = new ArrayList<>();
      for (PersonRow p : persons) {
        out.append(String.format(Locale.ROOT, "%-6d %5d  %-34s %-34s%n", p.seed(), p.days(), cell(p.rain(), p.rainWithin30()),
            cell(p.outdoor(), p.outdoorWithin30())));
        rainOk += p.rainWithin30() ? 1 : 0;
        outdoorOk += p.outdoorWithin30() ? 1 : 0;
        PersonRow.steps(p.rain()).ifPresent(v -> rainErr.add(Math.abs(v / TRUTH.rainSteps() - 1)));
        PersonRow.steps(p.outdoor()).ifPresent(v -> outdoorErr.add(Math.abs(v / TRUTH.outdoorSteps() - 1)));
      }
      out.append(String.format(Locale.ROOT,
          "right sign and within 30%%: rain %d/%d, outdoor %d/%d; median relative error: rain %.1f%%, outdoor %.1f%%%n",
          rainOk, persons.size(), outdoorOk, persons.size(), 100 * median(rainErr), 100 * median(outdoorErr)));
      out.append(String.format(Locale.ROOT,
          "%nLatency of desires (warm, %d days of hourly data, %d signals, %d calls over moments and contexts):"
              + " p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
          latency.days(), latency.signals(), latency.calls(), latency.p50Ms(), latency.p99Ms(), latency.maxMs()));
      return out.toString();
    }

    private static String cell(Optional<SituationEffect> e, boolean ok) {
      if (e.isEmpty()) {
        return "none";
      }
      SituationEffect s = e.get();
      return String.format(Locale.ROOT, "%+6.0f (%+.3f +- %.3f)%s%s", PersonRow.steps(e).orElse(Double.NaN), s.contrast(),
          1.96 * s.standardError(), s.shown() ? "" : " not shown", ok ? " ok" : " MISS");
    }
  }

  private SituationBenchmark() {}

  public static Report run(int persons, int days, long seed, int latencyDays, int calls) throws IOException {
    List<PersonRow> rows = new ArrayList<>();
    for (int i = 0; i < persons; i++) {
      rows.add(person(seed + i, days));
    }
    return new Report(rows, latency(latencyDays, calls, seed));
  }

  static PersonRow person(long seed, int days) throws IOException {
    Path work = ThrowAwayFolder.create("autonomy-bench-situation");
    try {
      SplittableRandom random = new SplittableRandom(seed);
      DemoFiles.Written files = DemoFiles.write(work.resolve("files"),
          KnownEffectsPerson.generate(LocalDate.now(CLOCK), days, TRUTH, random.split()), ZONE, random.split());
      try (Autonomy a = Autonomy.open(work.resolve("vault"), CLOCK, random.split())) {
        for (Path f : files.all()) {
          a.importPath(f, null, null);
        }
        ZonedDateTime now = ZonedDateTime.now(CLOCK);
        return new PersonRow(seed, days, move(a, new Situation(now, Map.of("weather", "rain"))),
            move(a, new Situation(now, Map.of("place", "outdoor"))));
      }
    } finally {
      ThrowAwayFolder.delete(work);
    }
  }

  private static Optional<SituationEffect> move(Autonomy a, Situation s) {
    List<StatedUse> uses = a.desiresNow(s).stated();
    return uses.stream().flatMap(u -> u.effects().stream()).filter(e -> e.desire() == DesireType.MOVE).findFirst();
  }

  static Latency latency(int days, int calls, long seed) throws IOException {
    Path work = ThrowAwayFolder.create("autonomy-bench-situation-latency");
    try {
      SplittableRandom random = new SplittableRandom(seed);
      DemoFiles.Written files = DemoFiles.write(work.resolve("files"),
          SyntheticPerson.generate(LocalDate.now(CLOCK), days, random.split()), ZONE, random.split());
      try (Autonomy a = Autonomy.open(work.resolve("vault"), CLOCK, random.split())) {
        for (Path f : files.all()) {
          a.importPath(f, null, null);
        }
        List<Map<String, String>> contexts = List.of(Map.of(), Map.of("weather", "rain"), Map.of("place", "outdoor"),
            Map.of("weather", "sun", "place", "indoor", "free_minutes", "45"));
        ZonedDateTime now = ZonedDateTime.now(CLOCK);
        for (int i = 0; i < 50; i++) {
          a.desiresNow(new Situation(now.minusHours(i % 24), contexts.get(i % contexts.size())));
        }
        double[] ms = new double[calls];
        for (int i = 0; i < calls; i++) {
          Situation s = new Situation(now.minusHours(i % 24), contexts.get(i % contexts.size()));
          long t = System.nanoTime();
          a.desiresNow(s);
          ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new Latency(days, a.signalCount(), calls, ms[calls / 2], ms[(int) Math.ceil(0.99 * calls) - 1], ms[calls - 1]);
      }
    } finally {
      ThrowAwayFolder.delete(work);
    }
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
  }

  /** The report as plain maps for JSON. */
  public static Map<String, Object> toMap(Report r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("truth", TRUTH);
    m.put("persons", r.persons());
    m.put("latency", r.latency());
    return m;
  }
}
