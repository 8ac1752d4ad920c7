package org.safeload.caseload;

import java.util.List;

/**
 * What an allocation would do under a policy.
 *
 * @param breaches hard rules it would break: the allocation is refused
 * @param overTargets soft targets it would exceed: allowed only with a recorded reason
 */
public record Verdict(List<String> breaches, List<String> overTargets) {

  public Verdict {
    breaches = List.copyOf(breaches);
    overTargets = List.copyOf(overTargets);
  }

  public boolean allowed() {
    return breaches.isEmpty();
  }

  public boolean needsReason() {
    return breaches.isEmpty() && !overTargets.isEmpty();
  }
}
