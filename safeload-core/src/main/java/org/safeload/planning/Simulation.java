package org.safeload.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.safeload.money.ContractCosting;

/**
 * The runs of a capacity projection ({@link CapacityProjection#simulate}): for each team, month and
 * run, the open cases, the weighted caseload, and the FTE, case caps and agency workers without the
 * managed teams. Managed teams are added when the runs are summarised ({@link #project}), so any
 * number of options and tapers are judged against the same runs.
 */
public final class Simulation {

  private final ProjectionInput input;
  private final List<TeamModel> teams;
  private final int months;
  private final int runs;

  /** By ((team × months) + month) × runs + run. */
  private final int[] open;

  private final int[] weighted100;
  private final int[] fte100;
  private final int[] cap;
  private final int[] agency;

  Simulation(ProjectionInput input, List<TeamModel> teams) {
    this.input = input;
    this.teams = teams;
    this.months = input.months();
    this.runs = input.runs();
    int size = Math.multiplyExact(Math.multiplyExact(teams.size(), months), runs);
    open = new int[size];
    weighted100 = new int[size];
    fte100 = new int[size];
    cap = new int[size];
    agency = new int[size];
  }

  public ProjectionInput input() {
    return input;
  }

  List<TeamModel> teams() {
    return teams;
  }

  void record(int t, int m, int r, int o, int w, int f, int c, int a) {
    int i = (t * months + m) * runs + r;
    open[i] = o;
    weighted100[i] = w;
    fte100[i] = f;
    cap[i] = c;
    agency[i] = a;
  }

