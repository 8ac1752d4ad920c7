package org.safeload.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeload.caseload.CaseHolder;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.caseload.Limits;
import org.safeload.caseload.Load;
import org.safeload.organisation.Role;
import org.safeload.timeliness.CaseType;

/**
 * Stage 3 (issue 14, item 1): with the highest load per FTE and the cases moved away from a known
 * worker both kept, the least {@code Σ W²/F} over the receivers counted for the maximum. Checked
 * against a hand-worked example, against enumeration of every plan on small random instances, by
 * single moves on larger ones, and on a taper fixture.
 *
 * <p>Exact arithmetic in the checks: weights and FTEs in hundredths ({@code w}, {@code f}), {@code
 * L} the least common multiple of the FTEs, a load per FTE as {@code w·L/f} and the balance as
 * {@code Σ w²·L/f}, both whole numbers.
 */
class BalancedHandoverTest {

  private static final Logger LOG = Logger.getLogger(BalancedHandoverTest.class.getName());
  private static final CaseloadPolicy POLICY = CaseloadPolicy.defaultPolicy();
  // The five types these instances were drawn from (before children in care were a case type).
  private static final CaseType[] TYPES = {
    CaseType.ASSESSMENT, CaseType.CIN, CaseType.CP, CaseType.PLO, CaseType.COURT
  };

