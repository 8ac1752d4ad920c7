package org.safeload.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeload.caseload.CaseHolder;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.caseload.Limits;
import org.safeload.caseload.Load;
import org.safeload.organisation.Role;
import org.safeload.timeliness.CaseType;

/** Dated, staged plans (issue 14, item 2; docs/handover.md, "Dated, staged plans"). */
class StagedHandoverTest {

  private static final Logger LOG = Logger.getLogger(StagedHandoverTest.class.getName());
  private static final CaseloadPolicy POLICY = CaseloadPolicy.defaultPolicy();
  private static final LocalDate PLAN_DATE = LocalDate.parse("2025-03-03");
  private static final LocalDate FIRST = LocalDate.parse("2025-03-31");
  private static final LocalDate SECOND = LocalDate.parse("2025-05-30");

  private record Files2(List<HandoverCase> cases, List<Receiver> receivers) {}

  private static Files2 stagedExample() throws IOException {
    Path examples = Path.of("..", "docs", "examples");
    HandoverCsv.Workers workers;
    HandoverCsv.Cases cases;
    try (Reader r =
        Files.newBufferedReader(
            examples.resolve("handover-staged-workers.csv"), StandardCharsets.UTF_8)) {
      workers = HandoverCsv.readWorkers(r);
    }
    try (Reader r =
        Files.newBufferedReader(
            examples.resolve("handover-staged-cases.csv"), StandardCharsets.UTF_8)) {
      cases = HandoverCsv.readCases(r);
    }
    assertThat(workers.problems()).isEmpty();
    assertThat(cases.problems()).isEmpty();
    return new Files2(cases.cases(), workers.receivers());
  }

