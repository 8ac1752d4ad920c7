package org.safeload.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.caseload.Limits;
import org.safeload.caseload.Load;

/**
 * Pins whole plans (every field but the solve time) of fixed instances, so a change to how the
 * planner is built cannot change what it answers. The expected digests were computed from the
 * planner before it was split into classes by job (issue 10); a change that is meant to change
 * plans must recompute them (the failure message shows the new ones) and say why.
 *
 * <p>Only instances the solver answers deterministically are pinned whole: at most {@link
 * Solving#DETERMINISTIC_FAMILIES} families (one solver thread), or a planner with one thread, each
 * proven within the time limit. The 2-thread benchmark instance may return another of several tied
 * plans, so only its proven objective values are pinned.
 */
class HandoverPlanRegressionTest {

  private static final CaseloadPolicy POLICY = CaseloadPolicy.defaultPolicy();
  private static final Duration LIMIT = Duration.ofSeconds(60);

  /** A named fixed instance and the planner's threads. */
  private record Fixed(
      String name, List<HandoverCase> cases, List<Receiver> receivers, int threads) {}

  private static List<Fixed> fixed() throws IOException {
    List<Fixed> list = new ArrayList<>();
    DocsExample docs = docsExample();
    list.add(new Fixed("docs example", docs.cases(), docs.receivers(), 2));
    for (long seed = 1; seed <= 8; seed++) {
      var in = HandoverInstances.generate(40, 6, seed);
      list.add(new Fixed("generated 40x6 seed " + seed, in.cases(), in.receivers(), 2));
    }
    for (long seed = 1; seed <= 60; seed++) {
      HandoverBruteForceTest.Tiny t = HandoverBruteForceTest.tiny(seed);
      list.add(new Fixed("tiny seed " + seed, t.cases(), t.receivers(), 2));
    }
    Fixed full = withAFullReceiver();
    list.add(full);
    var inf = HandoverInstances.generate(60, 8, 5);
    list.add(new Fixed("infeasible 60 cases to 3", inf.cases(), inf.receivers().subList(0, 3), 2));
    var mid = HandoverInstances.generate(120, 12, 7);
    list.add(new Fixed("generated 120x12 seed 7, one thread", mid.cases(), mid.receivers(), 1));
    return list;
  }

  private static HandoverPlan plan(Fixed f, boolean balance) {
    Duration limit = f.name().equals("docs example") ? Duration.ofSeconds(10) : LIMIT;
    return new HandoverPlanner(f.threads(), balance).plan(f.cases(), f.receivers(), POLICY, limit);
  }

  /**
   * Digests of the plans, the 60 tiny seeds as one digest, in order. With {@code withBalance}, each
   * plan's description also carries its balance, bound and gap.
   */
  private static Map<String, String> digests(Map<String, HandoverPlan> plans, boolean withBalance) {
    Map<String, String> digests = new LinkedHashMap<>();
    StringBuilder tiny = new StringBuilder();
    plans.forEach(
        (name, p) -> {
          String text = describe(p) + (withBalance ? describeBalance(p) : "");
          if (name.startsWith("tiny seed ")) {
            tiny.append(text);
            if (name.equals("tiny seed 60")) {
              digests.put("tiny seeds 1-60", sha(tiny.toString()));
            }
          } else {
            digests.put(name, sha(text));
          }
        });
    return digests;
  }

