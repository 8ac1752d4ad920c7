package org.safeload.bench.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Virtual users (one virtual thread each) asking for the mix: each picks an endpoint, waits for the
 * whole answer, then thinks for a random 1 to 3 seconds (or not at all, to saturate the app). Each
 * user's choices come from its own random numbers, seeded from the run's seed and its number, so a
 * seed gives every user the same sequence on every run. A request is recorded when it ends after
 * the warm-up: one that started during the warm-up but was still waiting counts (an overloaded app
 * shows as slow answers, not as no answers), and users make no new request after the measured time
 * but the ones in flight are waited for and recorded.
 */
public final class Load {

  /** The think time between one answer and the next request: from 1 to 3 seconds. */
  public static final int THINK_MIN_MS = 1000;

  public static final int THINK_MAX_MS = 3000;

  /**
   * What a run recorded.
   *
   * @param seconds how long requests were recorded for
   */
  public record Result(Latencies latencies, double seconds) {

    public double requestsPerSecond() {
      return latencies.count() / seconds;
    }
  }

  private Load() {}

  /**
   * Runs the users: warm-up, then the measured time.
   *
   * @param think wait 1 to 3 s between requests (false: none, to saturate the app)
   */
  public static Result run(
      List<AppClient> users, Mix mix, Duration warmup, Duration measured, boolean think, long seed)
      throws InterruptedException {
    long start = System.nanoTime();
    long from = start + warmup.toNanos();
    long end = from + measured.toNanos();
    List<Future<Latencies>> running = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < users.size(); i++) {
        AppClient user = users.get(i);
        SplittableRandom random = random(seed, i);
        running.add(threads.submit(() -> user(user, mix, random, from, end, think)));
      }
      Latencies all = new Latencies();
      for (Future<Latencies> f : running) {
        try {
          all.addAll(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          throw new BenchFailure("A virtual user failed: " + e.getCause(), e.getCause());
        }
      }
      return new Result(all, measured.toNanos() / 1e9);
    }
  }

  /** The random numbers of user {@code index} for a seed. */
  static SplittableRandom random(long seed, int index) {
    return new SplittableRandom(seed * 1_000_003L + index);
  }

  private static Latencies user(
      AppClient user, Mix mix, SplittableRandom random, long from, long end, boolean think)
      throws InterruptedException {
    Latencies mine = new Latencies();
    if (think) {
      // Users arrive spread over the first few seconds, not all at once.
      sleepUntil(System.nanoTime() + random.nextLong(THINK_MAX_MS) * 1_000_000, end);
    }
    while (System.nanoTime() < end) {
      Mix.Endpoint e = mix.pick(random);
      String path = e.path().apply(random);
      long t0 = System.nanoTime();
      AppClient.Outcome o = user.fetch(path, e.api());
      long t1 = System.nanoTime();
      if (t1 >= from) {
        mine.record(e.name(), t1 - t0, o.bytes(), o.problem());
      }
      if (think) {
        sleepUntil(t1 + random.nextLong(THINK_MIN_MS, THINK_MAX_MS + 1) * 1_000_000, end);
      }
    }
    return mine;
  }

  private static void sleepUntil(long when, long end) throws InterruptedException {
    long nanos = Math.min(when, end) - System.nanoTime();
    if (nanos > 0) {
      Thread.sleep(Duration.ofNanos(nanos));
    }
  }
}
