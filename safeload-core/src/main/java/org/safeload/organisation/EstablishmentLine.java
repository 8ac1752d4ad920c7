package org.safeload.organisation;

import java.math.BigDecimal;
import java.util.Objects;

/** The budgeted FTE for one role in one team. */
public record EstablishmentLine(long teamId, Role role, BigDecimal budgetedFte) {

  public EstablishmentLine {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(budgetedFte, "budgetedFte");
    if (budgetedFte.signum() < 0) {
      throw new IllegalArgumentException("budgeted FTE cannot be negative");
    }
  }
}
