package org.safeload.caseload;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safeload.caseload.CaseBook.OpenCase;

/**
 * Who should take a case: every candidate worker, ranked. Eligible workers (no hard rule broken)
 * come first; among them, continuity first (a worker who held this child, then one who holds or
 * held a sibling), then the most headroom (the lowest weighted load per FTE after taking the case),
 * then fewest cases. Ineligible workers follow with the reason.
 */
public final class Recommendation {

  /** Why a worker would keep continuity for the child. */
  public enum Continuity {
    HELD_CHILD("Has held this child's case before"),
    HOLDS_SIBLING("Holds a sibling's case"),
    HELD_SIBLING("Has held a sibling's case before"),
    NONE(null);

    private final String reason;

    Continuity(String reason) {
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }

  /**
   * A candidate for the case.
   *
   * @param after the load after taking the case
   * @param weightedPerFteAfter the weighted load per FTE after taking the case
   * @param reasons why, in words: continuity, headroom, targets, or the rules it breaks
   * @param notCleared why the worker is not cleared to work with children (docs/workforce.md), or
   *     empty: a worker who is not cleared may not take the case, whatever the policy allows
   */
  public record Candidate(
      CaseHolder holder,
      Load current,
      Load after,
      BigDecimal weightedPerFteAfter,
      Verdict verdict,
      Continuity continuity,
      Integer headroom,
      List<String> reasons,
      List<String> notCleared) {

    public boolean eligible() {
      return verdict.allowed() && notCleared.isEmpty();
    }

    /** Not cleared, though the caseload policy would allow it. */
    public boolean blockedByClearance() {
      return !notCleared.isEmpty();
    }
  }

  private Recommendation() {}

  /**
   * Ranks candidates for a case.
   *
   * @param familyOfChild each child's family group (children without one have no siblings)
   */
  public static List<Candidate> rank(
      OpenCase c,
      List<CaseHolder> candidates,
      Caseloads loads,
      CaseBook book,
      Map<String, String> familyOfChild) {
    return rank(c, candidates, loads, book, familyOfChild, Map.of());
  }

  /**
   * Ranks candidates for a case, those not cleared to work with children among the ineligible.
   *
   * @param notCleared for a worker who is not cleared, every reason (others: absent or empty)
   */
  public static List<Candidate> rank(
      OpenCase c,
      List<CaseHolder> candidates,
      Caseloads loads,
      CaseBook book,
      Map<String, String> familyOfChild,
      Map<String, List<String>> notCleared) {
    CaseloadPolicy policy = loads.policy();
    Set<String> heldChild = book.workersOfChild(c.childId(), loads.date());
    String family = familyOfChild.get(c.childId());
    Set<String> holdsSibling = new java.util.HashSet<>();
    Set<String> heldSibling = new java.util.HashSet<>();
    if (family != null) {
      for (Map.Entry<String, String> e : familyOfChild.entrySet()) {
        if (!family.equals(e.getValue()) || e.getKey().equals(c.childId())) {
          continue;
        }
        heldSibling.addAll(book.workersOfChild(e.getKey(), loads.date()));
        for (OpenCase o : loads.open()) {
          if (o.childId().equals(e.getKey()) && o.worker() != null) {
            holdsSibling.add(o.worker());
          }
        }
      }
    }
    List<Candidate> ranked = new ArrayList<>();
    BigDecimal weight = policy.weight(c.type());
    for (CaseHolder h : candidates) {
      if (h.id().equals(c.worker())) {
        continue; // already holds it
      }
      Load current = loads.loadOf(h.id());
      Load after = current.plus(weight);
      Verdict verdict = policy.check(h, current, c.type());
      Continuity continuity =
          heldChild.contains(h.id())
              ? Continuity.HELD_CHILD
              : holdsSibling.contains(h.id())
                  ? Continuity.HOLDS_SIBLING
                  : heldSibling.contains(h.id()) ? Continuity.HELD_SIBLING : Continuity.NONE;
      Limits limits = policy.limitsFor(h);
      Integer headroom = limits.headroom(current);
      List<String> reasons = new ArrayList<>();
      List<String> clearance = notCleared.getOrDefault(h.id(), List.of());
      clearance.forEach(r -> reasons.add("Not cleared: " + r));
      if (!verdict.allowed()) {
        reasons.addAll(verdict.breaches());
      } else {
        if (continuity.reason() != null) {
          reasons.add(continuity.reason());
        }
        reasons.add(
            "Weighted load per FTE "
                + Limits.plain(after.weightedPerFte(h.fte()))
                + " after taking it"
                + (headroom == null ? "" : "; room for " + headroom + " more under the cap"));
        reasons.addAll(verdict.overTargets());
      }
      ranked.add(
          new Candidate(
              h,
              current,
              after,
              after.weightedPerFte(h.fte()),
              verdict,
              continuity,
              headroom,
              List.copyOf(reasons),
              List.copyOf(clearance)));
    }
    ranked.sort(
        Comparator.comparing((Candidate k) -> !k.eligible())
            .thenComparing(Candidate::continuity)
            .thenComparing(k -> !k.verdict().overTargets().isEmpty())
            .thenComparing(Candidate::weightedPerFteAfter)
            .thenComparingInt(k -> k.current().cases())
            .thenComparing(k -> k.holder().name()));
    return ranked;
  }
}
