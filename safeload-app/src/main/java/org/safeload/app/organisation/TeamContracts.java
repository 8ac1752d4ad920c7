package org.safeload.app.organisation;

import java.time.LocalDate;
import java.util.List;

/**
 * The contracts that supply a team, told by the module that keeps contracts. The team page asks
 * through this interface so that the organisation does not depend on the contracts module (which
 * depends on it); a user who may not read contracts is told of none.
 */
public interface TeamContracts {

  /** The contracts for the team that the signed-in user may read. */
  List<ContractLink> forTeam(long teamId);

  /**
   * The minimums the contracts not ended by a date set for the workers of the teams they supply, by
   * team (docs/workforce.md); whoever asks, since clearance needs them for every reader. One read
   * of the contracts serves every worker a caller checks.
   */
  java.util.Map<Long, List<org.safeload.workforce.Clearance.Minimum>> minimumsByTeam(LocalDate on);

  /** A contract as the team page links to it. */
  record ContractLink(String code, String provider, LocalDate start, LocalDate end) {}
}
