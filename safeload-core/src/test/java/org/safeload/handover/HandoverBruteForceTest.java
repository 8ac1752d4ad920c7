package org.safeload.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.logging.Logger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeload.caseload.CaseHolder;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.caseload.Load;
import org.safeload.organisation.Role;
import org.safeload.timeliness.CaseType;

/**
 * The planner against enumeration of every assignment on tiny random instances (at most 6 families,
 * at most 3 receivers): same least maximum, same fewest moves with it, the same verdict when no
 * plan fits, and the same least extra FTE (an extra social worker under the built-in policy holds
 * floor(22 × FTE) cases and 26 × FTE weight).
 */
class HandoverBruteForceTest {

  private static final Logger LOG = Logger.getLogger(HandoverBruteForceTest.class.getName());
  private static final CaseloadPolicy POLICY = CaseloadPolicy.defaultPolicy();
  // The five types these instances were drawn from (before children in care were a case type).
  private static final CaseType[] TYPES = {
    CaseType.ASSESSMENT, CaseType.CIN, CaseType.CP, CaseType.PLO, CaseType.COURT
  };

  static java.util.stream.LongStream seeds() {
    return java.util.stream.LongStream.rangeClosed(1, 60);
  }

  record Tiny(List<HandoverCase> cases, List<Receiver> receivers, List<List<String>> families) {}

  static Tiny tiny(long seed) {
    Random random = new Random(seed);
    int workers = 1 + random.nextInt(3);
    List<Receiver> receivers = new ArrayList<>();
    String[] ftes = {"0.5", "0.6", "0.8", "1.0"};
    for (int i = 0; i < workers; i++) {
      boolean asye = random.nextInt(10) < 3;
      Role role = !asye && random.nextInt(5) == 0 ? Role.ADVANCED_PRACTITIONER : Role.SOCIAL_WORKER;
      BigDecimal fte = new BigDecimal(ftes[random.nextInt(ftes.length)]);
      int cases = random.nextInt(asye ? 15 : 21);
      BigDecimal weighted = BigDecimal.ZERO;
      for (int k = 0; k < cases; k++) {
        weighted =
            weighted.add(
                asye ? BigDecimal.ONE : new BigDecimal(random.nextBoolean() ? "1" : "1.5"));
      }
      receivers.add(
          new Receiver(
              new CaseHolder("R" + i, null, null, role, fte, asye, asye ? 0 : 4),
              new Load(cases, weighted)));
    }
    int familyCount = 1 + random.nextInt(6);
    List<HandoverCase> cases = new ArrayList<>();
    List<List<String>> families = new ArrayList<>();
    for (int f = 0; f < familyCount; f++) {
      int size = 1 + (random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0);
      List<String> ids = new ArrayList<>();
      for (int k = 0; k < size; k++) {
        String id = "c" + cases.size();
        Set<String> previous = new LinkedHashSet<>();
        if (random.nextInt(3) == 0) {
          previous.add("R" + random.nextInt(workers));
        }
        String current = random.nextInt(6) == 0 ? "R" + random.nextInt(workers) : "MT1";
        cases.add(
            new HandoverCase(
                id,
                "ch" + cases.size(),
                size > 1 ? "F" + f : null,
                TYPES[random.nextInt(TYPES.length)],
                current,
                previous));
        ids.add(id);
      }
      families.add(ids);
    }
    return new Tiny(cases, receivers, families);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void thePlannerFindsTheEnumeratedOptimum(long seed) {
    LOG.info("brute-force comparison, seed " + seed);
    Tiny t = tiny(seed);
    HandoverPlan plan =
        new HandoverPlanner().plan(t.cases(), t.receivers(), POLICY, Duration.ofSeconds(10));

    int r = t.receivers().size();
    int f = t.families().size();
    BigDecimal bestMax = null;
    int bestMoved = Integer.MAX_VALUE;
    long minExtra = Long.MAX_VALUE;
    int minExtraCases = Integer.MAX_VALUE;
    int[] choice = new int[f];
    long total = (long) Math.pow(r + 1, f);
    for (long code = 0; code < total; code++) {
      long rest = code;
      boolean virtual = false;
      for (int i = 0; i < f; i++) {
        choice[i] = (int) (rest % (r + 1));
        rest /= r + 1;
        virtual |= choice[i] == r;
      }
      Map<String, String> assignment = new LinkedHashMap<>();
      int extraCases = 0;
      BigDecimal extraWeight = BigDecimal.ZERO;
      for (int i = 0; i < f; i++) {
        for (String id : t.families().get(i)) {
          if (choice[i] < r) {
            assignment.put(id, t.receivers().get(choice[i]).id());
          } else {
            extraCases++;
            extraWeight = extraWeight.add(POLICY.weight(type(t, id)));
          }
        }
      }
      PlanCheck.Breaches b = PlanCheck.check(t.cases(), t.receivers(), POLICY, assignment);
      if (b.capsExceeded() + b.excludedTypesHeld() + b.familiesSplit() > 0) {
        continue;
      }
      if (!virtual) {
        BigDecimal max = exactMax(t, assignment);
        int moved = PlanCheck.movedFromPreviousWorker(t.cases(), t.receivers(), assignment);
        if (bestMax == null || max.compareTo(bestMax) < 0) {
          bestMax = max;
          bestMoved = moved;
        } else if (max.compareTo(bestMax) == 0) {
          bestMoved = Math.min(bestMoved, moved);
        }
      } else {
        // hundredths of FTE: floor(22·e/100) ≥ cases and 26·e/100 ≥ weight
        long e =
            Math.max(
                (extraCases * 100L + 21) / 22,
                extraWeight
                    .multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(26), 0, RoundingMode.CEILING)
                    .longValue());
        if (e < minExtra || (e == minExtra && extraCases < minExtraCases)) {
          minExtra = e;
          minExtraCases = extraCases;
        }
      }
    }
    if (bestMax != null) {
      assertThat(plan.status()).as("seed %d", seed).isEqualTo(HandoverPlan.Status.OPTIMAL);
      assertThat(exactMax(t, plan.assignment())).as("seed %d", seed).isEqualByComparingTo(bestMax);
      assertThat(plan.movedFromPreviousWorker()).as("seed %d", seed).isEqualTo(bestMoved);
      assertThat(PlanCheck.check(t.cases(), t.receivers(), POLICY, plan.assignment()).none())
          .as("seed %d", seed)
          .isTrue();
    } else {
      assertThat(plan.status()).as("seed %d", seed).isEqualTo(HandoverPlan.Status.INFEASIBLE);
      assertThat(plan.extraFteNeeded())
          .as("seed %d", seed)
          .isEqualByComparingTo(BigDecimal.valueOf(minExtra, 2));
      assertThat(plan.unplaced()).as("seed %d", seed).hasSize(minExtraCases);
    }
  }

