package org.safeload.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.safeload.organisation.Role;

/**
 * A managed-team contract: its terms, how it is priced (per person by role, per team unit, or
 * both), dated roster changes, extras, absences and vacancies, offsets, extension options and the
 * invoices received. Amounts are in pounds.
 *
 * @param ceiling the most the contract may cost, or {@code null} if none was set
 * @param team the name of the council's team it supplies, if known
 * @param requirements the contract's minimums for its workers, by role (none: empty)
 */
public record Contract(
    String id,
    String provider,
    ProcurementRoute route,
    String justification,
    LocalDate start,
    LocalDate end,
    BigDecimal ceiling,
    ContractStatus status,
    String team,
    List<RosterLine> roster,
    TeamUnit teamUnit,
    List<RosterChange> changes,
    List<Extra> extras,
    List<Absence> absences,
    List<Offset> offsets,
    List<ExtensionOption> extensions,
    List<Invoice> actuals,
    List<Requirement> requirements) {

  public Contract {
    requirements = requirements == null ? List.of() : List.copyOf(requirements);
    roster = List.copyOf(roster);
    changes = List.copyOf(changes);
    extras = List.copyOf(extras);
    absences = List.copyOf(absences);
    offsets = List.copyOf(offsets);
    extensions = List.copyOf(extensions);
    actuals = List.copyOf(actuals);
  }

  /** A price: an amount per calendar day, working day, week or month (or one-off, for extras). */
  public record Rate(BigDecimal amount, RatePer per) {}

  /** People of one role, priced each. */
  public record RosterLine(Role role, int count, Rate rate) {}

  /**
   * Whole teams of a stated composition, at a price per team per week.
   *
   * @param composition people per team by role (a team of 1 manager and 6 social workers)
   */
  public record TeamUnit(BigDecimal pricePerTeamWeek, int teams, Map<Role, Integer> composition) {
    public int size() {
      return composition.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /**
   * From a date, a new number of people in a role ({@code role} and {@code count}) or of team units
   * ({@code teams}): a taper is a series of these.
   */
  public record RosterChange(LocalDate from, Role role, Integer count, Integer teams) {}

  /**
   * A cost beside the team: agency backfill, mileage, a one-off. Per month, week, calendar day or
   * working day from {@code from} to {@code to} (the contract's end if {@code null}), or one-off on
   * {@code from}.
   */
  public record Extra(
      String name, LocalDate from, LocalDate to, BigDecimal amount, RatePer per, int count) {}

  /**
   * People of a role not supplied from one date to another (both included): absence or vacancy.
   * Their days are not paid.
   */
  public record Absence(Role role, LocalDate from, LocalDate to, int count, String reason) {}

  /** A saving set against the cost, such as vacant establishment posts not paid for. */
  public record Offset(String name, BigDecimal amount) {}

  /** An option to extend: how long, for at most how much, and by when the council must decide. */
  public record ExtensionOption(int months, BigDecimal maxValue, LocalDate decideBy) {}

  /** An invoice received for a month. */
  public record Invoice(YearMonth month, BigDecimal amount, String reference) {}

  /**
   * The contract's own minimums for the workers of a role it supplies (docs/workforce.md): years of
   * post-qualifying experience and years as a team manager, 0 for none.
   */
  public record Requirement(Role role, int pqeYears, int managerYears) {}
}
