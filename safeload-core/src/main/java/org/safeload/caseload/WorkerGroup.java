package org.safeload.caseload;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.safeload.organisation.Role;
import org.safeload.timeliness.CaseType;

/**
 * A policy's rules for one group of workers (by role and experience). Any limit may be absent.
 *
 * @param roles the roles it applies to (empty: any case-holding role)
 * @param asye {@code true}: only workers in their ASYE; {@code false}: only workers not in it;
 *     {@code null}: either
 * @param minPqeYears applies only from this many whole years of post-qualifying experience
 * @param maxCases hard: at most this many cases, whatever the FTE
 * @param maxCasesPerFte hard: at most this many cases per FTE
 * @param maxWeightedPerFte hard: at most this weighted load per FTE
 * @param excludedTypes hard: may not hold cases of these types
 * @param targetCasesPerFte soft: exceeding it needs a recorded reason
 * @param targetWeightedPerFte soft: exceeding it needs a recorded reason
 */
public record WorkerGroup(
    String id,
    String name,
    Set<Role> roles,
    Boolean asye,
    Integer minPqeYears,
    Integer maxCases,
    BigDecimal maxCasesPerFte,
    BigDecimal maxWeightedPerFte,
    Set<CaseType> excludedTypes,
    BigDecimal targetCasesPerFte,
    BigDecimal targetWeightedPerFte) {

  public WorkerGroup {
    // In the enums' order, so that pages and files list them the same way every time.
    roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    excludedTypes =
        excludedTypes.isEmpty()
            ? Set.of()
            : Collections.unmodifiableSet(EnumSet.copyOf(excludedTypes));
  }

  /** Whether the group applies to a worker. */
  public boolean matches(CaseHolder holder) {
    if (roles.isEmpty() ? !holder.role().caseHolding() : !roles.contains(holder.role())) {
      return false;
    }
    if (asye != null && asye != holder.asye()) {
      return false;
    }
    return minPqeYears == null || holder.pqeYears() >= minPqeYears;
  }
}
