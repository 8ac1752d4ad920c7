package org.safeload.bench.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Response times, errors and response sizes, by endpoint. Each virtual user keeps its own (no
 * locking while the load runs); they are added together at the end.
 */
public final class Latencies {

  /** The most distinct problems kept per endpoint, to show what went wrong. */
  static final int PROBLEMS_KEPT = 3;

  private final Map<String, Series> byEndpoint = new LinkedHashMap<>();

  /**
   * One request's outcome.
   *
   * @param problem what went wrong ({@code HTTP 500}, an exception), or null when it answered 2xx
   */
  public void record(String endpoint, long nanos, long bytes, String problem) {
    byEndpoint.computeIfAbsent(endpoint, e -> new Series()).add(nanos, bytes, problem);
  }

  /** Adds another's requests to these. */
  public void addAll(Latencies other) {
    other.byEndpoint.forEach(
        (endpoint, series) -> byEndpoint.computeIfAbsent(endpoint, e -> new Series()).add(series));
  }

  /** The summary of one endpoint's requests (all zero when it had none). */
  public Summary summary(String endpoint) {
    Series s = byEndpoint.get(endpoint);
    return s == null ? Summary.of(endpoint, new long[0], 0, 0, List.of()) : s.summary(endpoint);
  }

  /** The summary of every request. */
  public Summary overall(String name) {
    Series all = new Series();
    byEndpoint.values().forEach(all::add);
    return all.summary(name);
  }

  /** How many requests were recorded. */
  public int count() {
    return byEndpoint.values().stream().mapToInt(s -> s.count).sum();
  }

  /**
   * The value at a percentile by the nearest-rank method: the smallest value such that at least
   * {@code percent}% of the values are at or below it.
   *
   * @param sorted values in ascending order, at least one
   * @param percent from above 0 to 100
   */
  public static long percentile(long[] sorted, double percent) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("percentile must be above 0 and at most 100: " + percent);
    }
    int rank = (int) Math.ceil(percent / 100 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  /**
   * An endpoint's figures; times in milliseconds.
   *
   * @param bytes the mean response body size
   */
  public record Summary(
      String name,
      int count,
      int errors,
      double p50,
      double p95,
      double p99,
      double max,
      double mean,
      long bytes,
      List<String> problems) {

    static Summary of(String name, long[] nanos, int errors, long bytes, List<String> problems) {
      if (nanos.length == 0) {
        return new Summary(name, 0, errors, 0, 0, 0, 0, 0, 0, problems);
      }
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      return new Summary(
          name,
          sorted.length,
          errors,
          ms(percentile(sorted, 50)),
          ms(percentile(sorted, 95)),
          ms(percentile(sorted, 99)),
          ms(sorted[sorted.length - 1]),
          ms(Arrays.stream(sorted).sum() / (double) sorted.length),
          bytes / sorted.length,
          problems);
    }

    private static double ms(double nanos) {
      return nanos / 1_000_000.0;
    }
  }

  /** One endpoint's requests. */
  private static final class Series {
    private long[] nanos = new long[64];
    private int count;
    private int errors;
    private long bytes;
    private final List<String> problems = new ArrayList<>();

    void add(long time, long size, String problem) {
      if (count == nanos.length) {
        nanos = Arrays.copyOf(nanos, count * 2);
      }
      nanos[count++] = time;
      bytes += size;
      if (problem != null) {
        errors++;
        keep(problem);
      }
    }

    void add(Series other) {
      if (count + other.count > nanos.length) {
        nanos = Arrays.copyOf(nanos, Math.max(nanos.length * 2, count + other.count));
      }
      System.arraycopy(other.nanos, 0, nanos, count, other.count);
      count += other.count;
      errors += other.errors;
      bytes += other.bytes;
      other.problems.forEach(this::keep);
    }

    private void keep(String problem) {
      if (problems.size() < PROBLEMS_KEPT && !problems.contains(problem)) {
        problems.add(problem);
      }
    }

    Summary summary(String name) {
      return Summary.of(name, Arrays.copyOf(nanos, count), errors, bytes, List.copyOf(problems));
    }
  }
}
