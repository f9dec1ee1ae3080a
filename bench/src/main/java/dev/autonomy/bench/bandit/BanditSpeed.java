package dev.autonomy.bench.bandit;

import dev.autonomy.bandit.Candidate;
import dev.autonomy.bandit.Choice;
import dev.autonomy.bandit.Policies;
import dev.autonomy.bandit.Policy;
import dev.autonomy.bandit.Prior;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * LinUCB's cost per call: one update (Sherman-Morrison, O(d^2)) for d = 8, 32, 128, and ranking
 * (top 3 by upper confidence bound, O(n d^2)) of 10, 100 and 1000 candidates. Reference: Vowpal
 * Wabbit learns at about 84 ns per example at d = 8.
 *
 * <p>Run after {@code mvn -q -pl bench -am package -DskipTests}:
 *
 * <pre>
 * java -cp "bench/target/autonomy-bench.jar:bench/target/lib/*" org.openjdk.jmh.Main BanditSpeed
 * </pre>
 *
 * (add {@code -f 1 -wi 2 -i 3} for a quicker run, {@code -rf json} for a file).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BanditSpeed {
  static List<Candidate> candidates(SplittableRandom random, int n, int d) {
    List<Candidate> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double[] x = new double[d];
      for (int j = 0; j < d; j++) {
        x[j] = random.nextDouble();
      }
      list.add(new Candidate("arm" + i, x));
    }
    return list;
  }

  static Policy trained(int d, SplittableRandom random) {
    Policy policy = Policies.linUcb(new Prior(new double[d], 1), 0.1);
    for (Candidate c : candidates(random, 1000, d)) {
      policy.update(c, random.nextDouble());
    }
    return policy;
  }

  /** A policy that has learned from 1000 updates, and 1024 candidates to learn from next. */
  @State(Scope.Thread)
  public static class UpdateState {
    @Param({"8", "32", "128"})
    int d;

    Policy policy;
    Candidate[] pool;
    double[] rewards;
    int next;

    @Setup
    public void setUp() {
      SplittableRandom random = new SplittableRandom(1);
      policy = trained(d, random);
      pool = candidates(random, 1024, d).toArray(new Candidate[0]);
      rewards = new double[pool.length];
      for (int i = 0; i < rewards.length; i++) {
        rewards[i] = random.nextDouble();
      }
    }
  }

  /** A trained policy and one list of candidates to rank. */
  @State(Scope.Thread)
  public static class RankState {
    @Param({"8", "32", "128"})
    int d;

    @Param({"10", "100", "1000"})
    int candidates;

    Policy policy;
    List<Candidate> list;
    SplittableRandom random;

    @Setup
    public void setUp() {
      random = new SplittableRandom(2);
      policy = trained(d, random);
      list = candidates(random, candidates, d);
    }
  }

  @Benchmark
  public long update(UpdateState s) {
    int i = s.next++ & 1023;
    s.policy.update(s.pool[i], s.rewards[i]);
    return s.policy.version();
  }

  @Benchmark
  public Choice rank(RankState s) {
    return s.policy.choose(s.list, 3, s.random);
  }
}
