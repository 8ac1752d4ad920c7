package org.safeload.handover;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.safeload.caseload.CaseHolder;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.caseload.Limits;
import org.safeload.caseload.Load;
import org.safeload.organisation.Role;
import org.safeload.timeliness.CaseType;

/**
 * Synthetic handover instances (for the benchmark and property tests), under the built-in policy:
 *
 * <ul>
 *   <li>receivers {@code W001}…: about 15% in their ASYE, 10% advanced practitioners, the rest
 *       social workers; FTE 1.0 (half), 0.8 (a fifth), 0.6, 0.7 or 0.9;
 *   <li>cases in family groups of 1 (55%), 2 (25%), 3 (13%) or 4 (7%) siblings; case types 35%
 *       {@code cin}, 30% {@code cp}, 15% {@code assessment}, 10% {@code plo}, 10% {@code court} (a
 *       sibling shares the family's type 4 times in 5); each family held now by one of the exiting
 *       team's workers ({@code MT01}…, one per 20 cases); a quarter of the families were held
 *       before by one of the receivers, a tenth by a worker who has left;
 *   <li>receivers already hold 8 to 14 cases per FTE when there is room for that; when the cases
 *       handed over would not fit beside it, every receiver's current caseload is scaled down until
 *       everything fits within about 85% of the weighted caps and a simple rule finds a plan, so an
 *       instance always has a plan.
 * </ul>
 *
 * The same arguments give the same instance.
 */
public final class HandoverInstances {

  /** An instance: cases to hand over, receivers, and the policy (the built-in one). */
  public record Instance(
      List<HandoverCase> cases, List<Receiver> receivers, CaseloadPolicy policy) {}

  private static final CaseType[] TYPES = {
    CaseType.CIN, CaseType.CP, CaseType.ASSESSMENT, CaseType.PLO, CaseType.COURT
  };
  private static final int[] TYPE_PERCENT = {35, 30, 15, 10, 10};

  private HandoverInstances() {}

  public static Instance generate(int cases, int workers, long seed) {
    return generate(cases, workers, seed, null, null);
  }

  /**
   * As {@link #generate(int, int, long)}, but with realistic receivers: each already holds a
   * weighted caseload drawn evenly from {@code minHeld} to {@code maxHeld} weighted cases (whole
   * numbers, within their caps), never scaled down. The instance may then have no plan (the planner
   * says how much extra FTE it needs).
   */
  public static Instance realistic(int cases, int workers, long seed, int minHeld, int maxHeld) {
    if (minHeld < 0 || maxHeld < minHeld) {
      throw new IllegalArgumentException("need 0 <= minHeld <= maxHeld");
    }
    return generate(cases, workers, seed, minHeld, maxHeld);
  }

