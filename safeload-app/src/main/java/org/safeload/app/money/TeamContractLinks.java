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
}
