package org.safeload.handover;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.safeload.caseload.CaseHolder;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.caseload.Limits;
import org.safeload.caseload.Load;

/**
 * Checks any assignment of handed-over cases against the policy's hard rules, on its own (it shares
 * no code with the planner): for the planner's plans in tests, for the greedy baseline in the
 * benchmark, and for a reviewed plan when the app applies it.
 *
 * <p>With a plan date, the dated rules too (docs/handover.md, "Dated, staged plans"): a family
 * moves on the earliest {@code moveBy} of its cases (none, or before the plan date: the plan date);
 * its receiver must be in post from then to the plan's end (the latest such date); on every stage
 * date each receiver given cases by then is within the caps of that date, and holds only case types
 * they may hold on it (their ASYE status on the date).
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
   * @param notInPost cases given to a receiver not in post from the case's date to the plan's end
   * @param details one line per breach
   * @param each every breach, for a caller that words them for people (one per broken cap, one per
   *     case given to nobody or to someone who may not hold it, one per split family)
   */
  public record Breaches(
      int capsExceeded,
      int excludedTypesHeld,
      int familiesSplit,
      int unassigned,
      int notInPost,
      List<String> details,
      List<Breach> each) {

    public Breaches {
      details = List.copyOf(details);
      each = List.copyOf(each);
    }

    public Breaches(
        int capsExceeded,
        int excludedTypesHeld,
        int familiesSplit,
        int unassigned,
        List<String> details,
        List<Breach> each) {
      this(capsExceeded, excludedTypesHeld, familiesSplit, unassigned, 0, details, each);
    }

    public int total() {
      return capsExceeded + excludedTypesHeld + familiesSplit + unassigned + notInPost;
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
    UNASSIGNED,
    /** A case goes to a receiver not in post from its date to the plan's end (dated plans). */
    NOT_IN_POST
  }

  /**
   * One breach.
   *
   * @param caseId the case (null for {@link Rule#CAP} and {@link Rule#FAMILY_SPLIT})
   * @param workerId the receiver (for {@link Rule#UNASSIGNED}, who the case goes to, or null)
   * @param familyGroup the family split (only {@link Rule#FAMILY_SPLIT})
   * @param cap the cap broken, as {@link Limits#breaches} words it (only {@link Rule#CAP})
   * @param date the stage date it breaks on ({@link Rule#CAP}, {@link Rule#EXCLUDED_TYPE}) or the
   *     case's date ({@link Rule#NOT_IN_POST}); null for an undated check
   */
  public record Breach(
      Rule rule, String caseId, String workerId, String familyGroup, String cap, LocalDate date) {

    public Breach(Rule rule, String caseId, String workerId, String familyGroup, String cap) {
      this(rule, caseId, workerId, familyGroup, cap, null);
    }
  }

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

  /** The undated check: every case at once, every receiver in post. */
  public static Breaches check(
      List<HandoverCase> cases,
      List<Receiver> receivers,
      CaseloadPolicy policy,
      Map<String, String> assignment) {
    return check(cases, receivers, policy, assignment, null);
  }

  /**
   * The rules an assignment breaks on a plan date (null: undated, only when no case has a {@code
   * moveBy} and no receiver a first or last day or ASYE start).
   */
  public static Breaches check(
      List<HandoverCase> cases,
      List<Receiver> receivers,
      CaseloadPolicy policy,
      Map<String, String> assignment,
      LocalDate planDate) {
    List<String> details = new ArrayList<>();
    List<Breach> each = new ArrayList<>();
    Map<String, Receiver> byId = new HashMap<>();
    receivers.forEach(r -> byId.put(r.id(), r));
    boolean dated =
        cases.stream().anyMatch(c -> c.moveBy() != null)
            || receivers.stream()
                .anyMatch(
                    r -> r.firstDay() != null || r.lastDay() != null || r.asyeStart() != null);
    if (dated && planDate == null) {
      throw new IllegalArgumentException("a dated plan is checked on its plan date");
    }
    // each case's date: its family's earliest move-by date, never before the plan date
    Map<String, LocalDate> familyDate = new HashMap<>();
    for (HandoverCase c : cases) {
      if (!dated) {
        continue;
      }
      LocalDate d = c.moveBy() == null || c.moveBy().isBefore(planDate) ? planDate : c.moveBy();
      String key = c.familyGroup() == null ? "case:" + c.caseId() : "family:" + c.familyGroup();
      familyDate.merge(key, d, (a, b) -> a.isBefore(b) ? a : b);
    }
    Map<String, LocalDate> dateOf = new HashMap<>();
    for (HandoverCase c : cases) {
      String key = c.familyGroup() == null ? "case:" + c.caseId() : "family:" + c.familyGroup();
      dateOf.put(c.caseId(), familyDate.get(key));
    }
    List<LocalDate> stageDates = new ArrayList<>(new TreeSet<>(familyDate.values()));
    if (stageDates.isEmpty()) {
      stageDates.add(dated ? planDate : null);
    }
    LocalDate end = stageDates.getLast();
    int unassigned = 0;
    int excluded = 0;
    int notInPost = 0;
    Map<String, Set<String>> familyReceivers = new LinkedHashMap<>();
    for (HandoverCase c : cases) {
      String to = assignment.get(c.caseId());
      if (to == null || !byId.containsKey(to)) {
        unassigned++;
        each.add(new Breach(Rule.UNASSIGNED, c.caseId(), to, null, null));
        details.add(
            "case " + c.caseId() + " goes to " + (to == null ? "nobody" : "a non-receiver " + to));
        continue;
      }
      Receiver r = byId.get(to);
      LocalDate from = dateOf.get(c.caseId());
      if (!inPost(r, from) || !inPost(r, end)) {
        notInPost++;
        each.add(new Breach(Rule.NOT_IN_POST, c.caseId(), to, null, null, from));
        details.add(
            "case "
                + c.caseId()
                + " goes to "
                + to
                + ", who is not in post from "
                + from
                + " to "
                + end);
      }
      for (LocalDate d : stageDates) {
        if (d != null && from != null && d.isBefore(from)) {
          continue;
        }
        if (!policy.limitsFor(holderOn(r, d)).mayHold(c.type())) {
          excluded++;
          each.add(new Breach(Rule.EXCLUDED_TYPE, c.caseId(), to, null, null, d));
          details.add(
              "case "
                  + c.caseId()
                  + " ("
                  + c.type().code()
                  + ") goes to "
                  + to
                  + ", who may not hold it"
                  + (d == null ? "" : " on " + d));
          break;
        }
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
    // caps on every stage date, for the receivers given cases by then
    Set<String> overCap = new LinkedHashSet<>();
    for (LocalDate d : stageDates) {
      Map<String, Load> load = new HashMap<>();
      Map<String, Integer> received = new HashMap<>();
      for (Receiver r : receivers) {
        load.put(r.id(), r.current());
      }
      for (HandoverCase c : cases) {
        String to = assignment.get(c.caseId());
        LocalDate from = dateOf.get(c.caseId());
        if (to != null && load.containsKey(to) && (d == null || !from.isAfter(d))) {
          load.put(to, load.get(to).plus(policy.weight(c.type())));
          received.merge(to, 1, Integer::sum);
        }
      }
      for (Receiver r : receivers) {
        if (received.getOrDefault(r.id(), 0) == 0) {
          continue;
        }
        List<String> over = policy.limitsFor(holderOn(r, d)).breaches(load.get(r.id()));
        if (!over.isEmpty()) {
          overCap.add(r.id());
          over.forEach(b -> each.add(new Breach(Rule.CAP, null, r.id(), null, b, d)));
          details.add(r.id() + (d == null ? "" : " on " + d) + ": " + String.join("; ", over));
        }
      }
    }
    return new Breaches(overCap.size(), excluded, split, unassigned, notInPost, details, each);
  }

  /** Whether a receiver is in post on a date (null: undated). */
  private static boolean inPost(Receiver r, LocalDate d) {
    return d == null
        || ((r.firstDay() == null || !r.firstDay().isAfter(d))
            && (r.lastDay() == null || !r.lastDay().isBefore(d)));
  }

  /** The worker as the rules see them on a date: in their ASYE for 12 months from its start. */
  private static CaseHolder holderOn(Receiver r, LocalDate d) {
    CaseHolder h = r.holder();
    if (r.asyeStart() == null || d == null) {
      return h;
    }
    boolean asye = !d.isBefore(r.asyeStart()) && d.isBefore(r.asyeStart().plusMonths(12));
    return new CaseHolder(h.id(), h.name(), h.team(), h.role(), h.fte(), asye, h.pqeYears());
  }
}
