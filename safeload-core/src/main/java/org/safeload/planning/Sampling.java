package org.safeload.planning;

import java.util.SplittableRandom;

/**
 * Exact samplers for the projection's inner loop, on primitives: binomial and Poisson by inversion
 * from the mode (the outcomes are tried in the order mode, mode − 1, mode + 1, mode − 2, …, each
 * taking its probability from one uniform number: any order of the outcomes gives the exact
 * distribution, and starting at the mode takes about one standard deviation of steps; a binomial
 * keeps the order and running sums for each number of trials it meets), and the triangular
 * distribution by its inverse distribution function.
 */
final class Sampling {

  private Sampling() {}

  /** ln(k!) for k below this are kept in a table; above, Stirling's series. */
  private static final int TABLE = 4096;

  private static final double[] LOG_FACTORIAL = new double[TABLE];

  static {
    double sum = 0;
    for (int k = 2; k < TABLE; k++) {
      sum += Math.log(k);
      LOG_FACTORIAL[k] = sum;
    }
  }

  /** ln(k!). */
  static double logFactorial(int k) {
    if (k < TABLE) {
      return LOG_FACTORIAL[k];
    }
    double n = k;
    return n * Math.log(n)
        - n
        + 0.5 * Math.log(2 * Math.PI * n)
        + 1 / (12 * n)
        - 1 / (360 * n * n * n);
  }

  /** How many trial counts a binomial's cache of mode probabilities holds. */
  static final int CACHED = 1024;

  /**
   * A binomial with its probability fixed: the logarithms and odds worked out once and, for each
   * number of trials below {@link #CACHED}, the outcomes in the order the inversion tries them with
   * their running sums, worked out the first time that number comes up; a draw is then one uniform
   * number and a few comparisons. Not shared between threads.
   */
  static final class Binomial {
    final double p;
    private final double lp;
    private final double lq;
    private final double odds;
    private final double[][] sums = new double[CACHED][];
    private final int[][] outcomes = new int[CACHED][];

    Binomial(double p) {
      this.p = p;
      this.lp = Math.log(p);
      this.lq = Math.log1p(-p);
      this.odds = p / (1 - p);
    }

    /** Successes in {@code n} trials. */
    int draw(SplittableRandom random, int n) {
      if (n <= 0 || p <= 0) {
        return 0;
      }
      if (p >= 1) {
        return n;
      }
      int mode = Math.min(n, (int) ((n + 1) * p));
      if (n >= CACHED) {
        return fromMode(random, n, mode, modeProbability(n, mode), odds);
      }
      double[] sum = sums[n];
      if (sum == null) {
        table(n, mode);
        sum = sums[n];
      }
      int[] out = outcomes[n];
      while (true) {
        double u = random.nextDouble();
        for (int i = 0; i < sum.length; i++) {
          if (u < sum[i]) {
            return out[i];
          }
        }
        // Rounding left a sliver of [0, 1) unassigned: draw again, as fromMode does.
      }
    }

    /** The outcomes in fromMode's order and their running sums (to where they vanish). */
    private void table(int n, int mode) {
      double[] sum = new double[n + 1];
      int[] out = new int[n + 1];
      double fMode = modeProbability(n, mode);
      int k = 0;
      double total = fMode;
      sum[k] = total;
      out[k++] = mode;
      double fDown = fMode;
      double fUp = fMode;
      int down = mode;
      int up = mode;
      while ((down > 0 || up < n) && (fDown > 1e-300 || fUp > 1e-300)) {
        if (down > 0) {
          fDown = fDown * down / ((n - down + 1) * odds);
          down--;
          total += fDown;
          sum[k] = total;
          out[k++] = down;
        }
        if (up < n) {
          fUp = fUp * (n - up) * odds / (up + 1);
          up++;
          total += fUp;
          sum[k] = total;
          out[k++] = up;
        }
      }
      sums[n] = java.util.Arrays.copyOf(sum, k);
      outcomes[n] = java.util.Arrays.copyOf(out, k);
    }

    private double modeProbability(int n, int mode) {
      return Math.exp(
          logFactorial(n)
              - logFactorial(mode)
              - logFactorial(n - mode)
              + mode * lp
              + (n - mode) * lq);
    }
  }

