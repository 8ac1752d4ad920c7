package org.safeload.planning;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.safeload.money.Contract;
import org.safeload.money.ContractCosting;
import org.safeload.organisation.Role;

/**
 * A managed-team option: the contract, the council team it works in, when it ends (its contract's
 * end, an extension or an earlier exit) and, optionally, a taper: its social workers in each
 * projected month. Its social workers hold cases in their team at an experienced social worker's
 * limits, 1 FTE each, in every month whose last day the contract still runs; its cost is the money
 * engine's ({@link ContractCosting}) for the contract so changed.
 *
 * @param name the option's name ("Extend 3 months", "Taper to 2")
 * @param team the council team its social workers work in (a {@link TeamPlan#id()})
 * @param contract the contract as it stands
 * @param part the contract's team, for a contract that buys several ({@link Contract#parts()});
 *     null for one team
 * @param end the last day it runs (null: the contract's end)
 * @param socialWorkers social workers in each projected month (null: as the contract's roster has
 *     them; months past the list keep its last number); a month whose last day is after {@code end}
 *     has none, whatever this says
 */
public record ManagedTeam(
    String name,
    String team,
    Contract contract,
    String part,
    LocalDate end,
    List<Integer> socialWorkers) {

  public ManagedTeam {
    if (name == null || team == null || contract == null) {
      throw new IllegalArgumentException(
          "a managed-team option needs a name, a team and a contract");
    }
    end = end == null ? contract.end() : end;
    if (end.isBefore(contract.start())) {
      throw new IllegalArgumentException("a managed team cannot end before its contract starts");
    }
    socialWorkers = socialWorkers == null ? null : List.copyOf(socialWorkers);
    if (socialWorkers != null && socialWorkers.stream().anyMatch(n -> n < 0)) {
      throw new IllegalArgumentException("social workers cannot be negative");
    }
    if (part != null && contract.parts().stream().noneMatch(p -> part.equals(p.name()))) {
      throw new IllegalArgumentException("the contract has no team named " + part);
    }
  }

  /** The contract as it stands, to its end, with its roster. */
  public static ManagedTeam asContracted(String name, String team, Contract contract) {
    return new ManagedTeam(name, team, contract, null, null, null);
  }

  /** The same option running {@code months} months past the contract's end. */
  public ManagedTeam extendedBy(int months) {
    return new ManagedTeam(
        name, team, contract, part, contract.end().plusMonths(months), socialWorkers);
  }

  /** The same option ending on a day (an exit). */
  public ManagedTeam endingOn(LocalDate day) {
    return new ManagedTeam(name, team, contract, part, day, socialWorkers);
  }

  /** The same option with a taper: social workers in each projected month. */
  public ManagedTeam withSocialWorkers(List<Integer> perMonth) {
    return new ManagedTeam(name, team, contract, part, end, perMonth);
  }

  Contract.TeamPart teamPart() {
    return part == null
        ? contract.parts().getFirst()
        : contract.parts().stream().filter(p -> part.equals(p.name())).findFirst().orElseThrow();
  }

  /** Social workers the roster has on a day (contract changes included). */
  int rostered(LocalDate day) {
    return ContractCosting.rosterOn(contract, teamPart(), day).getOrDefault(Role.SOCIAL_WORKER, 0);
  }

  /** Social workers holding cases at the end of projected month {@code m} (0-based). */
  int socialWorkersIn(YearMonth start, int m) {
    LocalDate monthEnd = start.plusMonths(m).atEndOfMonth();
    if (end.isBefore(monthEnd) || contract.start().isAfter(monthEnd)) {
      return 0;
    }
    if (socialWorkers == null) {
      return rostered(monthEnd);
    }
    if (socialWorkers.isEmpty()) {
      return 0;
    }
    return socialWorkers.get(Math.min(m, socialWorkers.size() - 1));
  }
}
