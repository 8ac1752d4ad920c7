package org.safeload.handover;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.caseload.Limits;
import org.safeload.timeliness.CaseType;

/**
 * A handover as exact integers, built once from the cases, receivers and policy and read by every
 * stage: each receiver's FTE, current weighted load and headroom under their caps in hundredths;
 * the family groups, which receivers may take each of them and which they know; the classes of
 * interchangeable families; the scale {@code S} of the objective (docs/handover.md, "Exactness");
 * and how a family-by-family plan ({@code plan[family] = receiver index}) scores on both
 * objectives.
 */
final class HandoverInstance {

  static final long HUNDRED = 100;

  final List<HandoverCase> cases;
  final List<Receiver> receivers;
  final CaseloadPolicy policy;

  /** How many receivers. */
  final int r;

  /** Each receiver's FTE, in hundredths. */
  final long[] fte;

  /** Each receiver's current weighted load, in hundredths. */
  final long[] weighted;

  /** Headroom in cases and hundredths of weight; -1: no cap. */
  final long[] roomCases;

  final long[] roomWeight;

  /** The heaviest case weight a receiver may be given (hundredths). */
  final long[] heaviestCase;

  final List<Family> families = new ArrayList<>();
  final int[] familyOfCase;
  final List<FamilyClass> classes;

  /** {@code S}: the objective counts weighted load per FTE in units of {@code 1/S}. */
  final long scale;

  /** Cases with a worker they know among the receivers. */
  final int continuityCases;

  /** The greatest common divisor of the families' weights (0 without families). */
  final long weightGcd;

  /** The stage dates; one stage for an undated plan. */
  final Timeline timeline;

  /**
   * Caps on earlier stage dates tighter than on the plan's end (a receiver in their ASYE then but
   * not at the end); empty for an undated plan.
   */
  final List<DateCap> dateCaps = new ArrayList<>();

  /**
   * On stage {@code stage}'s date, receiver {@code receiver} may be given at most {@code cases}
   * cases and {@code weight} hundredths of weight by the families of that stage or earlier (-1: no
   * tighter cap than at the end).
   */
  record DateCap(int receiver, int stage, long cases, long weight) {}

  HandoverInstance(List<HandoverCase> cases, List<Receiver> receivers, CaseloadPolicy policy) {
    this(cases, receivers, policy, Timeline.of(cases, receivers, null));
  }