  private static Instance generate(
      int cases, int workers, long seed, Integer minHeld, Integer maxHeld) {
    if (cases < 0 || workers < 1) {
      throw new IllegalArgumentException("need 0 or more cases and at least 1 worker");
    }
    CaseloadPolicy policy = CaseloadPolicy.defaultPolicy();
    Random random = new Random(seed);
    List<CaseHolder> holders = new ArrayList<>();
    for (int i = 1; i <= workers; i++) {
      double kind = random.nextDouble();
      boolean asye = kind < 0.15;
      Role role = !asye && kind < 0.25 ? Role.ADVANCED_PRACTITIONER : Role.SOCIAL_WORKER;
      double f = random.nextDouble();
      String fte = f < 0.5 ? "1.0" : f < 0.7 ? "0.8" : f < 0.8 ? "0.6" : f < 0.9 ? "0.7" : "0.9";
      holders.add(
          new CaseHolder(
              String.format("W%03d", i),
              "Worker " + i,
              "T" + (1 + (i - 1) / 7),
              role,
              new BigDecimal(fte),
              asye,
              asye ? 0 : 1 + random.nextInt(20)));
    }
    List<HandoverCase> list = new ArrayList<>();
    int family = 0;
    int exiting = Math.max(1, (cases + 19) / 20);
    while (list.size() < cases) {
      family++;
      double s = random.nextDouble();
      int size = s < 0.55 ? 1 : s < 0.80 ? 2 : s < 0.93 ? 3 : 4;
      size = Math.min(size, cases - list.size());
      CaseType familyType = type(random);
      String current = String.format("MT%02d", 1 + random.nextInt(exiting));
      Set<String> previous = new LinkedHashSet<>();
      double p = random.nextDouble();
      if (p < 0.25) {
        previous.add(holders.get(random.nextInt(workers)).id());
      } else if (p < 0.35) {
        previous.add(String.format("X%03d", 1 + random.nextInt(50)));
      }
      String group = size > 1 ? String.format("F%04d", family) : null;
      for (int k = 0; k < size; k++) {
        CaseType type = random.nextInt(5) < 4 ? familyType : type(random);
        int n = list.size() + 1;
        list.add(
            new HandoverCase(
                String.format("C%04d", n),
                String.format("CH%04d", n),
                group,
                type,
                current,
                previous));
      }
    }
    // Current caseloads: 8 to 14 cases per FTE, scaled down until the handover fits.
    int[] nominal = new int[workers];
    long[] seeds = new long[workers];
    for (int i = 0; i < workers; i++) {
      nominal[i] = 8 + random.nextInt(7);
      seeds[i] = random.nextLong();
    }
    if (minHeld != null) {
      List<Receiver> receivers = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        CaseHolder h = holders.get(i);
        Limits limits = policy.limitsFor(h);
        Random r = new Random(seeds[i]);
        BigDecimal target = BigDecimal.valueOf(minHeld + r.nextInt(maxHeld - minHeld + 1));
        BigDecimal weighted = BigDecimal.ZERO;
        int count = 0;
        while (weighted.compareTo(target) < 0) {
          CaseType t;
          do {
            t = type(r);
          } while (!limits.mayHold(t));
          BigDecimal w = policy.weight(t);
          if (weighted.add(w).compareTo(target) > 0) {
            w = BigDecimal.ONE; // a cin or assessment case fills the last whole case
          }
          Load next = new Load(count + 1, weighted.add(w));
          if (!limits.breaches(next).isEmpty()) {
            break;
          }
          weighted = weighted.add(w);
          count++;
        }
        receivers.add(new Receiver(h, new Load(count, weighted)));
      }
      return new Instance(List.copyOf(list), List.copyOf(receivers), policy);
    }
    BigDecimal newWeight = BigDecimal.ZERO;
    for (HandoverCase c : list) {
      newWeight = newWeight.add(policy.weight(c.type()));
    }
    for (int percent = 100; ; percent -= 5) {
      List<Receiver> receivers = new ArrayList<>();
      BigDecimal capacity = BigDecimal.ZERO;
      BigDecimal held = BigDecimal.ZERO;
      for (int i = 0; i < workers; i++) {
        CaseHolder h = holders.get(i);
        Limits limits = policy.limitsFor(h);
        int count =
            new BigDecimal(nominal[i] * Math.max(percent, 0))
                .multiply(h.fte())
                .divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.HALF_UP)
                .intValue();
        Random r = new Random(seeds[i]);
        BigDecimal weighted = BigDecimal.ZERO;
        for (int k = 0; k < count; k++) {
          CaseType t;
          do {
            t = type(r);
          } while (!limits.mayHold(t));
          weighted = weighted.add(policy.weight(t));
        }
        receivers.add(new Receiver(h, new Load(count, weighted)));
        BigDecimal cap =
            limits.maxWeighted() != null
                ? limits.maxWeighted()
                : BigDecimal.valueOf(limits.maxCases() == null ? 0 : limits.maxCases());
        capacity = capacity.add(cap);
        held = held.add(weighted);
      }
      boolean roomy = held.add(newWeight).compareTo(capacity.multiply(new BigDecimal("0.85"))) <= 0;
      if (percent <= 0 || (roomy && fits(list, receivers, policy))) {
        return new Instance(List.copyOf(list), List.copyOf(receivers), policy);
      }
    }
  }

  private static CaseType type(Random random) {
    int p = random.nextInt(100);
    for (int i = 0; i < TYPES.length; i++) {
      p -= TYPE_PERCENT[i];
      if (p < 0) {
        return TYPES[i];
      }
    }
    return CaseType.CIN;
  }

  /** Whether a simple rule (families heaviest first, to the most relative room) finds a plan. */
  private static boolean fits(
      List<HandoverCase> cases, List<Receiver> receivers, CaseloadPolicy policy) {
    java.util.Map<String, List<HandoverCase>> families = new java.util.LinkedHashMap<>();
    for (HandoverCase c : cases) {
      families.computeIfAbsent(c.familyKey(), k -> new ArrayList<>()).add(c);
    }
    List<List<HandoverCase>> order = new ArrayList<>(families.values());
    order.sort((a, b) -> weight(b, policy).compareTo(weight(a, policy)));
    Load[] loads = new Load[receivers.size()];
    for (int i = 0; i < loads.length; i++) {
      loads[i] = receivers.get(i).current();
    }
    for (List<HandoverCase> fam : order) {
      int best = -1;
      BigDecimal bestPerFte = null;
      for (int i = 0; i < loads.length; i++) {
        Limits limits = policy.limitsFor(receivers.get(i).holder());
        if (!fam.stream().allMatch(c -> limits.mayHold(c.type()))) {
          continue;
        }
        Load after = loads[i];
        for (HandoverCase c : fam) {
          after = after.plus(policy.weight(c.type()));
        }
        if (!limits.breaches(after).isEmpty()) {
          continue;
        }
        BigDecimal perFte = after.weightedPerFte(receivers.get(i).holder().fte());
        if (best < 0 || perFte.compareTo(bestPerFte) < 0) {
          best = i;
          bestPerFte = perFte;
        }
      }
      if (best < 0) {
        return false;
      }
      for (HandoverCase c : fam) {
        loads[best] = loads[best].plus(policy.weight(c.type()));
      }
    }
    return true;
  }

  private static BigDecimal weight(List<HandoverCase> family, CaseloadPolicy policy) {
    BigDecimal w = BigDecimal.ZERO;
    for (HandoverCase c : family) {
      w = w.add(policy.weight(c.type()));
    }
    return w;
  }
}
