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

  @Test
  void plansOfFixedInstancesAreUnchanged() throws IOException {
    Map<String, String> digests = new LinkedHashMap<>();
    digests.put("docs example", digest(docsExample()));
    for (long seed = 1; seed <= 8; seed++) {
      var in = HandoverInstances.generate(40, 6, seed);
      digests.put(
          "generated 40x6 seed " + seed,
          digest(new HandoverPlanner().plan(in.cases(), in.receivers(), in.policy(), LIMIT)));
    }
    StringBuilder tiny = new StringBuilder();
    for (long seed = 1; seed <= 60; seed++) {
      HandoverBruteForceTest.Tiny t = HandoverBruteForceTest.tiny(seed);
      tiny.append(describe(new HandoverPlanner().plan(t.cases(), t.receivers(), POLICY, LIMIT)));
    }
    digests.put("tiny seeds 1-60", sha(tiny.toString()));
    HandoverPlan full = withAFullReceiver();
    assertThat(full.status()).isEqualTo(HandoverPlan.Status.OPTIMAL);
    assertThat(full.receivers().getFirst().received()).isZero();
    digests.put("one full receiver", digest(full));
    HandoverPlan infeasible = infeasible();
    assertThat(infeasible.status()).isEqualTo(HandoverPlan.Status.INFEASIBLE);
    assertThat(infeasible.unplaced()).isNotEmpty();
    digests.put("infeasible 60 cases to 3", digest(infeasible));
    var mid = HandoverInstances.generate(120, 12, 7);
    HandoverPlan oneThread =
        new HandoverPlanner(1).plan(mid.cases(), mid.receivers(), POLICY, LIMIT);
    assertThat(oneThread.status()).isEqualTo(HandoverPlan.Status.OPTIMAL);
    digests.put("generated 120x12 seed 7, one thread", digest(oneThread));

    assertThat(digests)
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
  }

  /** The benchmark instance on 2 threads: the proven optimum, whichever tied plan reaches it. */
  @Test
  void theBenchmarkInstanceKeepsItsProvenOptimum() {
    var in = HandoverInstances.generate(500, 40, 1);
    HandoverPlan plan = new HandoverPlanner().plan(in.cases(), in.receivers(), POLICY, LIMIT);
    assertThat(plan.status()).isEqualTo(HandoverPlan.Status.OPTIMAL);
    assertThat(plan.maxWeightedPerFte()).isEqualByComparingTo("21.50");
    assertThat(plan.bound()).isEqualByComparingTo("21.50");
    assertThat(plan.movedFromPreviousWorker()).isEqualTo(15);
    assertThat(plan.movedBound()).isEqualTo(15);
    assertThat(plan.continuityCases()).isEqualTo(128);
    assertThat(plan.assignment()).hasSize(500);
  }

  /** Names and digests in order. */
  private static Map<String, String> expected(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static HandoverPlan docsExample() throws IOException {
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
    return new HandoverPlanner()
        .plan(cases.cases(), workers.receivers(), POLICY, Duration.ofSeconds(10));
  }

  /** The first receiver at their case cap: listed unchanged, the children who know them counted. */
  private static HandoverPlan withAFullReceiver() {
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
    return new HandoverPlanner().plan(cases, receivers, POLICY, LIMIT);
  }

  /** Far more cases than three receivers can hold: unplaced cases and the extra FTE. */
  private static HandoverPlan infeasible() {
    var in = HandoverInstances.generate(60, 8, 5);
    return new HandoverPlanner().plan(in.cases(), in.receivers().subList(0, 3), POLICY, LIMIT);
  }

  private static String digest(HandoverPlan plan) {
    return sha(describe(plan));
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
