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
  public java.util.Map<Long, List<org.safeload.workforce.Clearance.Minimum>> minimumsByTeam(
      java.time.LocalDate on) {
    // Only the minimums leave here, never the money: read as the system. Several contracts for
    // one team (an award and its successor) ask for the strictest of their minimums.
    java.util.Map<Long, java.util.Map<org.safeload.organisation.Role, int[]>> strictest =
        new java.util.HashMap<>();
    for (var c : org.safeload.app.access.SystemAccess.call(() -> contracts.contracts())) {
      if (c.teamId() == null || c.contract().end().isBefore(on)) {
        continue;
      }
      for (var r : c.contract().requirements()) {
        int[] m =
            strictest
                .computeIfAbsent(
                    c.teamId(), k -> new java.util.EnumMap<>(org.safeload.organisation.Role.class))
                .computeIfAbsent(r.role(), k -> new int[2]);
        m[0] = Math.max(m[0], r.pqeYears());
        m[1] = Math.max(m[1], r.managerYears());
      }
    }
    java.util.Map<Long, List<org.safeload.workforce.Clearance.Minimum>> byTeam =
        new java.util.HashMap<>();
    strictest.forEach(
        (team, roles) ->
            byTeam.put(
                team,
                roles.entrySet().stream()
                    .map(
                        e ->
                            new org.safeload.workforce.Clearance.Minimum(
                                e.getKey(), e.getValue()[0], e.getValue()[1]))
                    .toList()));
    return byTeam;
  }
}
