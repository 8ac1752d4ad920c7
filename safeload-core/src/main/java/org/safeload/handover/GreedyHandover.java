package org.safeload.handover;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.caseload.Limits;

/**
 * The baseline a manager's spreadsheet amounts to: each case, in input order, goes to the receiver
 * with the lowest weighted caseload per FTE at that moment (exactly compared; ties to the first in
 * input order) among those who may hold its type. It ignores caps and families, so it may break
 * them: {@link PlanCheck} counts how often. A case nobody may hold is left out.
 */
public final class GreedyHandover {

  private GreedyHandover() {}

  public static Map<String, String> assign(
      List<HandoverCase> cases, List<Receiver> receivers, CaseloadPolicy policy) {
    List<Limits> limits = new ArrayList<>();
    BigDecimal[] weighted = new BigDecimal[receivers.size()];
    for (int r = 0; r < receivers.size(); r++) {
      limits.add(policy.limitsFor(receivers.get(r).holder()));
      weighted[r] = receivers.get(r).current().weighted();
    }
    Map<String, String> assignment = new LinkedHashMap<>();
    for (HandoverCase c : cases) {
      int best = -1;
      for (int r = 0; r < receivers.size(); r++) {
        if (!limits.get(r).mayHold(c.type())) {
          continue;
        }
        if (best < 0
            || lower(weighted[r], fte(receivers, r), weighted[best], fte(receivers, best))) {
          best = r;
        }
      }
      if (best >= 0) {
        assignment.put(c.caseId(), receivers.get(best).id());
        weighted[best] = weighted[best].add(policy.weight(c.type()));
      }
    }
    return assignment;
  }

  private static BigDecimal fte(List<Receiver> receivers, int r) {
    return receivers.get(r).holder().fte();
  }

  /** a / fa < b / fb, exactly. */
  private static boolean lower(BigDecimal a, BigDecimal fa, BigDecimal b, BigDecimal fb) {
    return a.multiply(fb).compareTo(b.multiply(fa)) < 0;
  }
}
