package org.safeload.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.safeload.caseload.CaseHolder;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.caseload.Limits;
import org.safeload.organisation.Role;
import org.safeload.timeliness.CaseType;

/**
 * One team's inputs turned into primitives for the inner loop: workers in pools by FTE, each pool
 * with the case caps of an experienced and of an ASYE worker of that FTE; ASYE workers in cohorts
 * by the last month they are at ASYE limits; joiners by the month they start holding cases.
 *
 * <p>Month indices: 0 is the end of the month before the projection; m (1 to H) the end of the m-th
 * projected month; H + 1 stands for "after the projection".
 */
final class TeamModel {

  /** A worker's case cap when the policy has none (large, so nothing is unallocated). */
  static final int NO_CAP = 1_000_000;

  final String id;
  final int months;
  final int[] open0 = new int[CaseMoves.TYPES];
  final double[] means;
  final double[] modeProbability;
  final int[] fixedArrivals;
  final int pools;
  final int[] poolFte100;
  final int[] poolCapExperienced;
  final int[] poolCapAsye;

  /** Holding at month 0: experienced by pool; ASYE by pool and last ASYE month (1..H+1). */
  final int[] exp0;

  final int[] asye0;

  /** Starters joining in month h (1..H): experienced by [pool][h], ASYE by [pool][h][last]. */
  final int[] joinExp;

  final int[] joinAsye;

  /** Starters in their ASYE joining in month h, by [pool][h]. */
  final int[] joinAsyeSum;

  /** Recruit groups: count, pool, ASYE, and the epoch day their registration delay starts. */
  final int[] recruitCount;

  final int[] recruitPool;
  final boolean[] recruitAsye;
  final long[] recruitFrom;
  final Triangular[] recruitDelay;
  final int[] recruitInduction;

  /** The last day (epoch day) of month index 0..H. */
  final long[] monthEnd;

  final int[] agencyFixed;
  final int establishment;
  final int maxBackfill;
  final long agencyRatePence;
  final int capPerAgencyWorker;

  TeamModel(TeamPlan team, ProjectionInput in) {
    this.id = team.id();
    int h = in.months();
    this.months = h;
    team.openCases().forEach((type, n) -> open0[type.ordinal()] += n);
    this.means = team.referrals().means(in.start(), h);
    this.modeProbability = new double[h];
    for (int m = 0; m < h; m++) {
      modeProbability[m] = Sampling.poissonMode(means[m]);
    }
    this.fixedArrivals = new int[h + 1];
    double cumulative = 0;
    long before = 0;
    for (int m = 1; m <= h; m++) {
      cumulative += means[m - 1];
      long now = (long) Math.floor(cumulative + 1e-9);
      fixedArrivals[m] = (int) (now - before);
      before = now;
    }
    this.monthEnd = new long[h + 1];
    for (int m = 0; m <= h; m++) {
      monthEnd[m] = in.start().plusMonths(m - 1L).atEndOfMonth().toEpochDay();
    }

    // Pools: the distinct FTEs of the team's workers.
    List<Integer> ftes = new ArrayList<>();
    int avgFte100 =
        team.workers() == 0
            ? 100
            : fte100(
                team.fte().divide(BigDecimal.valueOf(team.workers()), 2, RoundingMode.HALF_UP));
    addPool(ftes, avgFte100);
    team.starters().forEach(s -> addPool(ftes, fte100(s.fte())));
    team.recruits().forEach(r -> addPool(ftes, fte100(r.fte())));
    this.pools = ftes.size();
    this.poolFte100 = ftes.stream().mapToInt(Integer::intValue).toArray();
    this.poolCapExperienced = new int[pools];
    this.poolCapAsye = new int[pools];
    for (int p = 0; p < pools; p++) {
      BigDecimal fte = BigDecimal.valueOf(poolFte100[p], 2);
      poolCapExperienced[p] = cap(in.policy(), fte, false);
      poolCapAsye[p] = cap(in.policy(), fte, true);
    }
    this.capPerAgencyWorker = cap(in.policy(), BigDecimal.ONE, false);

    int slots = h + 2;
    this.exp0 = new int[pools];
    this.asye0 = new int[pools * slots];
    this.joinExp = new int[pools * slots];
    this.joinAsye = new int[pools * slots * slots];
    this.joinAsyeSum = new int[pools * slots];
    exp0[ftes.indexOf(avgFte100)] += team.workers();
    for (TeamPlan.Starter s : team.starters()) {
      int pool = ftes.indexOf(fte100(s.fte()));
      int joins = monthIndex(s.start().toEpochDay());
      if (joins > h) {
        continue;
      }
      int last = s.asye() ? lastAsyeMonth(s.asyeStart()) : -1;
      place(pool, joins, last, s.count());
    }
    int groups = team.recruits().size();
    recruitCount = new int[groups];
    recruitPool = new int[groups];
    recruitAsye = new boolean[groups];
    recruitFrom = new long[groups];
    recruitDelay = new Triangular[groups];
    recruitInduction = new int[groups];
    for (int g = 0; g < groups; g++) {
      TeamPlan.Recruits r = team.recruits().get(g);
      recruitCount[g] = r.count();
      recruitPool[g] = ftes.indexOf(fte100(r.fte()));
      recruitAsye[g] = r.asye();
      recruitFrom[g] = r.from().toEpochDay();
      recruitDelay[g] = r.registrationDays();
      recruitInduction[g] = r.inductionDays();
    }

    TeamPlan.Agency agency = team.agency();
    this.agencyFixed = new int[h + 1];
    if (agency != null) {
      for (int m = 1; m <= h; m++) {
        agencyFixed[m] = agency.fixedIn(m - 1);
      }
      this.establishment = agency.establishment() == null ? -1 : agency.establishment();
      this.maxBackfill = agency.maxBackfill() == null ? Integer.MAX_VALUE : agency.maxBackfill();
      this.agencyRatePence = agency.monthlyRate().movePointRight(2).longValueExact();
    } else {
      this.establishment = -1;
      this.maxBackfill = 0;
      this.agencyRatePence = 0;
    }
  }