  /**
   * Issue 14's example. A, B and C are social workers of 1.0 FTE; A holds 20 cin cases (weighted
   * 20), B and C none; 12 new cin cases, no families, no previous workers. Stage 1: A is already at
   * 20.00, and B and C can hold all 12 below that, so the least maximum is 20.00 and A gets nothing
   * (21 > 20). Stage 2: no child knows a receiver. Stage 3: B gets b cases and C 12 − b, balance
   * 20² + b² + (12 − b)², least at b = 6: 400 + 36 + 36 = 472. The planner before stage 3 gave 12
   * and 0 (balance 400 + 144 = 544) and called it optimal.
   */
  @Test
  void theIssuesExampleIsSpreadSixAndSix() {
    List<Receiver> receivers =
        List.of(
            HandoverPlannerTest.worker("A", "1.0", 20, "20"),
            HandoverPlannerTest.worker("B", "1.0", 0, "0"),
            HandoverPlannerTest.worker("C", "1.0", 0, "0"));
    List<HandoverCase> cases = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      cases.add(new HandoverCase("c" + i, "ch" + i, null, CaseType.CIN, "MT1", Set.<String>of()));
    }
    HandoverPlan plan = HandoverPlannerTest.plan(cases, receivers);
    assertThat(plan.status()).isEqualTo(HandoverPlan.Status.OPTIMAL);
    assertThat(plan.receivers())
        .extracting(r -> r.workerId() + " +" + r.received())
        .containsExactly("A +0", "B +6", "C +6");
    assertThat(plan.maxWeightedPerFte()).isEqualByComparingTo("20.00");
    assertThat(plan.balance()).isEqualByComparingTo("472.00");
    assertThat(plan.balanceBound()).isEqualByComparingTo("472.00");
    assertThat(plan.balanceGap()).isEqualByComparingTo("0");
    assertThat(plan.explanation()).isEmpty();
  }

  // ---------------------------------------------------------------- enumeration, ≤ 8 families

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40);
  }

  record Instance(List<HandoverCase> cases, List<Receiver> receivers) {}

  /** 2–4 receivers (some ASYE, some part-time), 1–8 families of 1–3 cases. */
  static Instance small(long seed) {
    Random random = new Random(seed);
    int workers = 2 + random.nextInt(3);
    List<Receiver> receivers = new ArrayList<>();
    String[] ftes = {"0.5", "0.6", "0.8", "1.0", "1.0"};
    for (int i = 0; i < workers; i++) {
      boolean asye = random.nextInt(10) < 3;
      Role role = !asye && random.nextInt(5) == 0 ? Role.ADVANCED_PRACTITIONER : Role.SOCIAL_WORKER;
      int held = random.nextInt(asye ? 12 : 16);
      BigDecimal weighted = BigDecimal.ZERO;
      for (int k = 0; k < held; k++) {
        weighted =
            weighted.add(
                asye ? BigDecimal.ONE : new BigDecimal(random.nextBoolean() ? "1" : "1.5"));
      }
      receivers.add(
          new Receiver(
              new CaseHolder(
                  "R" + i,
                  null,
                  null,
                  role,
                  new BigDecimal(ftes[random.nextInt(ftes.length)]),
                  asye,
                  asye ? 0 : 4),
              new Load(held, weighted)));
    }
    int families = 1 + random.nextInt(8);
    List<HandoverCase> cases = new ArrayList<>();
    for (int f = 0; f < families; f++) {
      int size = random.nextInt(4) == 0 ? 2 + random.nextInt(2) : 1;
      for (int k = 0; k < size; k++) {
        Set<String> previous = new LinkedHashSet<>();
        if (random.nextInt(4) == 0) {
          previous.add("R" + random.nextInt(workers));
        }
        int n = cases.size();
        cases.add(
            new HandoverCase(
                "c" + n,
                "ch" + n,
                size > 1 ? "F" + f : null,
                random.nextInt(3) == 0 ? TYPES[random.nextInt(TYPES.length)] : CaseType.CIN,
                "MT1",
                previous));
      }
    }
    return new Instance(cases, receivers);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void enumerationConfirmsAllThreeStages(long seed) {
    LOG.info("balanced handover against enumeration, seed " + seed);
    Instance t = small(seed);
    Exact exact = new Exact(t);
    HandoverPlan plan =
        new HandoverPlanner().plan(t.cases(), t.receivers(), POLICY, Duration.ofSeconds(20));

    // every plan keeping the hard rules, by depth-first search (caps only grow, so prune early)
    long[] best = null; // {max, moved, balance}
    int f = exact.families.size();
    int r = t.receivers().size();
    int[] choice = new int[f];
    int[] cases = new int[r];
    long[] w = exact.w0.clone();
    Search search = new Search(exact, choice, cases, w);
    search.run(0);
    best = search.best;

    if (best == null) {
      assertThat(plan.status()).as("seed %d", seed).isEqualTo(HandoverPlan.Status.INFEASIBLE);
      return;
    }
    assertThat(plan.status()).as("seed %d", seed).isEqualTo(HandoverPlan.Status.OPTIMAL);
    assertThat(PlanCheck.check(t.cases(), t.receivers(), POLICY, plan.assignment()).none())
        .as("seed %d", seed)
        .isTrue();
    long[] got = exact.score(plan.assignment());
    assertThat(got).as("seed %d: {max·L, moved, balance·100L}", seed).containsExactly(best);
    assertThat(plan.movedFromPreviousWorker()).as("seed %d", seed).isEqualTo((int) best[1]);
    BigDecimal balance =
        new BigDecimal(BigInteger.valueOf(best[2]))
            .divide(BigDecimal.valueOf(100 * exact.lcm), 2, RoundingMode.HALF_UP);
    assertThat(plan.balance()).as("seed %d", seed).isEqualByComparingTo(balance);
    assertThat(plan.balanceBound()).as("seed %d", seed).isEqualByComparingTo(balance);
    assertThat(plan.balanceGap()).as("seed %d", seed).isEqualByComparingTo("0");
  }

  /** Lexicographic enumeration of every plan within the hard rules. */
  private static final class Search {
    final Exact exact;
    final int[] choice;
    final int[] cases;
    final long[] w;
    long[] best;

    Search(Exact exact, int[] choice, int[] cases, long[] w) {
      this.exact = exact;
      this.choice = choice;
      this.cases = cases;
      this.w = w;
    }

    void run(int i) {
      if (i == choice.length) {
        long[] score = exact.score(choice);
        if (best == null || compare(score, best) < 0) {
          best = score;
        }
        return;
      }
      ExactFamily fam = exact.families.get(i);
      for (int j = 0; j < cases.length; j++) {
        if (!exact.mayHold(j, fam)) {
          continue;
        }
        cases[j] += fam.size;
        w[j] += fam.weight;
        if (exact.withinCaps(j, cases[j], w[j])) {
          choice[i] = j;
          run(i + 1);
        }
        cases[j] -= fam.size;
        w[j] -= fam.weight;
      }
    }

    static int compare(long[] a, long[] b) {
      for (int k = 0; k < a.length; k++) {
        if (a[k] != b[k]) {
          return Long.compare(a[k], b[k]);
        }
      }
      return 0;
    }
  }

  record ExactFamily(List<HandoverCase> cases, int size, long weight) {}

  /**
   * An instance in exact integers, independently of the planner: the families, each receiver's load
   * and caps through the policy's limits, and a plan's score {max·L, moved, balance·100L} over the
   * receivers who can take at least one case alone.
   */
  static final class Exact {
    final Instance t;
    final List<ExactFamily> families = new ArrayList<>();
    final long[] w0;
    final long[] f;
    final boolean[] counted;
    final long lcm;

    Exact(Instance t) {
      this.t = t;
      Map<String, List<HandoverCase>> byFamily = new LinkedHashMap<>();
      for (HandoverCase c : t.cases()) {
        byFamily
            .computeIfAbsent(
                c.familyGroup() == null ? "case:" + c.caseId() : c.familyGroup(),
                k -> new ArrayList<>())
            .add(c);
      }
      for (List<HandoverCase> members : byFamily.values()) {
        long weight = 0;
        for (HandoverCase c : members) {
          weight += hundredths(POLICY.weight(c.type()));
        }
        families.add(new ExactFamily(members, members.size(), weight));
      }
      int r = t.receivers().size();
      w0 = new long[r];
      f = new long[r];
      counted = new boolean[r];
      long l = 1;
      for (int j = 0; j < r; j++) {
        Receiver rec = t.receivers().get(j);
        w0[j] = hundredths(rec.current().weighted());
        f[j] = hundredths(rec.holder().fte());
        l = l / BigInteger.valueOf(l).gcd(BigInteger.valueOf(f[j])).longValue() * f[j];
        for (HandoverCase c : t.cases()) {
          Limits limits = POLICY.limitsFor(rec.holder());
          if (limits.mayHold(c.type())
              && limits.breaches(rec.current().plus(POLICY.weight(c.type()))).isEmpty()) {
            counted[j] = true;
          }
        }
      }
      lcm = l;
    }

    static long hundredths(BigDecimal value) {
      return value.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    boolean mayHold(int j, ExactFamily fam) {
      Limits limits = POLICY.limitsFor(t.receivers().get(j).holder());
      return fam.cases().stream().allMatch(c -> limits.mayHold(c.type()));
    }

    boolean withinCaps(int j, int addedCases, long weight) {
      Receiver rec = t.receivers().get(j);
      Load after = new Load(rec.current().cases() + addedCases, BigDecimal.valueOf(weight, 2));
      return POLICY.limitsFor(rec.holder()).breaches(after).isEmpty();
    }

    long[] score(int[] choice) {
      Map<String, String> assignment = new LinkedHashMap<>();
      for (int i = 0; i < choice.length; i++) {
        for (HandoverCase c : families.get(i).cases()) {
          assignment.put(c.caseId(), t.receivers().get(choice[i]).id());
        }
      }
      return score(assignment);
    }

    long[] score(Map<String, String> assignment) {
      int r = t.receivers().size();
      long[] w = w0.clone();
      long moved = 0;
      for (HandoverCase c : t.cases()) {
        String to = assignment.get(c.caseId());
        int j = index(to);
        w[j] += hundredths(POLICY.weight(c.type()));
        boolean knowsAReceiver = t.receivers().stream().anyMatch(x -> c.knows(x.id()));
        if (knowsAReceiver && !c.knows(to)) {
          moved++;
        }
      }
      long max = 0;
      long balance = 0;
      for (int j = 0; j < r; j++) {
        if (counted[j]) {
          max = Math.max(max, w[j] * (lcm / f[j]));
          balance += w[j] * w[j] * (lcm / f[j]);
        }
      }
      return new long[] {max, moved, balance};
    }

    int index(String id) {
      for (int j = 0; j < t.receivers().size(); j++) {
        if (t.receivers().get(j).id().equals(id)) {
          return j;
        }
      }
      throw new IllegalArgumentException(id);
    }
  }

  // ---------------------------------------------------------------- single moves, larger

  static LongStream largerSeeds() {
    return LongStream.rangeClosed(1, 12);
  }

  /**
   * On generated instances of 60–160 cases to 7–18 receivers (about 12 cases each, as the
   * benchmark), proven optimal: no move of one family to another receiver keeps the hard rules, the
   * maximum and the moves and lowers the balance.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("largerSeeds")
  void noSingleMoveImprovesTheBalance(long seed) {
    Random random = new Random(seed);
    int caseCount = 60 + random.nextInt(101);
    int workers = caseCount / 12 + 2 + random.nextInt(4);
    LOG.info("balanced handover, single moves, seed " + seed + ": " + caseCount + " x " + workers);
    HandoverInstances.Instance in = HandoverInstances.generate(caseCount, workers, seed);
    Instance t = new Instance(in.cases(), in.receivers());
    HandoverPlan plan =
        new HandoverPlanner().plan(t.cases(), t.receivers(), POLICY, Duration.ofSeconds(30));
    assertThat(plan.status()).as("seed %d", seed).isEqualTo(HandoverPlan.Status.OPTIMAL);
    assertNoImprovingMove(t, plan.assignment(), "seed " + seed);
  }

  /** Tries every move of one family to another receiver. */
  static void assertNoImprovingMove(Instance t, Map<String, String> assignment, String what) {
    Exact exact = new Exact(t);
    long[] score = exact.score(assignment);
    int r = t.receivers().size();
    int moves = 0;
    for (ExactFamily fam : exact.families) {
      String from = assignment.get(fam.cases().getFirst().caseId());
      for (int j = 0; j < r; j++) {
        String to = t.receivers().get(j).id();
        if (to.equals(from) || !exact.mayHold(j, fam)) {
          continue;
        }
        Map<String, String> moved = new LinkedHashMap<>(assignment);
        fam.cases().forEach(c -> moved.put(c.caseId(), to));
        if (!PlanCheck.check(t.cases(), t.receivers(), POLICY, moved).none()) {
          continue;
        }
        long[] after = exact.score(moved);
        moves++;
        if (after[0] <= score[0] && after[1] <= score[1]) {
          assertThat(after[2])
              .as("%s: moving %s from %s to %s", what, fam.cases().getFirst().caseId(), from, to)
              .isGreaterThanOrEqualTo(score[2]);
        }
      }
    }
    LOG.info(what + ": " + moves + " legal single moves tried");
  }

  // ---------------------------------------------------------------- a taper

  /**
   * A managed team's exit: 60 cases from three leaving workers go to 18 international recruits of
   * 1.0 FTE holding nothing yet (6 of them in their ASYE, 12 experienced abroad) and 9 experienced
   * receivers holding 8–18 cases each. Experienced worker E9 already holds 18 cases weighing 21.50,
   * so stage 1 cannot go below 21.50 and leaves every plan that keeps everyone at or below it
   * equally good: before stage 3, one recruit could get 18 cases while others got none.
   *
   * <p>With stage 3 the recruits' loads per FTE end within 1.0 of each other (the weight of one cin
   * or assessment case; the plan found has 17 recruits at 4.00 and one at 4.50, 72.50 in all, where
   * 72.50 / 18 = 4.03 is the continuous optimum), every recruit gets 2 to 6 cases, and no single
   * move of a family lowers the balance. Why 1.0 is the right scale: if recruit i holds a family of
   * weight w that recruit j may take, moving it changes the balance by {@code 2w(W_j − W_i) + 2w²},
   * which is negative when {@code W_i − W_j > w}; most families here are single cases of weight 1.
   */
  @Test
  void aTaperIsSpreadOverTheRecruits() {
    long seed = 14;
    LOG.info("taper fixture, seed " + seed);
    Instance t = taper(seed);
    HandoverPlan plan =
        new HandoverPlanner().plan(t.cases(), t.receivers(), POLICY, Duration.ofSeconds(30));
    assertThat(plan.status()).isEqualTo(HandoverPlan.Status.OPTIMAL);
    assertThat(PlanCheck.check(t.cases(), t.receivers(), POLICY, plan.assignment()).none())
        .isTrue();
    List<HandoverPlan.ReceiverLoad> recruits =
        plan.receivers().stream().filter(l -> l.workerId().startsWith("N")).toList();
    assertThat(recruits).hasSize(18);
    logLoads(plan);
    List<BigDecimal> perFte = sortedPerFte(recruits);
    BigDecimal least = perFte.getFirst();
    BigDecimal most = perFte.getLast();
    assertThat(least).as("no recruit is left with nothing").isPositive();
    assertThat(most.subtract(least)).isLessThanOrEqualTo(BigDecimal.ONE);
    assertThat(recruits).allSatisfy(l -> assertThat(l.after().cases()).isBetween(2, 6));
    assertNoImprovingMove(t, plan.assignment(), "taper");
  }

  /**
   * The same exit as it happens: the three leaving workers go on 29 January, 26 February and 31
   * March 2027, each case moving on its worker's last day, and the 18 recruits start one every 5
   * days from 4 January (the last on 30 March), so early cases can only go to the recruits already
   * in post. The plan is still spread: every recruit gets cases, and the recruits' loads per FTE
   * end within 2.5 of each other (the plan found: 2.00 to 4.00, the late starters lower, as the
   * early cases may only go to those in post on their day; undated the bound is 1.0).
   */
  @Test
  void aDatedTaperIsSpreadOverRecruitsWhoseFirstDaysSpanThreeMonths() {
    long seed = 14;
    LOG.info("dated taper fixture, seed " + seed);
    Instance undated = taper(seed);
    java.time.LocalDate planned = java.time.LocalDate.of(2027, 1, 4);
    java.time.LocalDate[] leaves = {
      java.time.LocalDate.of(2027, 1, 29),
      java.time.LocalDate.of(2027, 2, 26),
      java.time.LocalDate.of(2027, 3, 31)
    };
    List<Receiver> receivers = new ArrayList<>();
    for (Receiver r : undated.receivers()) {
      if (r.id().startsWith("N")) {
        int i = Integer.parseInt(r.id().substring(1));
        java.time.LocalDate first = planned.plusDays(5L * (i - 1));
        receivers.add(
            new Receiver(r.holder(), r.current(), first, null, r.holder().asye() ? first : null));
      } else {
        receivers.add(r);
      }
    }
    List<HandoverCase> cases = new ArrayList<>();
    for (HandoverCase c : undated.cases()) {
      int leaver = Integer.parseInt(c.currentWorker().substring(2)) - 1;
      cases.add(
          new HandoverCase(
              c.caseId(),
              c.childId(),
              c.familyGroup(),
              c.type(),
              c.currentWorker(),
              c.previousWorkers(),
              leaves[leaver]));
    }
    HandoverPlan plan =
        new HandoverPlanner().plan(cases, receivers, POLICY, planned, Duration.ofSeconds(30));
    assertThat(plan.status()).isIn(HandoverPlan.Status.OPTIMAL, HandoverPlan.Status.FEASIBLE);
    assertThat(PlanCheck.check(cases, receivers, POLICY, plan.assignment(), planned).none())
        .isTrue();
    assertThat(plan.stages()).extracting(HandoverPlan.Stage::date).containsExactly(leaves);
    // No case goes to a recruit not yet in post on its day.
    Map<String, java.time.LocalDate> firstDay = new java.util.HashMap<>();
    receivers.forEach(r -> firstDay.put(r.id(), r.firstDay()));
    plan.assignment()
        .forEach(
            (caseId, to) -> {
              java.time.LocalDate first = firstDay.get(to);
              assertThat(first == null || !first.isAfter(plan.dates().get(caseId)))
                  .as(caseId + " to " + to)
                  .isTrue();
            });
    List<HandoverPlan.ReceiverLoad> recruits =
        plan.receivers().stream().filter(l -> l.workerId().startsWith("N")).toList();
    assertThat(recruits).hasSize(18).allSatisfy(l -> assertThat(l.received()).isPositive());
    logLoads(plan);
    List<BigDecimal> perFte = sortedPerFte(recruits);
    BigDecimal least = perFte.getFirst();
    BigDecimal most = perFte.getLast();
    assertThat(most.subtract(least)).isLessThanOrEqualTo(new BigDecimal("2.5"));
  }

  private static void logLoads(HandoverPlan plan) {
    plan.receivers()
        .forEach(
            l -> LOG.info(l.workerId() + " +" + l.received() + " -> " + l.weightedPerFteAfter()));
  }

  /** These receivers' weighted loads per FTE after the plan, lowest first. */
  private static List<BigDecimal> sortedPerFte(List<HandoverPlan.ReceiverLoad> among) {
    return among.stream().map(HandoverPlan.ReceiverLoad::weightedPerFteAfter).sorted().toList();
  }

  static Instance taper(long seed) {
    Random random = new Random(seed);
    List<Receiver> receivers = new ArrayList<>();
    for (int i = 1; i <= 18; i++) {
      boolean asye = i <= 6;
      receivers.add(
          new Receiver(
              new CaseHolder(
                  "N" + i,
                  "Recruit " + i,
                  null,
                  Role.SOCIAL_WORKER,
                  BigDecimal.ONE,
                  asye,
                  asye ? 0 : 3),
              new Load(0, BigDecimal.ZERO)));
    }
    int[] held = {8, 10, 11, 12, 13, 14, 15, 16, 18};
    String[] weighted = {"9", "11.5", "12", "14", "15.5", "16", "17.5", "19", "21.5"};
    for (int i = 0; i < held.length; i++) {
      receivers.add(
          new Receiver(
              new CaseHolder(
                  "E" + (i + 1),
                  "Experienced " + (i + 1),
                  null,
                  Role.SOCIAL_WORKER,
                  BigDecimal.ONE,
                  false,
                  6),
              new Load(held[i], new BigDecimal(weighted[i]))));
    }
    List<HandoverCase> cases = new ArrayList<>();
    int family = 0;
    while (cases.size() < 60) {
      int roll = random.nextInt(10);
      int size = roll < 7 ? 1 : Math.min(60 - cases.size(), 2 + random.nextInt(2));
      CaseType type =
          switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> CaseType.CIN;
            case 4, 5 -> CaseType.ASSESSMENT;
            case 6, 7 -> CaseType.CP;
            case 8 -> CaseType.PLO;
            default -> CaseType.COURT;
          };
      family++;
      for (int k = 0; k < size; k++) {
        int n = cases.size();
        Set<String> previous =
            random.nextInt(12) == 0 ? Set.of("E" + (1 + random.nextInt(9))) : Set.of();
        cases.add(
            new HandoverCase(
                "T" + n,
                "TC" + n,
                size > 1 ? "TF" + family : null,
                type,
                "MT" + (1 + n % 3),
                previous));
      }
    }
    return new Instance(cases, receivers);
  }
}