  /** A team's position in the input. */
  public int teamIndex(String id) {
    for (int t = 0; t < teams.size(); t++) {
      if (teams.get(t).id.equals(id)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no team " + id);
  }

  /** The projection with the input's managed-team options. */
  public Projection project(ContractCosting costing) {
    return project(costing, input.managed());
  }

  /** The projection with other managed-team options (or tapers), against the same runs. */
  public Projection project(ContractCosting costing, List<ManagedTeam> options) {
    int[][] managed = new int[teams.size()][months];
    long[][] managedPence = new long[teams.size()][months];
    for (ManagedTeam option : options) {
      int t = teamIndex(option.team());
      int[] k = ManagedCosts.workers(option, input.start(), months);
      long[] pence = ManagedCosts.pence(option, input.start(), months, costing);
      for (int m = 0; m < months; m++) {
        managed[t][m] += k[m];
        managedPence[t][m] += pence[m];
      }
    }
    return summarise(managed, managedPence);
  }

  /**
   * For each month m and each k from 0 to {@code most}: the runs in breach in team t with k managed
   * social workers besides {@code others[m]}, {@code [m][k]}. One pass over the runs: a run
   * breaches with k workers exactly when k is below the fewest that bring it to the target.
   */
  int[][] breachTable(int t, int most, int[] others) {
    return breachTable(new int[] {t}, most, others);
  }

  /**
   * As {@link #breachTable(int, int, int[])} for several teams taken together (the service: each
   * run's weighted cases and FTE added up over them).
   */
  int[][] breachTable(int[] together, int most, int[] others) {
    int[][] out = new int[months][most + 1];
    long target100 = target100();
    for (int m = 0; m < months; m++) {
      int[] needing = new int[most + 2];
      for (int r = 0; r < runs; r++) {
        long w = 0;
        long f = 100L * others[m];
        for (int t : together) {
          int at = (t * months + m) * runs + r;
          w += weighted100[at];
          f += fte100[at];
        }
        // The fewest k with w·100 ≤ target100·(f + 100k).
        int k;
        if (!breach(w, f, target100)) {
          k = 0;
        } else {
          long need = w * 100 - target100 * f; // > 0
          long per = target100 * 100;
          long whole = (need + per - 1) / per;
          k = (int) Math.min(most + 1, whole);
        }
        needing[k]++;
      }
      // Runs in breach with k workers: those needing more than k.
      int above = runs;
      for (int k = 0; k <= most; k++) {
        above -= needing[k];
        out[m][k] = above;
      }
    }
    return out;
  }

  private long target100() {
    return input.target().movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  /** Weighted (hundredths) per FTE (hundredths) above the target (hundredths). */
  private static boolean breach(long w100, long fte100, long target100) {
    return w100 * 100 > target100 * fte100;
  }

  private Projection summarise(int[][] managed, long[][] managedPence) {
    long target100 = target100();
    int teamCount = teams.size();
    List<List<Projection.Month>> teamMonths = new ArrayList<>();
    for (int t = 0; t < teamCount; t++) {
      teamMonths.add(new ArrayList<>());
    }
    List<Projection.Month> serviceMonths = new ArrayList<>();
    int[] sOpen = new int[runs];
    long[] sW = new long[runs];
    long[] sF = new long[runs];
    int[] sUn = new int[runs];
    int[] sAg = new int[runs];
    long[] sCost = new long[runs];
    int[] fte = new int[runs];
    int[] ratio = new int[runs];
    int[] unallocated = new int[runs];
    for (int m = 0; m < months; m++) {
      java.util.Arrays.fill(sOpen, 0);
      java.util.Arrays.fill(sW, 0);
      java.util.Arrays.fill(sF, 0);
      java.util.Arrays.fill(sUn, 0);
      java.util.Arrays.fill(sAg, 0);
      java.util.Arrays.fill(sCost, 0);
      int sManaged = 0;
      long sManagedPence = 0;
      for (int t = 0; t < teamCount; t++) {
        TeamModel team = teams.get(t);
        int base = (t * months + m) * runs;
        int k = managed[t][m];
        long rate = team.agencyRatePence;
        long fixedPence = managedPence[t][m];
        int n = 0;
        for (int r = 0; r < runs; r++) {
          int i = base + r;
          int f = fte100[i] + 100 * k;
          int w = weighted100[i];
          long c = (long) cap[i] + (long) k * team.capPerAgencyWorker;
          fte[r] = f;
          ratio[r] = ratio(w, f);
          unallocated[r] = (int) Math.max(0, open[i] - c);
          if (breach(w, f, target100)) {
            n++;
          }
          sOpen[r] += open[i];
          sW[r] += w;
          sF[r] += f;
          sUn[r] += unallocated[r];
          sAg[r] += agency[i];
          sCost[r] += rate * agency[i];
        }
        sManaged += k;
        sManagedPence += fixedPence;
        Projection.Band agencyBand = band(agency, base, 0);
        Projection.Band cost = affine(agency, base, rate, fixedPence);
        teamMonths
            .get(t)
            .add(
                new Projection.Month(
                    month(m),
                    band(open, base, 0),
                    band(ratio, 0, 2),
                    band(unallocated, 0, 0),
                    band(fte, 0, 2),
                    agencyBand,
                    k,
                    pounds(fixedPence),
                    cost,
                    probability(n),
                    n));
      }
      int n = 0;
      int[] sRatio = ratio;
      int[] sFte = fte;
      for (int r = 0; r < runs; r++) {
        sRatio[r] = ratioLong(sW[r], sF[r]);
        sFte[r] = (int) sF[r];
        if (breach(sW[r], sF[r], target100)) {
          n++;
        }
        sCost[r] += sManagedPence;
      }
      serviceMonths.add(
          new Projection.Month(
              month(m),
              band(sOpen, 0, 0),
              band(sRatio, 0, 2),
              band(sUn, 0, 0),
              band(sFte, 0, 2),
              band(sAg, 0, 0),
              sManaged,
              pounds(sManagedPence),
              moneyBand(sCost),
              probability(n),
              n));
    }
    List<Projection.Figures> figures = new ArrayList<>();
    for (int t = 0; t < teamCount; t++) {
      figures.add(new Projection.Figures(teams.get(t).id, teamMonths.get(t)));
    }
    return new Projection(
        input.start(),
        months,
        runs,
        input.seed(),
        input.target(),
        figures,
        new Projection.Figures(null, serviceMonths));
  }

  private YearMonth month(int m) {
    return input.start().plusMonths(m);
  }

  /** Weighted per FTE in hundredths, half up; {@link Integer#MAX_VALUE} for cases with no FTE. */
  private static int ratio(int w100, int f100) {
    return ratioLong(w100, f100);
  }

  private static int ratioLong(long w100, long f100) {
    if (f100 <= 0) {
      return w100 == 0 ? 0 : Integer.MAX_VALUE;
    }
    return (int) ((w100 * 100 * 2 + f100) / (2 * f100));
  }

  private BigDecimal probability(int n) {
    return BigDecimal.valueOf(n).divide(BigDecimal.valueOf(runs), 4, RoundingMode.HALF_UP);
  }

  private static BigDecimal pounds(long pence) {
    return BigDecimal.valueOf(pence, 2);
  }

  /** Bands of {@code values[from, from + runs)} in units of 10^-scale. */
  private Projection.Band band(int[] values, int from, int scale) {
    int[] q = Quantiles.bands(values, from, runs);
    long sum = 0;
    boolean undefined = false;
    for (int i = from; i < from + runs; i++) {
      if (values[i] == Integer.MAX_VALUE) {
        undefined = true;
      } else {
        sum += values[i];
      }
    }
    BigDecimal mean =
        undefined
            ? null
            : BigDecimal.valueOf(sum)
                .divide(BigDecimal.valueOf(runs).movePointRight(scale), 2, RoundingMode.HALF_UP)
                .setScale(2, RoundingMode.HALF_UP);
    return new Projection.Band(value(q[0], scale), value(q[1], scale), value(q[2], scale), mean);
  }

  private static BigDecimal value(int v, int scale) {
    return v == Integer.MAX_VALUE ? null : BigDecimal.valueOf(v, scale);
  }

  /** The bands of {@code fixed + rate × values}: the same ranks, as the map only rises. */
  private Projection.Band affine(int[] values, int from, long rate, long fixed) {
    int[] q = Quantiles.bands(values, from, runs);
    long sum = 0;
    for (int i = from; i < from + runs; i++) {
      sum += values[i];
    }
    BigDecimal mean =
        BigDecimal.valueOf(sum * rate)
            .divide(BigDecimal.valueOf(runs), 0, RoundingMode.HALF_UP)
            .add(BigDecimal.valueOf(fixed));
    return new Projection.Band(
        pounds(fixed + rate * q[0]),
        pounds(fixed + rate * q[1]),
        pounds(fixed + rate * q[2]),
        mean.movePointLeft(2).setScale(2, RoundingMode.HALF_UP));
  }

  private Projection.Band moneyBand(long[] pence) {
    long[] q = Quantiles.bands(pence);
    long sum = 0;
    for (long p : pence) {
      sum += p;
    }
    BigDecimal mean =
        BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(runs), 0, RoundingMode.HALF_UP);
    return new Projection.Band(
        pounds(q[0]),
        pounds(q[1]),
        pounds(q[2]),
        mean.movePointLeft(2).setScale(2, RoundingMode.HALF_UP));
  }
}