  /**
   * The planner with stages 1 and 2 only answers exactly what it answered before stage 3 (issue
   * 14): the digests are those computed before the planner was split into classes by job (issue
   * 10). With stage 3, every plan keeps the same maximum and the same cases moved, its balance is
   * never higher, and the whole plans are pinned again: stage 3 legitimately changes assignments
   * wherever several plans tied on the first two objectives.
   */
  @Test
  void plansOfFixedInstancesAreUnchanged() throws IOException {
    Map<String, HandoverPlan> two = new LinkedHashMap<>();
    Map<String, HandoverPlan> three = new LinkedHashMap<>();
    for (Fixed f : fixed()) {
      two.put(f.name(), plan(f, false));
      three.put(f.name(), plan(f, true));
    }
    HandoverPlan full = three.get("one full receiver");
    assertThat(full.status()).isEqualTo(HandoverPlan.Status.OPTIMAL);
    assertThat(full.receivers().getFirst().received()).isZero();
    HandoverPlan infeasible = three.get("infeasible 60 cases to 3");
    assertThat(infeasible.status()).isEqualTo(HandoverPlan.Status.INFEASIBLE);
    assertThat(infeasible.unplaced()).isNotEmpty();
    assertThat(three.get("generated 120x12 seed 7, one thread").status())
        .isEqualTo(HandoverPlan.Status.OPTIMAL);

    assertThat(digests(two, false))
        .containsExactlyEntriesOf(
            expected(
                "docs example", "181f75791e75b06b",
                "generated 40x6 seed 1", "af7e6ad2a742a2ac",
                "generated 40x6 seed 2", "16a02f50f1d2cc93",
                "generated 40x6 seed 3", "a35516d523565809",
                "generated 40x6 seed 4", "466513f02fe71c78",
                "generated 40x6 seed 5", "ff534681df2c5a57",
                "generated 40x6 seed 6", "eb2b34663cf08d9b",
                "generated 40x6 seed 7", "800cb66eb3f01e84",
                "generated 40x6 seed 8", "a129feb74d32d26d",
                "tiny seeds 1-60", "9f7376eaa83dcfac",
                "one full receiver", "22113576abf9cde1",
                "infeasible 60 cases to 3", "1502ef3b282f2195",
                "generated 120x12 seed 7, one thread", "a8506095756c293d"));

    List<String> changed = new ArrayList<>();
    for (String name : two.keySet()) {
      HandoverPlan before = two.get(name);
      HandoverPlan after = three.get(name);
      assertThat(after.status()).as(name).isEqualTo(before.status());
      assertThat(after.maxWeightedPerFte()).as(name).isEqualTo(before.maxWeightedPerFte());
      assertThat(after.bound()).as(name).isEqualTo(before.bound());
      assertThat(after.movedFromPreviousWorker())
          .as(name)
          .isEqualTo(before.movedFromPreviousWorker());
      assertThat(after.extraFteNeeded()).as(name).isEqualTo(before.extraFteNeeded());
      assertThat(after.unplaced()).as(name).isEqualTo(before.unplaced());
      if (before.balance() != null) {
        assertThat(after.balance()).as(name).isLessThanOrEqualTo(before.balance());
        assertThat(after.balanceGap()).as(name).isEqualByComparingTo("0");
      }
      if (!after.assignment().equals(before.assignment())) {
        changed.add(name + " (balance " + before.balance() + " -> " + after.balance() + ")");
      }
    }
    // the plans whose assignment stage 3 changed (the others were already the most even)
    assertThat(changed)
        .containsExactly(
            "generated 40x6 seed 1 (balance 2183.78 -> 2183.70)",
            "generated 40x6 seed 2 (balance 2473.61 -> 2473.25)",
            "generated 40x6 seed 6 (balance 2146.80 -> 2146.63)");

    assertThat(digests(three, true))
        .containsExactlyEntriesOf(
            expected(
                "docs example", "05d5e4380051f322",
                "generated 40x6 seed 1", "88283873a32cb19f",
                "generated 40x6 seed 2", "2e93118a410d97ad",
                "generated 40x6 seed 3", "7acf7ed4bd6d3ee2",
                "generated 40x6 seed 4", "d6c07aba0355b731",
                "generated 40x6 seed 5", "8437fc56914a04a0",
                "generated 40x6 seed 6", "f61810f718faaccb",
                "generated 40x6 seed 7", "b74554c0a16894db",
                "generated 40x6 seed 8", "34b5a0416cdc66f5",
                "tiny seeds 1-60", "1aadf64f1cade560",
                "one full receiver", "4cb24a7cc818d698",
                "infeasible 60 cases to 3", "32b51983445ab679",
                "generated 120x12 seed 7, one thread", "de84056fc8df6c8f"));
  }

  /**
   * The benchmark instance on 2 threads: stages 1 and 2 proven, whichever tied plan reaches them.
   * Stage 3 (issue 14) gets the plan to within 0.01% of the solver's bound at once (balance
   * 14,491.17 against a bound of 14,490.67) but may not prove it in the time limit, so the plan may
   * be {@code feasible} on stage 3 only: the gap is pinned at most 0.1%.
   */
  @Test
  void theBenchmarkInstanceKeepsItsProvenOptimum() {
    var in = HandoverInstances.generate(500, 40, 1);
    HandoverPlan plan =
        new HandoverPlanner().plan(in.cases(), in.receivers(), POLICY, Duration.ofSeconds(10));
    assertThat(plan.maxWeightedPerFte()).isEqualByComparingTo("21.50");
    assertThat(plan.bound()).isEqualByComparingTo("21.50");
    assertThat(plan.gap()).isEqualByComparingTo("0");
    assertThat(plan.movedFromPreviousWorker()).isEqualTo(15);
    assertThat(plan.movedBound()).isEqualTo(15);
    assertThat(plan.continuityCases()).isEqualTo(128);
    assertThat(plan.assignment()).hasSize(500);
    assertThat(plan.balanceGap()).isLessThanOrEqualTo(new BigDecimal("0.0010"));
    assertThat(plan.balanceBound()).isGreaterThanOrEqualTo(new BigDecimal("14490.67"));
    if (plan.status() != HandoverPlan.Status.OPTIMAL) {
      assertThat(plan.status()).isEqualTo(HandoverPlan.Status.FEASIBLE);
      assertThat(plan.explanation()).singleElement().asString().startsWith("Stage 3");
    }
  }

