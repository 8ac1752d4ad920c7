package org.safeload.planning;

import java.util.Arrays;

/**
 * Nearest-rank percentiles of whole numbers: the ⌈q·n⌉-th smallest. By counting when the values
 * span little more than their number (caseloads, headcounts), by sorting otherwise. {@link
 * Integer#MAX_VALUE} stands for "no value" (a caseload per FTE with no FTE) and ranks above all.
 */
final class Quantiles {

  static final double[] BANDS = {0.10, 0.50, 0.90};

  private Quantiles() {}

  /** The 1-based rank of percentile q among n values. */
  static int rank(double q, int n) {
    return Math.max(1, (int) Math.ceil(q * n - 1e-9));
  }

  /** The values at the bands' ranks among {@code values[from, from + n)}. */
  static int[] bands(int[] values, int from, int n) {
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int i = from; i < from + n; i++) {
      int v = values[i];
      if (v != Integer.MAX_VALUE) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    int[] out = new int[BANDS.length];
    if (min == Integer.MAX_VALUE) {
      Arrays.fill(out, Integer.MAX_VALUE);
      return out;
    }
    long span = (long) max - min + 1;
    if (span <= 4L * n + 1024) {
      int[] counts = new int[(int) span];
      for (int i = from; i < from + n; i++) {
        int v = values[i];
        if (v != Integer.MAX_VALUE) {
          counts[v - min]++;
        }
      }
      int b = 0;
      int seen = 0;
      int want = rank(BANDS[0], n);
      for (int k = 0; k < counts.length && b < BANDS.length; k++) {
        seen += counts[k];
        while (b < BANDS.length && seen >= want) {
          out[b++] = min + k;
          if (b < BANDS.length) {
            want = rank(BANDS[b], n);
          }
        }
      }
      while (b < BANDS.length) {
        out[b++] = Integer.MAX_VALUE;
      }
      return out;
    }
    int[] sorted = Arrays.copyOfRange(values, from, from + n);
    Arrays.sort(sorted);
    for (int b = 0; b < BANDS.length; b++) {
      out[b] = sorted[rank(BANDS[b], n) - 1];
    }
    return out;
  }

  /** The values at the bands' ranks (by sorting a copy). */
  static long[] bands(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    long[] out = new long[BANDS.length];
    for (int b = 0; b < BANDS.length; b++) {
      out[b] = sorted[rank(BANDS[b], sorted.length) - 1];
    }
    return out;
  }
}