  HandoverInstance(
      List<HandoverCase> cases,
      List<Receiver> receivers,
      CaseloadPolicy policy,
      Timeline timeline) {
    this.timeline = timeline;
    int last = timeline.last();
    this.cases = List.copyOf(cases);
    this.receivers = List.copyOf(receivers);
    this.policy = policy;
    this.r = receivers.size();
    fte = new long[r];
    weighted = new long[r];
    int[] current = new int[r];
    roomCases = new long[r];
    roomWeight = new long[r];
    List<Limits> limits = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    long maxFte = HUNDRED;
    for (int i = 0; i < r; i++) {
      Receiver rec = receivers.get(i);
      if (!ids.add(rec.id())) {
        throw new IllegalArgumentException("receiver " + rec.id() + " is listed twice");
      }
      fte[i] = hundredths(rec.holder().fte(), "FTE of " + rec.id());
      weighted[i] = hundredths(rec.current().weighted(), "current weighted load of " + rec.id());
      current[i] = rec.current().cases();
      maxFte = Math.max(maxFte, fte[i]);
      Limits l = timeline.limits(rec, last, policy);
      limits.add(l);
      roomCases[i] = roomCases(l, current[i]);
      roomWeight[i] = roomWeight(l, weighted[i]);
      for (int s = 0; s < last; s++) {
        Limits at = timeline.limits(rec, s, policy);
        long c = roomCases(at, current[i]);
        long w = roomWeight(at, weighted[i]);
        boolean tighterCases = c >= 0 && (roomCases[i] < 0 || c < roomCases[i]);
        boolean tighterWeight = w >= 0 && (roomWeight[i] < 0 || w < roomWeight[i]);
        if (tighterCases || tighterWeight) {
          dateCaps.add(new DateCap(i, s, tighterCases ? c : -1, tighterWeight ? w : -1));
        }
      }
    }
    scale = maxFte * maxFte;
    familyOfCase = new int[this.cases.size()];
    Map<String, Integer> familyIndex = new LinkedHashMap<>();
    List<List<Integer>> members = new ArrayList<>();
    Set<String> caseIds = new HashSet<>();
    for (int i = 0; i < this.cases.size(); i++) {
      HandoverCase c = this.cases.get(i);
      if (!caseIds.add(c.caseId())) {
        throw new IllegalArgumentException("case " + c.caseId() + " is listed twice");
      }
      int f = familyIndex.computeIfAbsent(c.familyKey(), k -> members.size());
      if (f == members.size()) {
        members.add(new ArrayList<>());
      }
      members.get(f).add(i);
      familyOfCase[i] = f;
    }
    int continuity = 0;
    for (HandoverCase c : this.cases) {
      if (receivers.stream().anyMatch(rec -> c.knows(rec.id()))) {
        continuity++;
      }
    }
    continuityCases = continuity;
    for (List<Integer> m : members) {
      int stage = timeline.stageOfCase.get(this.cases.get(m.get(0)).caseId());
      long w = 0;
      Set<CaseType> types = EnumSet.noneOf(CaseType.class);
      int[] knows = new int[r];
      for (int i : m) {
        HandoverCase c = this.cases.get(i);
        w += hundredths(policy.weight(c.type()), "weight of " + c.type().code());
        types.add(c.type());
        for (int j = 0; j < r; j++) {
          if (c.knows(receivers.get(j).id())) {
            knows[j]++;
          }
        }
      }
      List<Integer> eligible = new ArrayList<>();
      for (int j = 0; j < r; j++) {
        Receiver rec = receivers.get(j);
        boolean may = timeline.inPostFrom(rec, stage);
        for (int s = stage; s <= last && may; s++) {
          Limits l = s == last ? limits.get(j) : timeline.limits(rec, s, policy);
          may = types.stream().allMatch(l::mayHold);
        }
        for (DateCap cap : dateCaps) {
          if (cap.receiver() == j && cap.stage() >= stage) {
            may &=
                (cap.cases() < 0 || m.size() <= cap.cases())
                    && (cap.weight() < 0 || w <= cap.weight());
          }
        }
        if (may
            && (roomCases[j] < 0 || m.size() <= roomCases[j])
            && (roomWeight[j] < 0 || w <= roomWeight[j])) {
          eligible.add(j);
        }
      }
      families.add(
          new Family(
              List.copyOf(m),
              m.size(),
              w,
              types,
              eligible.stream().mapToInt(Integer::intValue).toArray(),
              knows,
              stage));
    }
    heaviestCase = new long[r];
    for (Family fam : families) {
      for (int i : fam.cases()) {
        long w = hundredths(policy.weight(this.cases.get(i).type()), "weight");
        for (int j : fam.eligible()) {
          heaviestCase[j] = Math.max(heaviestCase[j], w);
        }
      }
    }
    classes = classesOf(families);
    long gcd = 0;
    for (Family f : families) {
      gcd = gcd(gcd, f.weight());
    }
    weightGcd = gcd;
  }

  private static long roomCases(Limits l, int current) {
    return l.maxCases() == null ? -1 : Math.max(0, l.maxCases() - current);
  }

  private static long roomWeight(Limits l, long weighted) {
    return l.maxWeighted() == null
        ? -1
        : Math.max(
            0,
            l.maxWeighted().movePointRight(2).setScale(0, RoundingMode.FLOOR).longValueExact()
                - weighted);
  }

  private static long hundredths(BigDecimal value, String what) {
    BigDecimal v = value.stripTrailingZeros();
    if (v.scale() > 2) {
      throw new IllegalArgumentException(
          "the " + what + " has more than 2 decimal places: " + value.toPlainString());
    }
    return value.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
  }

  static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /** The families' classes, in order of each class's first family. */
  private static List<FamilyClass> classesOf(List<Family> families) {
    Map<List<Object>, FamilyClass> byKey = new LinkedHashMap<>();
    List<FamilyClass> list = new ArrayList<>();
    for (int f = 0; f < families.size(); f++) {
      Family fam = families.get(f);
      FamilyClass c =
          byKey.computeIfAbsent(
              List.of(fam.size(), fam.weight(), Arrays.toString(fam.eligible()), fam.stage()),
              key -> {
                FamilyClass created =
                    new FamilyClass(fam.size(), fam.weight(), fam.eligible(), fam.stage());
                list.add(created);
                return created;
              });
      c.families.add(f);
    }
    return list;
  }

  /** The most families of a class a receiver could take on their own. */
  long most(FamilyClass c, int j) {
    long most = c.families.size();
    if (roomCases[j] >= 0) {
      most = Math.min(most, roomCases[j] / c.size);
    }
    if (roomWeight[j] >= 0) {
      most = Math.min(most, roomWeight[j] / c.weight);
    }
    return most;
  }

