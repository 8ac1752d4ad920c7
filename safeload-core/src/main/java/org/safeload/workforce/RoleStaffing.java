package org.safeload.workforce;

import java.math.BigDecimal;
import org.safeload.organisation.Role;

/**
 * One role in one team on one date: budgeted FTE against the FTE of the workers in post, employed
 * and agency apart, as the Department's census counts them (docs/workforce.md).
 *
 * @param employed the FTE in post of employed workers (permanent, seconded)
 * @param agency the FTE in post of agency and managed-team workers
 * @param headcount the number of workers in post in the role
 */
public record RoleStaffing(
    Role role, BigDecimal budgeted, BigDecimal employed, BigDecimal agency, int headcount) {

  /** All FTE in post, employed and agency. */
  public BigDecimal filled() {
    return employed.add(agency);
  }

  /**
   * Budgeted FTE not filled by employed workers (never negative): a post an agency worker covers is
   * still vacant.
   */
  public BigDecimal vacant() {
    return budgeted.subtract(employed).max(BigDecimal.ZERO);
  }

  /** The vacant FTE that agency workers cover. */
  public BigDecimal agencyCover() {
    return agency.min(vacant());
  }

  /** FTE in post beyond the budget (never negative). */
  public BigDecimal overEstablishment() {
    return filled().subtract(budgeted).max(BigDecimal.ZERO);
  }
}
