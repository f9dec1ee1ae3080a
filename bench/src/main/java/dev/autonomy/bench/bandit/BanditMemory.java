package dev.autonomy.bench.bandit;

import dev.autonomy.bandit.Candidate;
import dev.autonomy.bandit.Policies;
import dev.autonomy.bandit.Policy;
import dev.autonomy.bandit.Prior;
import dev.autonomy.engine.policy.PolicyBook;
import dev.autonomy.engine.rank.RankFeatures;
import dev.autonomy.vault.Json;
import dev.autonomy.vault.Vault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openjdk.jol.info.GraphLayout;

/**
 * {@code bench bandit-memory}: what one person's ranking policy costs to hold and to keep. Each
 * policy learns from {@value #UPDATES} updates of random features over {@value #ARMS} arms (the
 * size of its state does not grow with the updates, except the hybrid model's per-arm blocks, one
 * per option seen), then its whole object graph is measured on the heap with JOL and its saved
 * state written as the JSON the vault keeps.
 */
final class BanditMemory {
  static final int UPDATES = 300;
  static final int ARMS = 13;
  /** How many features the hybrid model gives each arm its own coefficient for (as {@code bench bandit}'s 7). */
  static final int HYBRID_ARM_FEATURES = 7;

  private BanditMemory() {}

  /** One policy at one dimension: retained heap bytes and saved JSON bytes. */
  record Row(String policy, int dimension, long heapBytes, long savedBytes) {}

  /** The engine's whole saved policy document after {@value #UPDATES} pieces of feedback. */
  record EngineDocument(int dimension, List<String> policies, long bytes) {}

  record Report(List<Row> rows, EngineDocument engine) {
    String table() {
      StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
          "Memory per person-model after %d updates over %d arms: heap = the policy's retained object graph (JOL),"
              + " saved = its state as JSON in the vault%n%n| policy | d | heap bytes | saved JSON bytes |%n|---|---:|---:|---:|%n",
          UPDATES, ARMS));
      for (Row r : rows) {
        out.append(String.format(Locale.ROOT, "| %s | %d | %,d | %,d |%n", r.policy(), r.dimension(), r.heapBytes(),
            r.savedBytes()));
      }
      out.append(String.format(Locale.ROOT, "%nThe engine's policy document (%s), d = %d, %s: %,d bytes%n", PolicyBook.DOCUMENT,
          engine.dimension(), String.join(", ", engine.policies()), engine.bytes()));
      return out.toString();
    }

    Map<String, Object> toMap() {
      List<Map<String, Object>> list = new ArrayList<>();
      for (Row r : rows) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("policy", r.policy());
        row.put("d", r.dimension());
        row.put("heap_bytes", r.heapBytes());
        row.put("saved_json_bytes", r.savedBytes());
        list.add(row);
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("updates", UPDATES);
      m.put("rows", list);
      m.put("engine_document", Map.of("d", engine.dimension(), "policies", engine.policies(), "bytes", engine.bytes()));
      return m;
    }
  }

  /** Every kind of policy, made at dimension {@code d} with the hand weights on its first features. */
  static Map<String, Function<Prior, Policy>> kinds(int d) {
    int[] armFeatures = new int[Math.min(HYBRID_ARM_FEATURES, d)];
    for (int i = 0; i < armFeatures.length; i++) {
      armFeatures[i] = i;
    }
    Map<String, Function<Prior, Policy>> kinds = new LinkedHashMap<>();
    kinds.put("fixed", p -> Policies.fixed(p.mean(), 0.1));
    kinds.put("linucb", p -> Policies.linUcb(p, 0.1, 0.98));
    kinds.put("linucb-hybrid", p -> Policies.hybridLinUcb(p, p.precision(), armFeatures, 0.1, 0.98));
    kinds.put("thompson", p -> Policies.thompson(p, 0.1, 100, 0.98));
    kinds.put("egreedy", p -> Policies.epsilonGreedy(p, 0.05, 0.98));
    kinds.put("conservative", p -> Policies.conservative(p, 0.1, 0.1, 0.98));
    return kinds;
  }

  static Report run(List<Integer> dimensions, long seed) {
    List<Row> rows = new ArrayList<>();
    for (int d : dimensions) {
      Prior prior = new Prior(handWeights(d), 10);
      for (Map.Entry<String, Function<Prior, Policy>> kind : kinds(d).entrySet()) {
        Policy policy = kind.getValue().apply(prior);
        SplittableRandom random = new SplittableRandom(seed);
        for (int t = 0; t < UPDATES; t++) {
          policy.update(candidate(random, d), random.nextDouble() < 0.5 ? 1 : 0);
        }
        rows.add(new Row(kind.getKey(), d, GraphLayout.parseInstance(policy).totalSize(), savedBytes(policy)));
      }
    }
    return new Report(rows, engineDocument(seed));
  }

  private static long savedBytes(Policy policy) {
    try {
      return Json.mapper().writeValueAsString(policy.state()).getBytes(StandardCharsets.UTF_8).length;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A real {@link PolicyBook} in a scratch vault, with the engine's features, after as many pieces of feedback. */
  private static EngineDocument engineDocument(long seed) {
    Path home = null;
    try {
      home = Files.createTempDirectory("autonomy-bandit-memory");
      try (Vault vault = Vault.open(home, Clock.systemUTC())) {
        PolicyBook book = new PolicyBook(vault, Clock.systemUTC(), RankFeatures.NAMES, RankFeatures.handWeights());
        SplittableRandom random = new SplittableRandom(seed);
        for (int t = 0; t < UPDATES; t++) {
          Candidate c = candidate(random, RankFeatures.DIMENSION);
          book.learn(c.armId(), c.x(), random.nextDouble());
        }
        String json = vault.documents().get(PolicyBook.DOCUMENT).orElseThrow();
        List<String> learned = PolicyBook.NAMES.stream().filter(n -> !n.equals(PolicyBook.FIXED)).toList();
        return new EngineDocument(RankFeatures.DIMENSION, learned, json.getBytes(StandardCharsets.UTF_8).length);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(home);
    }
  }

  private static void deleteQuietly(Path home) {
    if (home == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(home)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // a scratch directory left in the temp folder is harmless
    }
  }

  private static Candidate candidate(SplittableRandom random, int d) {
    double[] x = new double[d];
    for (int i = 0; i < d; i++) {
      x[i] = random.nextDouble();
    }
    return new Candidate("option" + random.nextInt(ARMS), x);
  }

  /** The engine's seven hand weights on the first features (as many as fit), 0 on the rest. */
  static double[] handWeights(int d) {
    double[] hand = {0.40, 0.20, 0.15, 0.10, 0.05, 0.05, 0.05};
    double[] w = new double[d];
    System.arraycopy(hand, 0, w, 0, Math.min(d, hand.length));
    return w;
  }
}