  private static CaseType type(Tiny t, String id) {
    return t.cases().stream().filter(c -> c.caseId().equals(id)).findFirst().orElseThrow().type();
  }

  /** By the independent checker: some one case, given to this receiver alone, breaks nothing. */
  private static boolean canTakeACaseAlone(Tiny t, Receiver rec) {
    for (var c : t.cases()) {
      PlanCheck.Breaches b =
          PlanCheck.check(t.cases(), t.receivers(), POLICY, Map.of(c.caseId(), rec.id()));
      if (b.capsExceeded() + b.excludedTypesHeld() == 0) {
        return true;
      }
    }
    return false;
  }

  private static BigDecimal exactMax(Tiny t, Map<String, String> assignment) {
    Map<String, Load> after = PlanCheck.loadsAfter(t.cases(), t.receivers(), POLICY, assignment);
    BigDecimal max = BigDecimal.ZERO;
    Map<String, BigDecimal> perFte = new HashMap<>();
    for (Receiver rec : t.receivers()) {
      if (!canTakeACaseAlone(t, rec)) {
        continue; // already full: listed unchanged, not counted toward the highest caseload
      }
      BigDecimal v =
          after.get(rec.id()).weighted().divide(rec.holder().fte(), 20, RoundingMode.HALF_UP);
      perFte.put(rec.id(), v);
      max = max.max(v);
    }
    return max;
  }
}