  /** Names and digests in order. */
  private static Map<String, String> expected(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private record DocsExample(List<HandoverCase> cases, List<Receiver> receivers) {}

  private static DocsExample docsExample() throws IOException {
    Path examples = Path.of("..", "docs", "examples");
    HandoverCsv.Workers workers;
    HandoverCsv.Cases cases;
    try (Reader r =
        Files.newBufferedReader(examples.resolve("handover-workers.csv"), StandardCharsets.UTF_8)) {
      workers = HandoverCsv.readWorkers(r);
    }
    try (Reader r =
        Files.newBufferedReader(examples.resolve("handover-cases.csv"), StandardCharsets.UTF_8)) {
      cases = HandoverCsv.readCases(r);
    }
    assertThat(workers.problems()).isEmpty();
    assertThat(cases.problems()).isEmpty();
    return new DocsExample(cases.cases(), workers.receivers());
  }

  /** The first receiver at their case cap: listed unchanged, the children who know them counted. */
  private static Fixed withAFullReceiver() {
    var in = HandoverInstances.generate(40, 6, 11);
    List<Receiver> receivers = new ArrayList<>(in.receivers());
    Receiver first = receivers.getFirst();
    Limits limits = POLICY.limitsFor(first.holder());
    receivers.set(
        0,
        new Receiver(
            first.holder(),
            new Load(limits.maxCases(), first.current().weighted().add(BigDecimal.ONE))));
    List<HandoverCase> cases = new ArrayList<>();
    for (HandoverCase c : in.cases()) {
      boolean knowsFirst = cases.size() % 5 == 0;
      cases.add(
          knowsFirst
              ? new HandoverCase(
                  c.caseId(),
                  c.childId(),
                  c.familyGroup(),
                  c.type(),
                  first.id(),
                  c.previousWorkers())
              : c);
    }
    assertThat(HandoverPlanner.canTakeAny(receivers.getFirst(), cases, POLICY)).isFalse();
    return new Fixed("one full receiver", cases, receivers, 2);
  }

  /** The stage-3 figures of a plan, one line. */
  static String describeBalance(HandoverPlan p) {
    return plain(p.balance()) + ' ' + plain(p.balanceBound()) + ' ' + plain(p.balanceGap()) + '\n';
  }

  /** Every field of a plan but the solve time, one line each. */
  static String describe(HandoverPlan p) {
    StringBuilder s = new StringBuilder();
    s.append(p.status().code()).append('\n');
    p.assignment().forEach((c, w) -> s.append(c).append("->").append(w).append('\n'));
    for (HandoverPlan.ReceiverLoad r : p.receivers()) {
      s.append(r.workerId())
          .append(' ')
          .append(r.name())
          .append(' ')
          .append(r.fte().toPlainString())
          .append(' ')
          .append(r.before().cases())
          .append('/')
          .append(r.before().weighted().toPlainString())
          .append(' ')
          .append(r.after().cases())
          .append('/')
          .append(r.after().weighted().toPlainString())
          .append(' ')
          .append(r.received())
          .append('\n');
    }
    s.append(plain(p.maxWeightedPerFte()))
        .append(' ')
        .append(plain(p.bound()))
        .append(' ')
        .append(plain(p.gap()))
        .append(' ')
        .append(p.movedFromPreviousWorker())
        .append(' ')
        .append(p.movedBound())
        .append(' ')
        .append(p.continuityCases())
        .append(' ')
        .append(plain(p.extraFteNeeded()))
        .append('\n');
    s.append(String.join(",", p.unplaced())).append('\n');
    p.explanation().forEach(line -> s.append(line).append('\n'));
    return s.toString();
  }

  private static String plain(BigDecimal value) {
    return value == null ? "-" : value.toPlainString();
  }

  static String sha(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
