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
 * @param follows the id of the earlier award for the same need this one follows, if any: linked
 *     awards' values add up for the key-decision test
 * @param teams the teams it buys, each with its own roster and price, when it buys more than one
 *     (empty: the contract's own {@code roster} and {@code teamUnit} are its one team)
 * @param reductionNoticeWeeks the notice, in weeks, the council must give before a reduction of the
 *     roster takes effect (a taper); four unless the contract says otherwise
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
    List<Requirement> requirements,
    String follows,
    List<TeamPart> teams,
    int reductionNoticeWeeks) {

  /** The notice a reduction of the roster needs when the contract does not say: four weeks. */
  public static final int DEFAULT_REDUCTION_NOTICE_WEEKS = 4;

  public Contract {
    if (reductionNoticeWeeks < 0 || reductionNoticeWeeks > 52) {
      throw new IllegalArgumentException("a reduction's notice is 0 to 52 weeks");
    }
    requirements = requirements == null ? List.of() : List.copyOf(requirements);
    teams = teams == null ? List.of() : List.copyOf(teams);
    roster = List.copyOf(roster);
    changes = List.copyOf(changes);
    extras = List.copyOf(extras);
    absences = List.copyOf(absences);
    offsets = List.copyOf(offsets);
    extensions = List.copyOf(extensions);
    actuals = List.copyOf(actuals);
  }

  /** A contract for one team, following no earlier award. */
  public Contract(
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
    this(
        id,
        provider,
        route,
        justification,
        start,
        end,
        ceiling,
        status,
        team,
        roster,
        teamUnit,
        changes,
        extras,
        absences,
        offsets,
        extensions,
        actuals,
        requirements,
        null,
        List.of(),
        DEFAULT_REDUCTION_NOTICE_WEEKS);
  }

  /** A contract with the default notice for a reduction (four weeks). */
  public Contract(
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
      List<Requirement> requirements,
      String follows,
      List<TeamPart> teams) {
    this(
        id,
        provider,
        route,
        justification,
        start,
        end,
        ceiling,
        status,
        team,
        roster,
        teamUnit,
        changes,
        extras,
        absences,
        offsets,
        extensions,
        actuals,
        requirements,
        follows,
        teams,
        DEFAULT_REDUCTION_NOTICE_WEEKS);
  }

  /**
   * The first day a reduction of the roster notified on a day may take effect: the notice period
   * after it.
   */
  public LocalDate earliestReduction(LocalDate notifiedOn) {
    return notifiedOn.plusWeeks(reductionNoticeWeeks);
  }

  /**
   * One team the contract buys, with its own roster and price: a contract for several teams (the
   * four-team tender in the brief) has one of these each; a contract for one team has its roster
   * and team unit on itself, and {@link #parts()} gives them as one part named after its team.
   *
   * @param name the team's name in the contract, unique within it ("Team A")
   * @param team the council team it works in, by name, if known
   */
  public record TeamPart(String name, String team, List<RosterLine> roster, TeamUnit teamUnit) {
    public TeamPart {
      roster = List.copyOf(roster);
    }
  }

  /** The teams the contract buys: its {@link #teams()}, or its own roster as one team. */
  public List<TeamPart> parts() {
    if (!teams.isEmpty()) {
      return teams;
    }
    return List.of(new TeamPart(null, team, roster, teamUnit));
  }

  /** Whether the contract buys several teams, each with its own roster and price. */
  public boolean multiTeam() {
    return !teams.isEmpty();
  }

  /** The names of the council's teams it works in: its team, or each of its teams' teams. */
  public List<String> councilTeams() {
    return parts().stream().map(TeamPart::team).filter(t -> t != null).distinct().toList();
  }

  /** The same contract with a new last day. */
  public Contract withEnd(LocalDate newEnd) {
    return new Contract(
        id,
        provider,
        route,
        justification,
        start,
        newEnd,
        ceiling,
        status,
        team,
        roster,
        teamUnit,
        changes,
        extras,
        absences,
        offsets,
        extensions,
        actuals,
        requirements,
        follows,
        teams,
        reductionNoticeWeeks);
  }

  /** The same contract without its invoices: the forecast alone. */
  public Contract withoutInvoices() {
    return new Contract(
        id,
        provider,
        route,
        justification,
        start,
        end,
        ceiling,
        status,
        team,
        roster,
        teamUnit,
        changes,
        extras,
        absences,
        offsets,
        extensions,
        List.of(),
        requirements,
        follows,
        teams,
        reductionNoticeWeeks);
  }

  /**
   * The contract with the invoice for a month recorded (replacing any there was).
   *
   * @throws org.safeload.document.DocumentException when the month is outside the contract
   */
  public Contract withInvoice(Invoice invoice) {
    List<org.safeload.document.FieldProblem> problems = new java.util.ArrayList<>();
    ContractRules.invoiceMonth(invoice.month(), start, end)
        .ifPresent(m -> problems.add(org.safeload.document.FieldProblem.of("month", m)));
    ContractRules.money(invoice.amount(), "amount", problems);
    ContractRules.refuse(problems);
    List<Invoice> invoices = new java.util.ArrayList<>();
    for (Invoice existing : actuals) {
      if (!existing.month().equals(invoice.month())) {
        invoices.add(existing);
      }
    }
    invoices.add(invoice);
    invoices.sort(java.util.Comparator.comparing(Invoice::month));
    return new Contract(
        id,
        provider,
        route,
        justification,
        start,
        end,
        ceiling,
        status,
        team,
        roster,
        teamUnit,
        changes,
        extras,
        absences,
        offsets,
        extensions,
        invoices,
        requirements,
        follows,
        teams,
        reductionNoticeWeeks);
  }

  /**
   * The contract with a dated roster change added: from a date, a new count of people in a role, or
   * of team units, for the whole contract or one of its teams.
   *
   * @throws org.safeload.document.DocumentException naming the field when the change does not fit
   */
  public Contract withChange(RosterChange change) {
    List<org.safeload.document.FieldProblem> problems = new java.util.ArrayList<>();
    ContractRules.change(this, change, problems);
    ContractRules.refuse(problems);
    List<RosterChange> more = new java.util.ArrayList<>(changes);
    more.add(change);
    return new Contract(
        id,
        provider,
        route,
        justification,
        start,
        end,
        ceiling,
        status,
        team,
        roster,
        teamUnit,
        more,
        extras,
        absences,
        offsets,
        extensions,
        actuals,
        requirements,
        follows,
        teams,
        reductionNoticeWeeks);
  }

  /**
   * The contract as a decision leaves it: exercising an option extends the end by its months and
   * adds its most to the ceiling; declining it closes it (its value leaves the potential value); an
   * extension or a variation moves the end and the ceiling; a taper adds its roster changes; an
   * early exit brings the end forward. An award changes nothing.
   *
   * @throws org.safeload.document.DocumentException naming the field when it does not fit
   */
  public Contract withDecision(Decision decision) {
    List<org.safeload.document.FieldProblem> problems = new java.util.ArrayList<>();
    ContractRules.decision(this, decision, problems);
    ContractRules.refuse(problems);
    LocalDate newEnd = end;
    BigDecimal newCeiling = ceiling;
    ContractStatus newStatus = status;
    List<ExtensionOption> options = new java.util.ArrayList<>(extensions);
    List<RosterChange> newChanges = new java.util.ArrayList<>(changes);
    switch (decision.kind()) {
      case AWARD -> {}
      case EXERCISE_OPTION -> {
        ExtensionOption option = extensions.get(decision.option() - 1);
        options.set(decision.option() - 1, option.decided(OptionState.EXERCISED));
        newEnd = decision.newEnd() != null ? decision.newEnd() : end.plusMonths(option.months());
        newCeiling = ceiling == null ? null : ceiling.add(option.maxValue());
        newStatus = ContractStatus.EXTENDED;
      }
      case DECLINE_OPTION ->
          options.set(
              decision.option() - 1,
              extensions.get(decision.option() - 1).decided(OptionState.DECLINED));
      case EXTENSION, VARIATION -> {
        if (decision.newEnd() != null) {
          newEnd = decision.newEnd();
        }
        if (decision.addedValue() != null && ceiling != null) {
          newCeiling = ceiling.add(decision.addedValue());
        }
        if (decision.kind() == DecisionKind.EXTENSION) {
          newStatus = ContractStatus.EXTENDED;
        }
      }
      case TAPER -> newChanges.addAll(decision.taper());
      case EARLY_EXIT -> newEnd = decision.newEnd();
    }
    return new Contract(
        id,
        provider,
        route,
        justification,
        start,
        newEnd,
        newCeiling,
        newStatus,
        team,
        roster,
        teamUnit,
        newChanges,
        extras,
        absences,
        offsets,
        options,
        actuals,
        requirements,
        follows,
        teams,
        reductionNoticeWeeks);
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
  public record RosterChange(
      LocalDate from, Role role, Integer count, Integer teams, String forTeam) {

    public RosterChange(LocalDate from, Role role, Integer count, Integer teams) {
      this(from, role, count, teams, null);
    }
  }

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
  public record Absence(
      Role role, LocalDate from, LocalDate to, int count, String reason, String forTeam) {

    public Absence(Role role, LocalDate from, LocalDate to, int count, String reason) {
      this(role, from, to, count, reason, null);
    }
  }

  /** A saving set against the cost, such as vacant establishment posts not paid for. */
  public record Offset(String name, BigDecimal amount) {}

  /**
   * An option to extend: how long, for at most how much, by when the council must decide (give
   * notice), and whether it is still open, exercised or declined.
   */
  public record ExtensionOption(
      int months, BigDecimal maxValue, LocalDate decideBy, OptionState state) {

    public ExtensionOption {
      state = state == null ? OptionState.OPEN : state;
    }

    public ExtensionOption(int months, BigDecimal maxValue, LocalDate decideBy) {
      this(months, maxValue, decideBy, OptionState.OPEN);
    }

    public boolean open() {
      return state == OptionState.OPEN;
    }

    public ExtensionOption decided(OptionState newState) {
      return new ExtensionOption(months, maxValue, decideBy, newState);
    }
  }

  /** An invoice received for a month. */
  public record Invoice(YearMonth month, BigDecimal amount, String reference) {}

  /**
   * The contract's own minimums for the workers of a role it supplies (docs/workforce.md): years of
   * post-qualifying experience and years as a team manager, 0 for none.
   */
  public record Requirement(Role role, int pqeYears, int managerYears) {}
}
