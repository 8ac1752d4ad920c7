package org.safeload.handover;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.caseload.Limits;

/**
 * The stage dates of a plan (docs/handover.md, "Dated, staged plans"): each family moves on the
 * earliest {@code moveBy} of its cases (a case without one, or with one before the plan date, on
 * the plan date); the stage dates are those dates, ascending, and the plan's end is the last. An
 * undated plan (no {@code moveBy}, no receiver's first or last day or ASYE start) has one stage,
 * the plan date (which may then be {@code null}).
 */
final class Timeline {

  /** The stage dates, ascending; one {@code null} date for an undated plan without a plan date. */
  final List<LocalDate> dates;

  /** Each case's stage (index into {@link #dates}), by case id. */
  final Map<String, Integer> stageOfCase;

  private Timeline(List<LocalDate> dates, Map<String, Integer> stageOfCase) {
    this.dates = dates;
    this.stageOfCase = stageOfCase;
  }

  static Timeline of(List<HandoverCase> cases, List<Receiver> receivers, LocalDate planDate) {
    boolean dated =
        cases.stream().anyMatch(c -> c.moveBy() != null)
            || receivers.stream().anyMatch(Receiver::dated);
    if (dated && planDate == null) {
      throw new IllegalArgumentException(
          "a plan with move-by dates, first or last days or ASYE starts needs the plan date");
    }
    Map<String, Integer> stage = new HashMap<>();
    if (!dated) {
      cases.forEach(c -> stage.put(c.caseId(), 0));
      return new Timeline(Collections.singletonList(planDate), stage);
    }
    Map<String, LocalDate> familyDate = new HashMap<>();
    for (HandoverCase c : cases) {
      LocalDate d = c.moveBy() == null || c.moveBy().isBefore(planDate) ? planDate : c.moveBy();
      familyDate.merge(c.familyKey(), d, (a, b) -> a.isBefore(b) ? a : b);
    }
    List<LocalDate> dates = new ArrayList<>(new TreeSet<>(familyDate.values()));
    if (dates.isEmpty()) {
      dates.add(planDate);
    }
    for (HandoverCase c : cases) {
      stage.put(c.caseId(), dates.indexOf(familyDate.get(c.familyKey())));
    }
    return new Timeline(List.copyOf(dates), stage);
  }

  int last() {
    return dates.size() - 1;
  }

  LocalDate end() {
    return dates.get(last());
  }

  /** Whether a receiver is in post from stage {@code from}'s date to the plan's end. */
  boolean inPostFrom(Receiver r, int from) {
    return r.inPostOn(dates.get(from)) && r.inPostOn(end());
  }

  /** A receiver's limits on stage s's date (their ASYE status then). */
  Limits limits(Receiver r, int s, CaseloadPolicy policy) {
    return policy.limitsFor(r.holderOn(dates.get(s)));
  }
}
