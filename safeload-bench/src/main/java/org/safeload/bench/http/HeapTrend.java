package org.safeload.bench.http;

import java.util.ArrayList;
import java.util.List;

/**
 * How the app's heap went over a long run, slice by slice, from its GC log: whether it stayed flat
 * or grew. The soak asks for a full collection at the end of the warm-up and of every slice (its GC
 * log shows {@code Pause Full}); what a full collection leaves is the live data, so the figure
 * compared is the heap after the last full collection of a slice. Where a slice has none (no {@code
 * jcmd}), it is the most still used after any collection in the slice.
 *
 * <p>Flat, precisely: the app ran to the end without an {@code OutOfMemoryError}, and the last
 * slice's figure is at most the first slice's plus {@value #TOLERANCE_PERCENT}% of it, or plus
 * {@value #TOLERANCE_FLOOR_MB} MB when that is more (a small heap moves by a few MB with caches).
 * Comparing the first slice with the last, not the warm-up with the last, leaves the warm-up's
 * caches out. The least-squares slope of the same figure against time is printed as well: it shows
 * a steady growth that the two ends alone might hide.
 */
public final class HeapTrend {

  /** How much the last slice may be above the first, in percent of the first. */
  public static final int TOLERANCE_PERCENT = 10;

  /** ... or in MB, when that is more. */
  public static final int TOLERANCE_FLOOR_MB = 16;

  private static final double MB = 1024 * 1024;

  /**
   * One slice's collections.
   *
   * @param from when it starts, in seconds of the app's uptime
   * @param to when it ends (its last full collection is just before)
   * @param collections how many pauses were logged in it
   * @param meanLive the mean of what was still used after each of them, in bytes
   * @param maxLive the most still used after one of them, in bytes
   * @param maxUsed the most used before one of them (the heap's peak), in bytes
   * @param liveAfterFull what its last full collection left, in bytes; -1 when it had none
   */
  public record Slice(
      double from,
      double to,
      int collections,
      double meanLive,
      long maxLive,
      long maxUsed,
      long liveAfterFull) {

    /** The figure compared: the live heap after the last full collection, else the most live. */
    public long live() {
      return liveAfterFull >= 0 ? liveAfterFull : maxLive;
    }
  }

  /**
   * Whether the heap stayed flat, and why.
   *
   * @param first the first slice's figure, in bytes
   * @param last the last slice's figure, in bytes
   * @param allowance how much more the last may be, in bytes
   */
  public record Verdict(boolean flat, long first, long last, long allowance, String why) {}

  private final List<Slice> slices;
  private final long baseline;
  private final double slope;
  private final double slopeAll;

  private HeapTrend(List<Slice> slices, long baseline, double slope, double slopeAll) {
    this.slices = slices;
    this.baseline = baseline;
    this.slope = slope;
    this.slopeAll = slopeAll;
  }

  /**
   * Cuts the collections into slices.
   *
   * @param pauses the GC log's collections, in order, with their uptime
   * @param boundaries when each slice starts and the last ends, in seconds of uptime, ascending: n
   *     slices have n + 1
   */
  public static HeapTrend of(List<GcLog.Pause> pauses, List<Double> boundaries) {
    if (boundaries.size() < 2) {
      throw new IllegalArgumentException("a slice needs a start and an end");
    }
    for (int i = 1; i < boundaries.size(); i++) {
      if (!(boundaries.get(i) > boundaries.get(i - 1))) {
        throw new IllegalArgumentException("boundaries must ascend: " + boundaries);
      }
    }
    long baseline = -1;
    for (GcLog.Pause p : pauses) {
      if (p.full() && p.uptime() < boundaries.getFirst()) {
        baseline = p.live();
      }
    }
    List<Slice> slices = new ArrayList<>();
    List<double[]> all = new ArrayList<>();
    for (int i = 0; i + 1 < boundaries.size(); i++) {
      double from = boundaries.get(i);
      double to = boundaries.get(i + 1);
      int n = 0;
      double sum = 0;
      long maxLive = 0;
      long maxUsed = 0;
      long full = -1;
      for (GcLog.Pause p : pauses) {
        if (p.uptime() >= from && p.uptime() < to) {
          n++;
          sum += p.live();
          maxLive = Math.max(maxLive, p.live());
          maxUsed = Math.max(maxUsed, p.used());
          if (p.full()) {
            full = p.live();
          }
          all.add(new double[] {p.uptime(), p.live()});
        }
      }
      slices.add(new Slice(from, to, n, n == 0 ? 0 : sum / n, maxLive, maxUsed, full));
    }
    double[] x = slices.stream().mapToDouble(Slice::to).toArray();
    double[] y = slices.stream().mapToDouble(Slice::live).toArray();
    return new HeapTrend(
        List.copyOf(slices),
        baseline,
        slope(x, y),
        slope(
            all.stream().mapToDouble(p -> p[0]).toArray(),
            all.stream().mapToDouble(p -> p[1]).toArray()));
  }

  /**
   * The least-squares slope of y against x: Σ(x − x̄)(y − ȳ) / Σ(x − x̄)²; 0 with fewer than two
   * points or all at the same x.
   */
  static double slope(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("as many x as y");
    }
    int n = x.length;
    if (n < 2) {
      return 0;
    }
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    return sxx == 0 ? 0 : sxy / sxx;
  }

  public List<Slice> slices() {
    return slices;
  }

  /** What the full collection at the end of the warm-up left, in bytes; -1 when there was none. */
  public long baseline() {
    return baseline;
  }

  /** Whether every slice ends with a full collection, so {@link Slice#live} is the live data. */
  public boolean fullCollections() {
    return slices.stream().allMatch(s -> s.liveAfterFull() >= 0);
  }

  /**
   * The least-squares slope of each slice's figure ({@link Slice#live}) against the slice's end, in
   * MB per 10 minutes.
   */
  public double mbPer10Minutes() {
    return slope * 600 / MB;
  }

  /**
   * The least-squares slope of what every collection in the slices left against its time, in MB per
   * 10 minutes (young collections included: a saw-tooth, so only a rough guide).
   */
  public double mbPer10MinutesAllCollections() {
    return slopeAll * 600 / MB;
  }

  /**
   * Flat or not (the class comment says precisely what flat means).
   *
   * @param healthy the app ran to the end and logged no {@code OutOfMemoryError}
   */
  public Verdict verdict(boolean healthy) {
    long first = slices.getFirst().live();
    long last = slices.getLast().live();
    long allowance =
        Math.max(first * TOLERANCE_PERCENT / 100, (long) TOLERANCE_FLOOR_MB * (1 << 20));
    String measure =
        fullCollections()
            ? "live heap after the full collection ending each slice"
            : "most heap still used after a collection in a slice";
    String sizes =
        String.format(
            "%s: first slice %.0f MB, last %.0f MB (%+.1f MB; allowed +%.1f MB: %d%% or %d MB)",
            measure,
            first / MB,
            last / MB,
            (last - first) / MB,
            allowance / MB,
            TOLERANCE_PERCENT,
            TOLERANCE_FLOOR_MB);
    if (!healthy) {
      return new Verdict(
          false, first, last, allowance, "the app ran out of memory or stopped; " + sizes);
    }
    if (slices.size() < 2) {
      return new Verdict(false, first, last, allowance, "one slice: nothing to compare");
    }
    if (slices.getFirst().collections() == 0 || slices.getLast().collections() == 0) {
      return new Verdict(false, first, last, allowance, "no collection logged in a slice");
    }
    return new Verdict(last - first <= allowance, first, last, allowance, sizes);
  }
}
