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
 * but the ones in flight are waited for and recorded (in the last slice, when the measured time is
 * sliced). The requests that ended in the warm-up are kept apart.
 */
public final class Load {

  /** The think time between one answer and the next request: from 1 to 3 seconds. */
  public static final int THINK_MIN_MS = 1000;

  public static final int THINK_MAX_MS = 3000;

  /**
   * When a run's users start, when its measured time starts and ends, and its slices: the measured
   * time cut into equal parts, each with its own figures, so that a change over a long run shows.
   *
   * @param start when the users start (the warm-up), a {@link System#nanoTime}
   * @param from when the measured time starts
   * @param end when it ends: no new request after it
   * @param slices how many equal parts the measured time has (at least 1)
   */
  public record Schedule(long start, long from, long end, int slices) {

    public Schedule {
      if (slices < 1 || from < start || end <= from) {
        throw new IllegalArgumentException("a schedule needs a measured time and a slice");
      }
    }

    /** Users start now. */
    public static Schedule startingNow(Duration warmup, Duration measured, int slices) {
      long start = System.nanoTime();
      long from = start + warmup.toNanos();
      return new Schedule(start, from, from + measured.toNanos(), slices);
    }

    /** When slice {@code k} starts (from 0); {@code boundary(slices)} is the end. */
    public long boundary(int k) {
      return from + Math.ceilDiv(Math.multiplyExact(end - from, (long) k), slices);
    }

    /**
     * The slice a request that ended at {@code nanos} (in the measured time or after it) is
     * recorded in: the last slice whose {@link #boundary} is not after it, so a request still in
     * flight at the end counts in the last slice.
     */
    public int slice(long nanos) {
      if (nanos < from) {
        throw new IllegalArgumentException("in the warm-up");
      }
      long k = Math.multiplyExact(nanos - from, (long) slices) / (end - from);
      return (int) Math.min(k, slices - 1);
    }

    public Duration measured() {
      return Duration.ofNanos(end - from);
    }
  }

  /**
   * What a run recorded.
   *
   * @param latencies every request of the measured time
   * @param slices the same, by slice of the measured time
   * @param warmup the requests that ended in the warm-up
   * @param seconds how long requests were recorded for
   */
  public record Result(
      Latencies latencies, List<Latencies> slices, Latencies warmup, double seconds) {

    public double requestsPerSecond() {
      return latencies.count() / seconds;
    }
  }

  private Load() {}

  /**
   * Runs the users: warm-up, then the measured time, in one slice.
   *
   * @param think wait 1 to 3 s between requests (false: none, to saturate the app)
   */
  public static Result run(
      List<AppClient> users, Mix mix, Duration warmup, Duration measured, boolean think, long seed)
      throws InterruptedException {
    return run(users, mix, Schedule.startingNow(warmup, measured, 1), think, seed);
  }

  /**
   * Runs the users on a schedule (which may have started already: the users start at once).
   *
   * @param think wait 1 to 3 s between requests (false: none, to saturate the app)
   */
  public static Result run(
      List<AppClient> users, Mix mix, Schedule schedule, boolean think, long seed)
      throws InterruptedException {
    List<Future<Recorded>> running = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < users.size(); i++) {
        AppClient user = users.get(i);
        SplittableRandom random = random(seed, i);
        running.add(threads.submit(() -> user(user, mix, random, schedule, think)));
      }
      Recorded all = new Recorded(schedule.slices());
      for (Future<Recorded> f : running) {
        try {
          all.addAll(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          throw new BenchFailure("A virtual user failed: " + e.getCause(), e.getCause());
        }
      }
      Latencies measured = new Latencies();
      java.util.Arrays.stream(all.slices).forEach(measured::addAll);
      return new Result(
          measured, List.of(all.slices), all.warmup, schedule.measured().toNanos() / 1e9);
    }
  }

  /** The random numbers of user {@code index} for a seed. */
  static SplittableRandom random(long seed, int index) {
    return new SplittableRandom(seed * 1_000_003L + index);
  }

  /** One user's requests (or all of them), in the warm-up and in each slice. */
  private static final class Recorded {
    final Latencies warmup = new Latencies();
    final Latencies[] slices;

    Recorded(int n) {
      slices = new Latencies[n];
      for (int k = 0; k < n; k++) {
        slices[k] = new Latencies();
      }
    }

    void addAll(Recorded other) {
      warmup.addAll(other.warmup);
      for (int k = 0; k < slices.length; k++) {
        slices[k].addAll(other.slices[k]);
      }
    }
  }

  private static Recorded user(
      AppClient user, Mix mix, SplittableRandom random, Schedule schedule, boolean think)
      throws InterruptedException {
    Recorded mine = new Recorded(schedule.slices());
    long end = schedule.end();
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
      Latencies into = t1 < schedule.from() ? mine.warmup : mine.slices[schedule.slice(t1)];
      into.record(e.name(), t1 - t0, o.bytes(), o.problem());
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
