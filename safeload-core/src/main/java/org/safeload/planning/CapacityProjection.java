package org.safeload.planning;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.safeload.money.ContractCosting;
import org.safeload.timeliness.CaseType;

/**
 * The capacity projection (docs/projection.md; ADR 0019): a Monte Carlo simulation of each team's
 * open cases and case-holding workers month by month. Each run has its own generator, seeded from
 * the projection's seed and the run's number, so the answer does not depend on how many threads
 * share the runs, and every option or taper is judged against the same runs (common random numbers:
 * nothing random depends on a managed team's size).
 *
 * <p>In each month, in this order: ASYE workers whose year is over hold cases at an experienced
 * worker's limits; each permanent worker holding cases leaves with the monthly turnover
 * probability; starters and recruits whose day has come start holding cases; agency workers are
 * counted (fixed, plus one per vacancy under the backfill rule); each open case ends, changes type
 * or stays ({@link CaseMoves}); the month's new cases arrive as assessments. The figures are those
 * at the month's end.
 */
public final class CapacityProjection {

  private CapacityProjection() {}

  /** Runs the simulation on the common fork-join pool. */
  public static Simulation simulate(ProjectionInput input) {
    return simulate(input, true);
  }

  /**
   * Runs the simulation, on the common fork-join pool or on this thread only; the result is the
   * same either way.
   */
  public static Simulation simulate(ProjectionInput input, boolean parallel) {
    List<TeamModel> teams = input.teams().stream().map(t -> new TeamModel(t, input)).toList();
    Simulation sim = new Simulation(input, teams);
    int runs = input.runs();
    int block = 64;
    int blocks = (runs + block - 1) / block;
    // One runner per thread (its samplers keep tables); each run still has its own generator.
    ThreadLocal<Runner> runners = ThreadLocal.withInitial(() -> new Runner(sim));
    IntStream stream = IntStream.range(0, blocks);
    (parallel ? stream.parallel() : stream)
        .forEach(
            b -> {
              Runner runner = runners.get();
              for (int r = b * block; r < Math.min(runs, (b + 1) * block); r++) {
                runner.run(r);
              }
            });
    return sim;
  }

  /** Simulates and summarises the input's options, costed by the money engine. */
  public static Projection project(ProjectionInput input, ContractCosting costing) {
    return simulate(input).project(costing);
  }

  /** One thread's working arrays, reused run after run. */
  private static final class Runner {
    private final Simulation sim;
    private final ProjectionInput in;
    private final int h;
    private final int slots;
    private final Sampling.Binomial[][] draws = new Sampling.Binomial[CaseMoves.TYPES][];
    private final int[][] outcome = new int[CaseMoves.TYPES][];
    private final int[] weight100 = new int[CaseMoves.TYPES];
    private final Sampling.Binomial leaving;
    private final int[] counts = new int[CaseMoves.TYPES];
    private final int[] next = new int[CaseMoves.TYPES];
    private int[] exp = new int[0];
    private int[] asye = new int[0];
    private int[] joinExp = new int[0];
    private int[] joinAsye = new int[0];
    private int[] joinAsyeSum = new int[0];
    private int[] asyeTotal = new int[0];

    Runner(Simulation sim) {
      this.sim = sim;
      this.in = sim.input();
      this.h = in.months();
      this.slots = h + 2;
      double[][] table = in.moves().table();
      for (int from = 0; from < CaseMoves.TYPES; from++) {
        // The outcomes in turn, each conditional on the case not having taken an earlier one.
        int[] outs = new int[CaseMoves.TYPES + 1];
        double[] ps = new double[CaseMoves.TYPES + 1];
        int n = 0;
        double left = 1;
        for (int to = 0; to <= CaseMoves.TYPES; to++) {
          double p = table[from][to];
          if (p <= 0) {
            continue;
          }
          outs[n] = to;
          ps[n] = left <= 0 ? 1 : Math.min(1, p / left);
          left -= p;
          n++;
        }
        outcome[from] = java.util.Arrays.copyOf(outs, n);
        draws[from] = new Sampling.Binomial[n];
        for (int i = 0; i < n; i++) {
          draws[from][i] = new Sampling.Binomial(ps[i]);
        }
      }
      for (CaseType type : CaseType.values()) {
        weight100[type.ordinal()] = TeamModel.weight100(in.policy(), type);
      }
      this.leaving = new Sampling.Binomial(in.monthlyTurnover());
    }

    void run(int r) {
      SplittableRandom random = Sampling.forRun(in.seed(), r);
      List<TeamModel> teams = sim.teams();
      for (int t = 0; t < teams.size(); t++) {
        team(t, teams.get(t), random, r);
      }
    }

