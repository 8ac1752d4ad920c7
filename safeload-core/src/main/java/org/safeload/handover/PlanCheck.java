package org.safeload.handover;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.caseload.Limits;
import org.safeload.caseload.Load;

/**
 * Checks any assignment of handed-over cases against the policy's hard rules, on its own (it shares
 * no code with the planner): for the planner's plans in tests, for the greedy baseline in the
 * benchmark, and for a reviewed plan when the app applies it.
 */
public final class PlanCheck {

  private PlanCheck() {}

  /**
   * The rules an assignment breaks.
   *
   * @param capsExceeded receivers given at least one case who end above a hard cap (cases or
   *     weighted); a receiver already above a cap and given nothing is not counted
   * @param excludedTypesHeld cases given to a receiver who may not hold their type (or no case at
   *     all)
   * @param familiesSplit family groups whose cases go to more than one receiver
   * @param unassigned cases given to nobody, or to someone who is not a receiver
   * @param details one line per breach
   * @param each every breach, for a caller that words them for people (one per broken cap, one per
   *     case given to nobody or to someone who may not hold it, one per split family)
   */
  public record Breaches(
      int capsExceeded,
      int excludedTypesHeld,
      int familiesSplit,
      int unassigned,
      List<String> details,
      List<Breach> each) {

    public Breaches {
      details = List.copyOf(details);
      each = List.copyOf(each);
    }

    public int total() {
      return capsExceeded + excludedTypesHeld + familiesSplit + unassigned;
    }

    public boolean none() {
      return total() == 0;
    }
  }

  /** Which hard rule a breach breaks. */
  public enum Rule {
    /** A receiver given cases ends above a hard cap. */
    CAP,
    /** A case goes to a receiver who may not hold its type. */
    EXCLUDED_TYPE,
    /** A family's cases go to more than one receiver. */
    FAMILY_SPLIT,
    /** A case goes to nobody, or to someone who is not a receiver. */
    UNASSIGNED
  }

  /**
   * One breach.
   *
   * @param caseId the case (null for {@link Rule#CAP} and {@link Rule#FAMILY_SPLIT})
   * @param workerId the receiver (for {@link Rule#UNASSIGNED}, who the case goes to, or null)
   * @param familyGroup the family split (only {@link Rule#FAMILY_SPLIT})
   * @param cap the cap broken, as {@link Limits#breaches} words it (only {@link Rule#CAP})
   */
  public record Breach(Rule rule, String caseId, String workerId, String familyGroup, String cap) {}

  /** Each receiver's load after an assignment (cases given to nobody are left out). */
  public static Map<String, Load> loadsAfter(
      List<HandoverCase> cases,
      List<Receiver> receivers,
      CaseloadPolicy policy,
      Map<String, String> assignment) {
    Map<String, Load> after = new LinkedHashMap<>();
    for (Receiver r : receivers) {
      after.put(r.id(), r.current());
    }
    for (HandoverCase c : cases) {
      String to = assignment.get(c.caseId());
      if (to != null && after.containsKey(to)) {
        after.put(to, after.get(to).plus(policy.weight(c.type())));
      }
    }
    return after;
  }

  /** The highest weighted caseload per FTE after an assignment (2 dp, half up). */
  public static BigDecimal maxWeightedPerFte(
      List<HandoverCase> cases,
      List<Receiver> receivers,
      CaseloadPolicy policy,
      Map<String, String> assignment) {
    Map<String, Load> after = loadsAfter(cases, receivers, policy, assignment);
    BigDecimal max = null;
    for (Receiver r : receivers) {
      BigDecimal perFte = after.get(r.id()).weightedPerFte(r.holder().fte());
      max = max == null || perFte.compareTo(max) > 0 ? perFte : max;
    }
    return max;
  }

  /** Cases that go to a worker the child does not know although one it knows is a receiver. */
  public static int movedFromPreviousWorker(
      List<HandoverCase> cases, List<Receiver> receivers, Map<String, String> assignment) {
    Set<String> ids = new HashSet<>();
    receivers.forEach(r -> ids.add(r.id()));
    int moved = 0;
    for (HandoverCase c : cases) {
      boolean knowsOne = ids.stream().anyMatch(c::knows);
      String to = assignment.get(c.caseId());
      if (knowsOne && to != null && !c.knows(to)) {
        moved++;
      }
    }
    return moved;
  }

  public static Breaches check(
      List<HandoverCase> cases,
      List<Receiver> receivers,
      CaseloadPolicy policy,
      Map<String, String> assignment) {
    List<String> details = new ArrayList<>();
    List<Breach> each = new ArrayList<>();
    Map<String, Receiver> byId = new HashMap<>();
    receivers.forEach(r -> byId.put(r.id(), r));
    int unassigned = 0;
    int excluded = 0;
    Map<String, Set<String>> familyReceivers = new LinkedHashMap<>();
    Map<String, Integer> received = new HashMap<>();
    for (HandoverCase c : cases) {
      String to = assignment.get(c.caseId());
      if (to == null || !byId.containsKey(to)) {
        unassigned++;
        each.add(new Breach(Rule.UNASSIGNED, c.caseId(), to, null, null));
        details.add(
            "case " + c.caseId() + " goes to " + (to == null ? "nobody" : "a non-receiver " + to));
        continue;
      }
      received.merge(to, 1, Integer::sum);
      Limits limits = policy.limitsFor(byId.get(to).holder());
      if (!limits.mayHold(c.type())) {
        excluded++;
        each.add(new Breach(Rule.EXCLUDED_TYPE, c.caseId(), to, null, null));
        details.add(
            "case "
                + c.caseId()
                + " ("
                + c.type().code()
                + ") goes to "
                + to
                + ", who may not hold it");
      }
      if (c.familyGroup() != null) {
        familyReceivers.computeIfAbsent(c.familyGroup(), k -> new HashSet<>()).add(to);
      }
    }
    int split = 0;
    for (Map.Entry<String, Set<String>> e : familyReceivers.entrySet()) {
      if (e.getValue().size() > 1) {
        split++;
        each.add(new Breach(Rule.FAMILY_SPLIT, null, null, e.getKey(), null));
        details.add(
            "family "
                + e.getKey()
                + " is split between "
                + e.getValue().stream().sorted().toList());
      }
    }
    int caps = 0;
    Map<String, Load> after = loadsAfter(cases, receivers, policy, assignment);
    for (Receiver r : receivers) {
      if (received.getOrDefault(r.id(), 0) == 0) {
        continue;
      }
      List<String> over = policy.limitsFor(r.holder()).breaches(after.get(r.id()));
      if (!over.isEmpty()) {
        caps++;
        over.forEach(b -> each.add(new Breach(Rule.CAP, null, r.id(), null, b)));
        details.add(r.id() + ": " + String.join("; ", over));
      }
    }
    return new Breaches(caps, excluded, split, unassigned, details, each);
  }
}