  /** Adds receiver j's hard caps on the cases and hundredths of weight a model gives them. */
  void addCaps(CpModel model, int j, LinearExprBuilder cases, LinearExprBuilder weight) {
    if (roomCases[j] >= 0) {
      model.addLessOrEqual(cases, roomCases[j]);
    }
    if (roomWeight[j] >= 0) {
      model.addLessOrEqual(weight, roomWeight[j]);
    }
  }

  /**
   * Adds receiver j's caps on earlier stage dates ({@link #dateCaps}): {@code vars[i]} counts
   * families of {@code classOf[i]} given to j.
   */
  void addDateCaps(CpModel model, int j, List<IntVar> vars, List<FamilyClass> classOf) {
    for (DateCap cap : dateCaps) {
      if (cap.receiver() != j) {
        continue;
      }
      LinearExprBuilder cases = LinearExpr.newBuilder();
      LinearExprBuilder weight = LinearExpr.newBuilder();
      for (int i = 0; i < vars.size(); i++) {
        FamilyClass c = classOf.get(i);
        if (c.stage <= cap.stage()) {
          cases.addTerm(vars.get(i), c.size);
          weight.addTerm(vars.get(i), c.weight);
        }
      }
      if (cap.cases() >= 0) {
        model.addLessOrEqual(cases, cap.cases());
      }
      if (cap.weight() >= 0) {
        model.addLessOrEqual(weight, cap.weight());
      }
    }
  }

  /** Whether a plan keeps the caps on earlier stage dates (the caps at the end aside). */
  boolean keepsDateCaps(int[] plan) {
    for (DateCap cap : dateCaps) {
      long cases = 0;
      long weight = 0;
      for (int f = 0; f < families.size(); f++) {
        Family fam = families.get(f);
        if (plan[f] == cap.receiver() && fam.stage() <= cap.stage()) {
          cases += fam.size();
          weight += fam.weight();
        }
      }
      if ((cap.cases() >= 0 && cases > cap.cases())
          || (cap.weight() >= 0 && weight > cap.weight())) {
        return false;
      }
    }
    return true;
  }

  /** ceil(S·W / F): one receiver's weighted load per FTE in objective units. */
  long units(long w, int j) {
    return Math.ceilDiv(scale * w, fte[j]);
  }

  /** A plan's highest weighted load per FTE, in objective units (the stage-1 objective). */
  long maxUnits(int[] plan) {
    long[] w = weighted.clone();
    for (int f = 0; f < families.size(); f++) {
      w[plan[f]] += families.get(f).weight();
    }
    long max = 0;
    for (int j = 0; j < r; j++) {
      max = Math.max(max, units(w[j], j));
    }
    return max;
  }

  /**
   * {@code L}: the least common multiple of the receivers' FTEs in hundredths (1 without
   * receivers), so that every {@code L / F} is a whole number.
   */
  BigInteger fteLcm() {
    BigInteger lcm = BigInteger.ONE;
    for (long f : fte) {
      BigInteger b = BigInteger.valueOf(f);
      lcm = lcm.divide(lcm.gcd(b)).multiply(b);
    }
    return lcm;
  }

  /** Each receiver's weighted load after a plan, in hundredths. */
  long[] loadsAfter(int[] plan) {
    long[] w = weighted.clone();
    for (int f = 0; f < families.size(); f++) {
      w[plan[f]] += families.get(f).weight();
    }
    return w;
  }

  /**
   * A plan's balance (the stage-3 objective) {@code Σ W²/F} in weighted cases² per FTE, exactly, as
   * the numerator over {@code 100·L}: {@code Σ w²·(L/f)} with {@code w} and {@code f} in hundredths
   * (so {@code Σ W²/F = Σ (w/100)²/(f/100) = Σ w²·(L/f) / (100·L)}).
   */
  BigInteger balanceNumerator(int[] plan) {
    BigInteger lcm = fteLcm();
    long[] w = loadsAfter(plan);
    BigInteger sum = BigInteger.ZERO;
    for (int j = 0; j < r; j++) {
      BigInteger wj = BigInteger.valueOf(w[j]);
      sum = sum.add(wj.multiply(wj).multiply(lcm.divide(BigInteger.valueOf(fte[j]))));
    }
    return sum;
  }

  /** A plan's cases moved away from a worker they know (the stage-2 objective, minimised). */
  int moved(int[] plan) {
    int kept = 0;
    for (int f = 0; f < families.size(); f++) {
      kept += families.get(f).knows()[plan[f]];
    }
    return continuityCases - kept;
  }
}