  /**
   * Inversion from the mode: outcomes tried in the order mode, mode − 1, mode + 1, … with {@code
   * fMode} the probability of the mode and {@code odds = p / (1 − p)}.
   */
  private static int fromMode(SplittableRandom random, int n, int mode, double fMode, double odds) {
    while (true) {
      double u = random.nextDouble() - fMode;
      if (u < 0) {
        return mode;
      }
      double fDown = fMode;
      double fUp = fMode;
      int down = mode;
      int up = mode;
      while (down > 0 || up < n) {
        if (down > 0) {
          // f(k − 1) = f(k) · k / (n − k + 1) · (1 − p) / p
          fDown = fDown * down / ((n - down + 1) * odds);
          down--;
          u -= fDown;
          if (u < 0) {
            return down;
          }
        }
        if (up < n) {
          // f(k + 1) = f(k) · (n − k) / (k + 1) · p / (1 − p)
          fUp = fUp * (n - up) * odds / (up + 1);
          up++;
          u -= fUp;
          if (u < 0) {
            return up;
          }
        }
      }
      // Rounding left a sliver of [0, 1) unassigned: draw again (as likely as 1 in 10^12).
    }
  }

  /** A binomial draw (working out its logarithms each time: for tests and one-offs). */
  static int binomial(SplittableRandom random, int n, double p) {
    if (p <= 0 || p >= 1 || n <= 0) {
      return p <= 0 || n <= 0 ? 0 : n;
    }
    return new Binomial(p).draw(random, n);
  }

  /** A Poisson draw of mean {@code mean}. */
  static int poisson(SplittableRandom random, double mean) {
    return poisson(random, mean, poissonMode(mean));
  }

  /** The probability of a Poisson distribution's mode, ⌊mean⌋. */
  static double poissonMode(double mean) {
    if (mean <= 0) {
      return 1;
    }
    int mode = (int) mean;
    return Math.exp(-mean + mode * Math.log(mean) - logFactorial(mode));
  }

  /** A Poisson draw of mean {@code mean}, its mode's probability given ({@link #poissonMode}). */
  static int poisson(SplittableRandom random, double mean, double fMode) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > ProjectionInput.MAX_REFERRALS_PER_MONTH * 12 || fMode <= 0) {
      // Inputs are bounded far below this (Referrals); the search from the mode would not end.
      throw new IllegalArgumentException("a Poisson mean of at most 1,200,000 (not " + mean + ")");
    }
    int mode = (int) mean;
    while (true) {
      double u = random.nextDouble() - fMode;
      if (u < 0) {
        return mode;
      }
      double fDown = fMode;
      double fUp = fMode;
      int down = mode;
      int up = mode;
      // The upper tail is endless: stop once both sides' probabilities are negligible.
      while (up < Integer.MAX_VALUE - 1) {
        if (down > 0) {
          fDown = fDown * down / mean;
          down--;
          u -= fDown;
          if (u < 0) {
            return down;
          }
        }
        fUp = fUp * mean / (up + 1);
        up++;
        u -= fUp;
        if (u < 0) {
          return up;
        }
        if (fUp < 1e-300 && (down == 0 || fDown < 1e-300)) {
          break;
        }
      }
    }
  }

  /**
   * A triangular draw from one uniform number {@code u} in [0, 1): lowest {@code min}, most likely
   * {@code mode}, highest {@code max}.
   */
  static double triangular(double u, double min, double mode, double max) {
    if (max <= min) {
      return min;
    }
    double range = max - min;
    double split = (mode - min) / range;
    if (u < split) {
      return min + Math.sqrt(u * range * (mode - min));
    }
    return max - Math.sqrt((1 - u) * range * (max - mode));
  }

  /** A well-mixed 64-bit value (Stafford's variant 13), to seed run {@code k} of a projection. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /**
   * The generator for run {@code run} of a projection seeded {@code seed}: independent of threads.
   */
  static SplittableRandom forRun(long seed, int run) {
    return new SplittableRandom(mix(seed ^ mix(run + 0x632be59bd9b4e019L)));
  }
}