  /**
   * Puts {@code count} workers holding from month {@code joins} (ASYE to {@code last}; -1: none).
   */
  private void place(int pool, int joins, int last, int count) {
    int slots = months + 2;
    boolean asye = last >= Math.max(joins, 1);
    if (joins <= 0) {
      if (asye) {
        asye0[pool * slots + last] += count;
      } else {
        exp0[pool] += count;
      }
    } else if (asye) {
      joinAsye[(pool * slots + joins) * slots + last] += count;
      joinAsyeSum[pool * slots + joins] += count;
    } else {
      joinExp[pool * slots + joins] += count;
    }
  }

  /** The first month index whose last day is on or after an epoch day (H + 1: none). */
  int monthIndex(long epochDay) {
    for (int m = 0; m <= months; m++) {
      if (monthEnd[m] >= epochDay) {
        return m;
      }
    }
    return months + 1;
  }

  /**
   * The last month index at whose end a worker whose ASYE began on a day is still in it (the end of
   * the month is within 12 months of the start), or -1 for none.
   */
  private int lastAsyeMonth(LocalDate asyeStart) {
    long ends = asyeStart.plusMonths(12).toEpochDay();
    int last = -1;
    for (int m = 0; m <= months; m++) {
      if (monthEnd[m] < ends) {
        last = m;
      }
    }
    return last;
  }

  private static void addPool(List<Integer> ftes, int fte100) {
    if (!ftes.contains(fte100)) {
      ftes.add(fte100);
    }
  }

  static int fte100(BigDecimal fte) {
    return fte.movePointRight(2).setScale(0, RoundingMode.HALF_UP).intValueExact();
  }

  /** A social worker's case cap under the policy (experienced or ASYE) at an FTE. */
  static int cap(CaseloadPolicy policy, BigDecimal fte, boolean asye) {
    Limits limits =
        policy.limitsFor(
            new CaseHolder("projection", null, null, Role.SOCIAL_WORKER, fte, asye, asye ? 0 : 3));
    if (limits.group() == null) {
      return 0;
    }
    return limits.maxCases() == null ? NO_CAP : limits.maxCases();
  }

  static YearMonth month(YearMonth start, int m) {
    return start.plusMonths(m - 1L);
  }

  static int weight100(CaseloadPolicy policy, CaseType type) {
    return policy.weight(type).movePointRight(2).setScale(0, RoundingMode.HALF_UP).intValueExact();
  }
}
