package org.safeload.app.money;

import java.util.List;
import org.safeload.app.access.Capability;
import org.safeload.app.organisation.TeamContracts;
import org.springframework.stereotype.Component;

/** Tells the team page which contracts supply a team (read-only, as the user may see them). */
@Component
class TeamContractLinks implements TeamContracts {

  private final ContractService contracts;

  TeamContractLinks(ContractService contracts) {
    this.contracts = contracts;
  }

  @Override
  public List<ContractLink> forTeam(long teamId) {
    if (!Capability.READ_MONEY.granted()) {
      return List.of();
    }
    return contracts.contracts().stream()
        .filter(c -> c.teamId() != null && c.teamId() == teamId)
        .map(
            c ->
                new ContractLink(
                    c.code(), c.contract().provider(), c.contract().start(), c.contract().end()))
        .toList();
  }

  @Override
  public List<org.safeload.workforce.Clearance.Minimum> minimumsFor(
      long teamId, java.time.LocalDate on) {
    // Only the minimums leave here, never the money: read as the system. Several contracts for
    // the team (an award and its successor) ask for the strictest of their minimums.
    java.util.Map<org.safeload.organisation.Role, int[]> strictest =
        new java.util.EnumMap<>(org.safeload.organisation.Role.class);
    org.safeload.app.access.SystemAccess.call(() -> contracts.contracts()).stream()
        .filter(c -> c.teamId() != null && c.teamId() == teamId)
        .filter(c -> !c.contract().end().isBefore(on))
        .flatMap(c -> c.contract().requirements().stream())
        .forEach(
            r -> {
              int[] m = strictest.computeIfAbsent(r.role(), k -> new int[2]);
              m[0] = Math.max(m[0], r.pqeYears());
              m[1] = Math.max(m[1], r.managerYears());
            });
    return strictest.entrySet().stream()
        .map(
            e ->
                new org.safeload.workforce.Clearance.Minimum(
                    e.getKey(), e.getValue()[0], e.getValue()[1]))
        .toList();
  }
}
