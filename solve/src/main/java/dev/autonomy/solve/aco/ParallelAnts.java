package dev.autonomy.solve.aco;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs an iteration's ants on a fixed set of workers (per-thread scratch space) without letting
 * thread timing touch the result: every ant gets its own generator, split from the run's in ant
 * order before any ant starts, and writes only its own slot. The calling thread is one of the
 * workers; the rest run on daemon threads started at the first parallel iteration.
 *
 * @param <W> a worker: the scratch space one thread needs to walk and improve an ant's tour
 */
public final class ParallelAnts<W> implements AutoCloseable {
  /** Below this many nodes an ant's work is too short to pay for handing it to another thread. */
  private static final int MIN_NODES_FOR_THREADS = 40;

  private final int ants;
  private final List<W> workers;
  private final String threadName;
  private ExecutorService pool;

  /** One ant's work: walk, improve and record its tour in slot {@code ant}. */
  @FunctionalInterface
  public interface Ant<W> {
    void work(W worker, int ant, SplittableRandom random);
  }

  /**
   * @param threads the threads asked for; fewer are used when there are fewer ants or few nodes
   * @param ants ants per iteration
   * @param nodes the problem's size
   * @param newWorker makes one worker per thread
   * @param threadName the name of the worker threads
   */
  public ParallelAnts(int threads, int ants, int nodes, Supplier<W> newWorker, String threadName) {
    if (threads < 1 || ants < 1) {
      throw new IllegalArgumentException(
          "threads and ants must be >= 1, were " + threads + " and " + ants);
    }
    int count = nodes < MIN_NODES_FOR_THREADS ? 1 : Math.min(threads, ants);
    this.ants = ants;
    this.workers = new ArrayList<>(count);
    for (int w = 0; w < count; w++) {
      workers.add(newWorker.get());
    }
    this.threadName = threadName;
  }

  /** The calling thread's worker, free for other work between iterations. */
  public W first() {
    return workers.get(0);
  }

  /**
   * Splits one generator per ant from {@code random}, in ant order, then runs every ant and
   * returns when all are done.
   *
   * @throws IllegalStateException if an ant failed or the caller was interrupted
   */
  public void run(SplittableRandom random, Ant<W> ant) {
    SplittableRandom[] antRandom = new SplittableRandom[ants];
    for (int a = 0; a < ants; a++) {
      antRandom[a] = random.split();
    }
    int w = workers.size();
    if (w == 1) {
      for (int a = 0; a < ants; a++) {
        ant.work(workers.get(0), a, antRandom[a]);
      }
      return;
    }
    if (pool == null) {
      pool = Executors.newFixedThreadPool(w - 1, r -> {
        Thread t = new Thread(r, threadName);
        t.setDaemon(true);
        return t;
      });
    }
    List<Future<?>> futures = new ArrayList<>(w - 1);
    for (int t = 1; t < w; t++) {
      final W worker = workers.get(t);
      final int first = t;
      futures.add(pool.submit(() -> {
        for (int a = first; a < ants; a += w) {
          ant.work(worker, a, antRandom[a]);
        }
      }));
    }
    for (int a = 0; a < ants; a += w) {
      ant.work(workers.get(0), a, antRandom[a]);
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while ants were working", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("an ant failed", e.getCause());
      }
    }
  }

  /** Stops the worker threads, if any were started. */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
