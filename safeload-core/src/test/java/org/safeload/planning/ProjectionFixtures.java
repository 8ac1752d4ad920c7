package org.safeload.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.money.Contract;
import org.safeload.money.ContractCosting;
import org.safeload.money.ContractStatus;
import org.safeload.money.ProcurementRoute;
import org.safeload.money.RatePer;
import org.safeload.organisation.Role;

/** Contracts and costing shared by the projection tests. */
final class ProjectionFixtures {

  private ProjectionFixtures() {}

  static final ContractCosting COSTING = new ContractCosting(WorkingCalendar.englandAndWales());

  /**
   * A managed team: {@code socialWorkers} social workers at £1,400 a week each and a team manager
   * at £1,750 a week, from {@code start} to {@code end}.
   */
  static Contract contract(LocalDate start, LocalDate end, int socialWorkers) {
    return new Contract(
        "mt-1",
        "Provider Ltd",
        ProcurementRoute.DIRECT_AWARD,
        "urgent",
        start,
        end,
        null,
        ContractStatus.ACTIVE,
        "Team A",
        List.of(
            new Contract.RosterLine(
                Role.SOCIAL_WORKER,
                socialWorkers,
                new Contract.Rate(new BigDecimal("1400"), RatePer.WEEK)),
            new Contract.RosterLine(
                Role.TEAM_MANAGER, 1, new Contract.Rate(new BigDecimal("1750"), RatePer.WEEK))),
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  static Map<org.safeload.timeliness.CaseType, Integer> none() {
    return Map.of();
  }
}