    private void team(int t, TeamModel team, SplittableRandom random, int r) {
      int pools = team.pools;
      if (exp.length < pools) {
        exp = new int[pools];
        asyeTotal = new int[pools];
      }
      if (asye.length < pools * slots) {
        asye = new int[pools * slots];
        joinExp = new int[pools * slots];
        joinAsye = new int[pools * slots * slots];
        joinAsyeSum = new int[pools * slots];
      }
      System.arraycopy(team.exp0, 0, exp, 0, pools);
      System.arraycopy(team.asye0, 0, asye, 0, pools * slots);
      System.arraycopy(team.joinExp, 0, joinExp, 0, pools * slots);
      System.arraycopy(team.joinAsye, 0, joinAsye, 0, pools * slots * slots);
      System.arraycopy(team.joinAsyeSum, 0, joinAsyeSum, 0, pools * slots);
      // Recruits: each one's first month holding cases.
      for (int g = 0; g < team.recruitCount.length; g++) {
        Triangular delay = team.recruitDelay[g];
        int pool = team.recruitPool[g];
        for (int k = 0; k < team.recruitCount[g]; k++) {
          double days = delay.max() > delay.min() ? delay.at(random.nextDouble()) : delay.min();
          long holds = team.recruitFrom[g] + Math.round(days) + team.recruitInduction[g];
          int joins = team.monthIndex(holds);
          if (joins > h) {
            continue;
          }
          if (team.recruitAsye[g]) {
            int last = Math.min(Math.max(joins, 0) + 11, h);
            if (joins <= 0) {
              asye[pool * slots + last]++;
            } else {
              joinAsye[(pool * slots + joins) * slots + last]++;
              joinAsyeSum[pool * slots + joins]++;
            }
          } else if (joins <= 0) {
            exp[pool]++;
          } else {
            joinExp[pool * slots + joins]++;
          }
        }
      }
      for (int p = 0; p < pools; p++) {
        int sum = 0;
        for (int last = 0; last < slots; last++) {
          sum += asye[p * slots + last];
        }
        asyeTotal[p] = sum;
      }
      System.arraycopy(team.open0, 0, counts, 0, CaseMoves.TYPES);
      for (int m = 1; m <= h; m++) {
        int permanent = 0;
        int fte100 = 0;
        int cap = 0;
        for (int p = 0; p < pools; p++) {
          int base = p * slots;
          // ASYE over: the cohort whose last ASYE month was the one before.
          int graduates = asye[base + m - 1];
          exp[p] += graduates;
          asyeTotal[p] -= graduates;
          asye[base + m - 1] = 0;
          exp[p] -= leaving.draw(random, exp[p]);
          if (asyeTotal[p] > 0) {
            for (int last = m; last <= h; last++) {
              int n = asye[base + last];
              if (n > 0) {
                int gone = leaving.draw(random, n);
                asye[base + last] = n - gone;
                asyeTotal[p] -= gone;
              }
            }
          }
          exp[p] += joinExp[base + m];
          if (joinAsyeSum[base + m] > 0) {
            int joinBase = (base + m) * slots;
            for (int last = m; last <= h; last++) {
              asye[base + last] += joinAsye[joinBase + last];
            }
            asyeTotal[p] += joinAsyeSum[base + m];
          }
          int asyeHeads = asyeTotal[p];
          int heads = exp[p] + asyeHeads;
          permanent += heads;
          fte100 += heads * team.poolFte100[p];
          cap += exp[p] * team.poolCapExperienced[p] + asyeHeads * team.poolCapAsye[p];
        }
        int agency = team.agencyFixed[m];
        if (team.establishment >= 0) {
          agency += Math.min(team.maxBackfill, Math.max(0, team.establishment - permanent));
        }
        fte100 += agency * 100;
        cap += agency * team.capPerAgencyWorker;

        // Cases: each type's outcomes, then the month's new cases (assessments).
        System.arraycopy(counts, 0, next, 0, CaseMoves.TYPES);
        for (int from = 0; from < CaseMoves.TYPES; from++) {
          int left = counts[from];
          int[] outs = outcome[from];
          for (int i = 0; i < outs.length && left > 0; i++) {
            int x = draws[from][i].draw(random, left);
            left -= x;
            next[from] -= x;
            if (outs[i] < CaseMoves.TYPES) {
              next[outs[i]] += x;
            }
          }
        }
        int arrivals =
            in.referralsVary()
                ? Sampling.poisson(random, team.means[m - 1], team.modeProbability[m - 1])
                : team.fixedArrivals[m];
        next[CaseType.ASSESSMENT.ordinal()] += arrivals;
        int open = 0;
        int w100 = 0;
        for (int c = 0; c < CaseMoves.TYPES; c++) {
          counts[c] = next[c];
          open += next[c];
          w100 += next[c] * weight100[c];
        }
        sim.record(t, m - 1, r, open, w100, fte100, cap, agency);
      }
    }
  }
}