  private static Map<String, Long> countByReceiver(
      Map<String, String> assignment, int from, int to) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (int i = from; i <= to; i++) {
      counts.merge(assignment.get(String.format("E%02d", i)), 1L, Long::sum);
    }
    return counts;
  }

  /**
   * The staged example of docs/handover.md, worked by hand. A1 holds 10 cin cases, B1 14 (in their
   * ASYE until 2025-04-14: at most 15 cases on 2025-03-31), N1 starts on 2025-04-01 with none.
   * MT1's 8 cases move on 2025-03-31 (only A1 and B1 are in post), MT2's 8 on 2025-05-30. Stage 1:
   * B1 may take 1 on 2025-03-31 (15, the ASYE cap), so A1 takes at least 7: the highest load is 17
   * at least, and 17 is reached with A1 +7, B1 +1. On 2025-05-30 A1 has no room below 17, B1 (out
   * of their ASYE: cap 22) room for 2, N1 for 17. Stage 3: b to B1 and 8 − b to N1 give 17² + (15 +
   * b)² + (8 − b)², least at b = 0: 289 + 225 + 64 = 578.
   */
  @Test
  void theStagedExampleIsPinned() throws IOException {
    Files2 ex = stagedExample();
    HandoverPlan plan =
        new HandoverPlanner()
            .plan(ex.cases(), ex.receivers(), POLICY, PLAN_DATE, Duration.ofSeconds(10));
    assertThat(plan.status()).isEqualTo(HandoverPlan.Status.OPTIMAL);
    assertThat(plan.maxWeightedPerFte()).isEqualByComparingTo("17.00");
    assertThat(plan.balance()).isEqualByComparingTo("578.00");
    assertThat(countByReceiver(plan.assignment(), 1, 8))
        .containsExactly(Map.entry("A1", 7L), Map.entry("B1", 1L));
    assertThat(countByReceiver(plan.assignment(), 9, 16)).containsExactly(Map.entry("N1", 8L));
    assertThat(plan.dates().get("E01")).isEqualTo(FIRST);
    assertThat(plan.dates().get("E16")).isEqualTo(SECOND);
    assertThat(plan.stages()).extracting(HandoverPlan.Stage::date).containsExactly(FIRST, SECOND);
    assertThat(plan.stages()).extracting(HandoverPlan.Stage::moves).containsExactly(8, 8);
    // on 2025-03-31 N1 is not in post yet: A1 10 -> 17, B1 14 -> 15
    assertThat(plan.stages().get(0).receivers())
        .extracting(l -> l.workerId() + " " + l.before().cases() + "->" + l.after().cases())
        .containsExactly("A1 10->17", "B1 14->15");
    assertThat(plan.stages().get(1).receivers())
        .extracting(l -> l.workerId() + " +" + l.received() + " " + l.after().cases())
        .containsExactly("A1 +0 17", "B1 +0 15", "N1 +8 8");
    assertThat(plan.receivers()).extracting(l -> l.after().cases()).containsExactly(17, 15, 8);
    assertThat(
            PlanCheck.check(ex.cases(), ex.receivers(), POLICY, plan.assignment(), PLAN_DATE)
                .none())
        .isTrue();
  }

  /**
   * The same people and cases without dates: everyone at once, N1 in post, B1 not in their ASYE. B1
   * already holds 14, so the least highest load is 14 (A1 and N1 share 26 below it); stage 3: a to
   * A1, 16 − a to N1, least (10 + a)² + (16 − a)² at a = 3: 13, 14 and 13.
   */
  @Test
  void withoutTheDatesTheStarterTakesHalf() throws IOException {
    Files2 ex = stagedExample();
    List<Receiver> undated =
        ex.receivers().stream().map(r -> new Receiver(r.holder(), r.current())).toList();
    List<HandoverCase> cases =
        ex.cases().stream()
            .map(
                c ->
                    new HandoverCase(
                        c.caseId(),
                        c.childId(),
                        c.familyGroup(),
                        c.type(),
                        c.currentWorker(),
                        c.previousWorkers()))
            .toList();
    HandoverPlan plan =
        new HandoverPlanner().plan(cases, undated, POLICY, PLAN_DATE, Duration.ofSeconds(10));
    assertThat(plan.maxWeightedPerFte()).isEqualByComparingTo("14.00");
    assertThat(plan.receivers()).extracting(l -> l.after().cases()).containsExactly(13, 14, 13);
    assertThat(plan.stages())
        .singleElement()
        .extracting(HandoverPlan.Stage::date)
        .isEqualTo(PLAN_DATE);
    assertThat(plan.dates().values()).containsOnly(PLAN_DATE);
  }

  @Test
  void planCheckChecksTheDatedRules() throws IOException {
    Files2 ex = stagedExample();
    Map<String, String> assignment = new LinkedHashMap<>();
    for (int i = 1; i <= 16; i++) {
      assignment.put(String.format("E%02d", i), i <= 6 ? "A1" : i <= 8 ? "B1" : "N1");
    }
    // B1 takes 2 on 2025-03-31: 16 cases, over the ASYE cap of 15 on that date
    PlanCheck.Breaches b =
        PlanCheck.check(ex.cases(), ex.receivers(), POLICY, assignment, PLAN_DATE);
    assertThat(b.capsExceeded()).isEqualTo(1);
    assertThat(b.each())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.rule()).isEqualTo(PlanCheck.Rule.CAP);
              assertThat(x.workerId()).isEqualTo("B1");
              assertThat(x.date()).isEqualTo(FIRST);
            });
    // undated, the same assignment keeps every rule (B1 is not in their ASYE then)
    List<Receiver> undated =
        ex.receivers().stream().map(r -> new Receiver(r.holder(), r.current())).toList();
    List<HandoverCase> undatedCases =
        ex.cases().stream()
            .map(
                c ->
                    new HandoverCase(
                        c.caseId(), c.childId(), null, c.type(), c.currentWorker(), Set.of()))
            .toList();
    assertThat(PlanCheck.check(undatedCases, undated, POLICY, assignment).none()).isTrue();
    // N1 given one of MT1's cases, which move before N1's first day
    assignment.put("E07", "N1");
    assignment.put("E08", "A1");
    b = PlanCheck.check(ex.cases(), ex.receivers(), POLICY, assignment, PLAN_DATE);
    assertThat(b.notInPost()).isEqualTo(1);
    assertThat(b.each())
        .extracting(x -> x.rule() + " " + x.caseId() + " " + x.date())
        .containsExactly("NOT_IN_POST E07 2025-03-31");
  }

  @Test
  void anAsyeWorkerHoldsNoCpWhileInTheirAsye() {
    CaseHolder h = new CaseHolder("Y1", "Y", null, Role.SOCIAL_WORKER, BigDecimal.ONE, false, 0);
    // in their ASYE until 2025-04-14
    Receiver y =
        new Receiver(
            h, new Load(2, new BigDecimal("2")), null, null, LocalDate.parse("2024-04-15"));
    HandoverCase cp = new HandoverCase("C1", "K1", null, CaseType.CP, "MT1", Set.of(), FIRST);
    HandoverCase later = new HandoverCase("C2", "K2", null, CaseType.CP, "MT2", Set.of(), SECOND);
    HandoverPlan plan =
        new HandoverPlanner()
            .plan(List.of(cp, later), List.of(y), POLICY, PLAN_DATE, Duration.ofSeconds(5));
    // C1 on 2025-03-31 (ASYE: no cp) cannot be placed; C2 on 2025-05-30 could be
    assertThat(plan.status()).isEqualTo(HandoverPlan.Status.INFEASIBLE);
    assertThat(plan.unplaced()).containsExactly("C1");
    HandoverPlan ok =
        new HandoverPlanner()
            .plan(List.of(later), List.of(y), POLICY, PLAN_DATE, Duration.ofSeconds(5));
    assertThat(ok.status()).isEqualTo(HandoverPlan.Status.OPTIMAL);
    assertThat(ok.assignment()).containsEntry("C2", "Y1");
    Map<String, String> bad = Map.of("C1", "Y1", "C2", "Y1");
    PlanCheck.Breaches b = PlanCheck.check(List.of(cp, later), List.of(y), POLICY, bad, PLAN_DATE);
    assertThat(b.excludedTypesHeld()).isEqualTo(1);
    assertThat(b.each())
        .extracting(x -> x.rule() + " " + x.caseId() + " " + x.date())
        .containsExactly("EXCLUDED_TYPE C1 2025-03-31");
  }

  /** Undated instances give the same plan with or without a plan date. */
  @ParameterizedTest
  @MethodSource("undatedSeeds")
  void withoutDatesThePlanDateChangesNothing(long seed) {
    var in = HandoverInstances.generate(40, 6, seed);
    HandoverPlanner planner = new HandoverPlanner(1);
    HandoverPlan before = planner.plan(in.cases(), in.receivers(), POLICY, Duration.ofSeconds(20));
    HandoverPlan dated =
        planner.plan(in.cases(), in.receivers(), POLICY, PLAN_DATE, Duration.ofSeconds(20));
    assertThat(dated.assignment()).as("seed %d", seed).isEqualTo(before.assignment());
    assertThat(dated.status()).isEqualTo(before.status());
    assertThat(dated.maxWeightedPerFte()).isEqualTo(before.maxWeightedPerFte());
    assertThat(dated.movedFromPreviousWorker()).isEqualTo(before.movedFromPreviousWorker());
    assertThat(dated.balance()).isEqualTo(before.balance());
    assertThat(dated.receivers()).isEqualTo(before.receivers());
    assertThat(dated.stages())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.date()).isEqualTo(PLAN_DATE);
              assertThat(s.moves()).isEqualTo(in.cases().size());
              assertThat(s.receivers()).isEqualTo(before.receivers());
            });
  }

  static java.util.stream.LongStream undatedSeeds() {
    return java.util.stream.LongStream.rangeClosed(1, 4);
  }

  static java.util.stream.LongStream seeds() {
    return java.util.stream.LongStream.rangeClosed(1, 60);
  }

  record Tiny(List<HandoverCase> cases, List<Receiver> receivers) {}

  /** A tiny dated instance: 2–3 receivers, 2–8 families over up to three dates. */
  static Tiny tiny(long seed) {
    Random random = new Random(seed);
    LocalDate[] days = {PLAN_DATE, PLAN_DATE.plusDays(30), PLAN_DATE.plusDays(60)};
    int workers = 2 + random.nextInt(2);
    List<Receiver> receivers = new ArrayList<>();
    String[] ftes = {"0.5", "0.8", "1.0"};
    for (int i = 0; i < workers; i++) {
      Role role = random.nextInt(5) == 0 ? Role.ADVANCED_PRACTITIONER : Role.SOCIAL_WORKER;
      BigDecimal fte = new BigDecimal(ftes[random.nextInt(ftes.length)]);
      LocalDate asyeStart = null;
      if (role == Role.SOCIAL_WORKER && random.nextInt(3) == 0) {
        // ASYE ending during the plan, or starting in it
        asyeStart =
            random.nextBoolean()
                ? PLAN_DATE.minusMonths(12).plusDays(10 + random.nextInt(40))
                : PLAN_DATE.plusDays(random.nextInt(50));
      }
      int cases = random.nextInt(asyeStart != null ? 13 : 18);
      BigDecimal weighted = BigDecimal.ZERO;
      for (int k = 0; k < cases; k++) {
        weighted =
            weighted.add(
                asyeStart != null || random.nextBoolean() ? BigDecimal.ONE : new BigDecimal("1.5"));
      }
      LocalDate first = random.nextInt(4) == 0 ? PLAN_DATE.plusDays(15 + random.nextInt(40)) : null;
      LocalDate last = random.nextInt(6) == 0 ? PLAN_DATE.plusDays(40) : null;
      if (first != null && last != null && last.isBefore(first)) {
        last = null;
      }
      receivers.add(
          new Receiver(
              new CaseHolder("R" + i, "R" + i, null, role, fte, false, 3),
              new Load(cases, weighted),
              first,
              last,
              asyeStart));
    }
    int families = 2 + random.nextInt(7);
    List<HandoverCase> list = new ArrayList<>();
    CaseType[] types = {CaseType.CIN, CaseType.CIN, CaseType.ASSESSMENT, CaseType.CP, CaseType.PLO};
    for (int f = 0; f < families; f++) {
      int size = random.nextInt(4) == 0 ? 2 : 1;
      Set<String> previous = new LinkedHashSet<>();
      if (random.nextInt(3) == 0) {
        previous.add("R" + random.nextInt(workers));
      }
      for (int k = 0; k < size; k++) {
        int n = list.size() + 1;
        LocalDate moveBy = random.nextInt(4) == 0 ? null : days[random.nextInt(days.length)];
        list.add(
            new HandoverCase(
                "C" + n,
                "K" + n,
                size > 1 ? "F" + f : null,
                types[random.nextInt(types.length)],
                "MT1",
                previous,
                moveBy));
      }
    }
    return new Tiny(list, receivers);
  }

  /**
   * Enumeration of every assignment of the families on tiny dated instances, each checked with
   * {@link PlanCheck} on the plan date: the planner finds a plan exactly when one exists, and its
   * plan has the least (highest load per FTE over every stage date and every counted receiver in
   * post on it; cases moved away from a known worker; Σ W²/F at the plan's end), in that order.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void enumerationConfirmsTheStagesOverEveryDate(long seed) {
    LOG.info(() -> "staged enumeration seed " + seed);
    Tiny t = tiny(seed);
    List<List<HandoverCase>> families = new ArrayList<>();
    Map<String, List<HandoverCase>> byKey = new LinkedHashMap<>();
    for (HandoverCase c : t.cases()) {
      byKey.computeIfAbsent(c.familyKey(), k -> new ArrayList<>()).add(c);
    }
    families.addAll(byKey.values());
    int r = t.receivers().size();
    int f = families.size();
    BigDecimal[] best = null;
    int[] choice = new int[f];
    long total = (long) Math.pow(r, f);
    for (long code = 0; code < total; code++) {
      long x = code;
      Map<String, String> assignment = new HashMap<>();
      for (int i = 0; i < f; i++) {
        choice[i] = (int) (x % r);
        x /= r;
        for (HandoverCase c : families.get(i)) {
          assignment.put(c.caseId(), t.receivers().get(choice[i]).id());
        }
      }
      if (!PlanCheck.check(t.cases(), t.receivers(), POLICY, assignment, PLAN_DATE).none()) {
        continue;
      }
      BigDecimal[] score = score(t, assignment);
      if (best == null || compare(score, best) < 0) {
        best = score;
      }
    }
    HandoverPlan plan =
        new HandoverPlanner(1)
            .plan(t.cases(), t.receivers(), POLICY, PLAN_DATE, Duration.ofSeconds(20));
    if (best == null) {
      assertThat(plan.status()).as("seed %d", seed).isEqualTo(HandoverPlan.Status.INFEASIBLE);
      return;
    }
    assertThat(plan.status()).as("seed %d", seed).isEqualTo(HandoverPlan.Status.OPTIMAL);
    assertThat(
            PlanCheck.check(t.cases(), t.receivers(), POLICY, plan.assignment(), PLAN_DATE)
                .details())
        .as("seed %d", seed)
        .isEmpty();
    BigDecimal[] got = score(t, plan.assignment());
    assertThat(got).as("seed %d: max, moved, balance", seed).isEqualTo(best);
  }

  private static int compare(BigDecimal[] a, BigDecimal[] b) {
    for (int i = 0; i < a.length; i++) {
      int c = a[i].compareTo(b[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Every case's date, as the rules say, worked out here on its own. */
  private static Map<String, LocalDate> dates(List<HandoverCase> cases) {
    Map<String, LocalDate> family = new HashMap<>();
    for (HandoverCase c : cases) {
      LocalDate d = c.moveBy() == null || c.moveBy().isBefore(PLAN_DATE) ? PLAN_DATE : c.moveBy();
      family.merge(c.familyKey(), d, (a, b) -> a.isBefore(b) ? a : b);
    }
    Map<String, LocalDate> dates = new HashMap<>();
    cases.forEach(c -> dates.put(c.caseId(), family.get(c.familyKey())));
    return dates;
  }

  private static boolean inPost(Receiver r, LocalDate d) {
    return (r.firstDay() == null || !r.firstDay().isAfter(d))
        && (r.lastDay() == null || !r.lastDay().isBefore(d));
  }

  private static Limits limits(Receiver r, LocalDate d) {
    CaseHolder h = r.holder();
    boolean asye =
        r.asyeStart() != null
            && !d.isBefore(r.asyeStart())
            && d.isBefore(r.asyeStart().plusMonths(12));
    return POLICY.limitsFor(
        new CaseHolder(h.id(), h.name(), h.team(), h.role(), h.fte(), asye, h.pqeYears()));
  }

  /** The receivers stage 1 counts: those with room for at least one case alone, on its dates. */
  private static boolean counted(
      Receiver r,
      List<HandoverCase> cases,
      List<LocalDate> stageDates,
      Map<String, LocalDate> dates) {
    LocalDate end = stageDates.getLast();
    for (HandoverCase c : cases) {
      LocalDate from = dates.get(c.caseId());
      if (!inPost(r, from) || !inPost(r, end)) {
        continue;
      }
      boolean fits = true;
      for (LocalDate d : stageDates) {
        if (!d.isBefore(from)) {
          Limits l = limits(r, d);
          fits &=
              l.mayHold(c.type())
                  && l.breaches(r.current().plus(POLICY.weight(c.type()))).isEmpty();
        }
      }
      if (fits) {
        return true;
      }
    }
    return false;
  }

  /** {highest load per FTE over every stage date, moved, Σ W²/F at the end}, to 20 places. */
  private static BigDecimal[] score(Tiny t, Map<String, String> assignment) {
    Map<String, LocalDate> dates = dates(t.cases());
    List<LocalDate> stageDates = new ArrayList<>(new TreeSet<>(dates.values()));
    BigDecimal max = BigDecimal.ZERO;
    BigDecimal balance = BigDecimal.ZERO;
    for (Receiver r : t.receivers()) {
      if (!counted(r, t.cases(), stageDates, dates)) {
        continue;
      }
      BigDecimal fte = r.holder().fte();
      for (LocalDate d : stageDates) {
        if (!inPost(r, d)) {
          continue;
        }
        BigDecimal w = r.current().weighted();
        for (HandoverCase c : t.cases()) {
          if (r.id().equals(assignment.get(c.caseId())) && !dates.get(c.caseId()).isAfter(d)) {
            w = w.add(POLICY.weight(c.type()));
          }
        }
        max = max.max(w.divide(fte, 20, RoundingMode.HALF_UP));
        if (d.equals(stageDates.getLast())) {
          balance = balance.add(w.multiply(w).divide(fte, 20, RoundingMode.HALF_UP));
        }
      }
    }
    int moved = PlanCheck.movedFromPreviousWorker(t.cases(), t.receivers(), assignment);
    return new BigDecimal[] {max, BigDecimal.valueOf(moved), balance};
  }

  @Test
  void theCsvReadsTheDateColumns() {
    var workers =
        HandoverCsv.readWorkers(
            new StringReader(
                """
                worker_id,name,role,fte,asye,pqe_years,current_cases,current_weighted,first_day,last_day,asye_start
                W1,A,social-worker,1,false,6,12,15.5,2025-04-01,2025-12-31,
                W2,B,social-worker,1,,0,0,0,,,2024-09-01
                """));
    assertThat(workers.problems()).isEmpty();
    Receiver w1 = workers.receivers().get(0);
    assertThat(w1.firstDay()).isEqualTo(LocalDate.parse("2025-04-01"));
    assertThat(w1.lastDay()).isEqualTo(LocalDate.parse("2025-12-31"));
    assertThat(w1.asyeStart()).isNull();
    Receiver w2 = workers.receivers().get(1);
    assertThat(w2.asyeStart()).isEqualTo(LocalDate.parse("2024-09-01"));
    assertThat(w2.asyeOn(LocalDate.parse("2025-08-31"))).isTrue();
    assertThat(w2.asyeOn(LocalDate.parse("2025-09-01"))).isFalse();
    var cases =
        HandoverCsv.readCases(
            new StringReader(
                """
                case_id,child_id,family_group,case_type,current_worker,previous_workers,move_by
                C1,K1,,cin,MT1,,2025-03-31
                C2,K2,,cin,MT1,,
                """));
    assertThat(cases.problems()).isEmpty();
    assertThat(cases.cases().get(0).moveBy()).isEqualTo(FIRST);
    assertThat(cases.cases().get(1).moveBy()).isNull();
  }

  @Test
  void badDatesNameTheirLineAndColumn() {
    var workers =
        HandoverCsv.readWorkers(
            new StringReader(
                """
                worker_id,name,role,fte,asye,pqe_years,current_cases,current_weighted,first_day,last_day,asye_start
                W1,A,social-worker,1,false,6,12,15.5,2025-04-31,,
                W2,B,social-worker,1,false,6,12,15.5,2025-04-01,2025-03-01,
                W3,C,social-worker,1,,0,0,0,,,
                W4,D,social-worker,1,false,0,0,0,,,1/9/2024
                """));
    assertThat(workers.receivers()).isEmpty();
    assertThat(workers.problems())
        .extracting(p -> p.line() + " " + p.field())
        .containsExactly("2 first_day", "3 last_day", "4 asye", "5 asye_start");
    assertThat(workers.problems().get(0).message()).contains("2025-04-31");
    var cases =
        HandoverCsv.readCases(
            new StringReader(
                """
                case_id,child_id,family_group,case_type,current_worker,previous_workers,move_by
                C1,K1,,cin,MT1,,next week
                """));
    assertThat(cases.problems())
        .extracting(p -> p.line() + " " + p.field())
        .containsExactly("2 move_by");
  }
}
