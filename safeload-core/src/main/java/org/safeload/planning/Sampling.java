package org.safeload.planning;

import java.util.SplittableRandom;

/**
 * Exact samplers for the projection's inner loop, on primitives: binomial and Poisson by inversion
 * from the mode (the outcomes are tried in the order mode, mode − 1, mode + 1, mode − 2, …, each
 * taking its probability from one uniform number: any order of the outcomes gives the exact
 * distribution, and starting at the mode takes about one standard deviation of steps), and the
 * triangular distribution by its inverse distribution function.
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

  /**
   * A binomial draw: successes in {@code n} trials of probability {@code p}, with {@code lp = ln p}
   * and {@code lq = ln(1 − p)} given (worked out once per probability).
   */
  static int binomial(SplittableRandom random, int n, double p, double lp, double lq) {
    if (n <= 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    int mode = (int) ((n + 1) * p);
    if (mode > n) {
      mode = n;
    }
    double fMode =
        Math.exp(
            logFactorial(n)
                - logFactorial(mode)
                - logFactorial(n - mode)
                + mode * lp
                + (n - mode) * lq);
    double odds = p / (1 - p);
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

  /** A binomial draw, working out the logarithms here. */
  static int binomial(SplittableRandom random, int n, double p) {
    if (p <= 0 || p >= 1) {
      return p <= 0 ? 0 : Math.max(n, 0);
    }
    return binomial(random, n, p, Math.log(p), Math.log1p(-p));
  }

  /** A Poisson draw of mean {@code mean}. */
  static int poisson(SplittableRandom random, double mean) {
    if (mean <= 0) {
      return 0;
    }
    int mode = (int) mean;
    double fMode = Math.exp(-mean + mode * Math.log(mean) - logFactorial(mode));
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

  /** The generator for run {@code run} of a projection seeded {@code seed}: independent of threads. */
  static SplittableRandom forRun(long seed, int run) {
    return new SplittableRandom(mix(seed ^ mix(run + 0x632be59bd9b4e019L)));
  }
}
