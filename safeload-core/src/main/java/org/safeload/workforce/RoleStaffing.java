package org.safeload.workforce;

import java.math.BigDecimal;
import org.safeload.organisation.Role;

/**
 * One role in one team on one date: budgeted FTE against the FTE of the workers in post.
 *
 * @param headcount the number of workers in post in the role
 */
public record RoleStaffing(Role role, BigDecimal budgeted, BigDecimal filled, int headcount) {

  /** Budgeted FTE not filled (never negative). */
  public BigDecimal vacant() {
    return budgeted.subtract(filled).max(BigDecimal.ZERO);
  }

  /** FTE in post beyond the budget (never negative). */
  public BigDecimal overEstablishment() {
    return filled.subtract(budgeted).max(BigDecimal.ZERO);
  }
}
