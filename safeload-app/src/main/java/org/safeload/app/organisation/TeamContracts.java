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
   * The minimums the contracts supplying the team on a date (or from a later date: workers proposed
   * for them) set for their workers, by role (docs/workforce.md); whoever asks, since clearance
   * needs them for every reader.
   */
  List<org.safeload.workforce.Clearance.Minimum> minimumsFor(long teamId, LocalDate on);

  /** A contract as the team page links to it. */
  record ContractLink(String code, String provider, LocalDate start, LocalDate end) {}
}
