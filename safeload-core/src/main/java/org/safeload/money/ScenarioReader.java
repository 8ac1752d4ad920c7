package org.safeload.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.document.Codes;
import org.safeload.document.DocumentException;
import org.safeload.document.FieldProblem;
import org.safeload.money.Contract.Absence;
import org.safeload.money.Contract.ExtensionOption;
import org.safeload.money.Contract.Extra;
import org.safeload.money.Contract.Invoice;
import org.safeload.money.Contract.Offset;
import org.safeload.money.Contract.Rate;
import org.safeload.money.Contract.RosterChange;
import org.safeload.money.Contract.RosterLine;
import org.safeload.money.Contract.TeamUnit;
import org.safeload.organisation.Role;
import org.safeload.yaml.YamlObject;

/**
 * Reads a scenario document (YAML or JSON; docs/scenario.schema.json) or a single contract
 * document. Every problem is reported at once, each naming its line and field; a document with any
 * problem gives nothing.
 */
public final class ScenarioReader {

  private ScenarioReader() {}

  /**
   * Reads a scenario: {@code settings}, {@code contracts}, {@code appraisal}, {@code teamAppraisal}
   * ({@link TeamAppraisalReader}); its {@code projection} is read by {@code
   * org.safeload.planning.ProjectionReader}.
   */
  public static Scenario scenario(String text) {
    List<FieldProblem> problems = new ArrayList<>();
    YamlObject root = root(text, problems);
    // The projection section is org.safeload.planning.ProjectionReader's to read.
    root.allow("settings", "contracts", "appraisal", "teamAppraisal", "projection");
    LocalDate asOf = null;
    BigDecimal threshold = ContractCosting.DEFAULT_KEY_DECISION_THRESHOLD;
    Optional<YamlObject> settings = root.object("settings", false);
    if (settings.isPresent()) {
      YamlObject s = settings.get();
      s.allow("asOf", "keyDecisionThreshold");
      asOf = s.date("asOf", false);
      BigDecimal t = s.money("keyDecisionThreshold", false);
      if (t != null) {
        threshold = t;
      }
    }
    List<Contract> contracts = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (YamlObject c : root.list("contracts")) {
      Contract contract = contract(c, problems);
      if (contract != null && !ids.add(contract.id())) {
        c.problem("id", "another contract has the id " + contract.id());
      }
      contracts.add(contract);
    }
    List<RateCard> cards = new ArrayList<>();
    for (YamlObject card : root.list("appraisal")) {
      cards.add(card(card));
    }
    TeamAppraisal.Inputs team =
        root.object("teamAppraisal", false)
            .map(t -> TeamAppraisalReader.read(t, TeamAppraisalReader.Defaults.NONE, problems))
            .orElse(null);
    if (!root.has("contracts")
        && !root.has("appraisal")
        && !root.has("teamAppraisal")
        && !root.has("projection")) {
      root.problem("", "the scenario needs contracts, an appraisal, or both");
    }
    if (!problems.isEmpty()) {
      throw new DocumentException(problems);
    }
    return new Scenario(asOf, threshold, List.copyOf(contracts), List.copyOf(cards), team);
  }

  /** Reads one contract document: the fields of one entry of a scenario's {@code contracts}. */
  public static Contract contract(String text) {
    List<FieldProblem> problems = new ArrayList<>();
    YamlObject root = root(text, problems);
    Contract contract = contract(root, problems);
    if (!problems.isEmpty()) {
      throw new DocumentException(problems);
    }
    return contract;
  }

  /**
   * Reads one roster change ({@code from}, and {@code role} and {@code count}, or {@code teams};
   * {@code forTeam} in a contract for several teams), each problem named by its field; whether it
   * fits the contract is {@link Contract#withChange}'s to check.
   */
  public static RosterChange rosterChange(String text) {
    List<FieldProblem> problems = new ArrayList<>();
    YamlObject ch = root(text, problems);
    ch.allow("from", "role", "count", "teams", "forTeam");
    LocalDate from = ch.date("from", true);
    Role role = ch.code("role", false, Role::fromCode, Role.codes());
    Integer count = ch.count("count", false, 0);
    Integer teams = ch.count("teams", false, 0);
    String forTeam = ch.name("forTeam", false);
    if (ch.has("role") && !ch.has("count")) {
      ch.problem("count", "is required with a role");
    }
    if (!problems.isEmpty()) {
      throw new DocumentException(problems);
    }
    return new RosterChange(from, role, ch.has("role") ? count : null, teams, forTeam);
  }

  private static YamlObject root(String text, List<FieldProblem> problems) {
    return YamlObject.document(text, problems);
  }

  private static Contract contract(YamlObject c, List<FieldProblem> problems) {
    int before = problems.size();
    c.allow(
        "id",
        "provider",
        "route",
        "justification",
        "start",
        "end",
        "ceiling",
        "status",
        "team",
        "roster",
        "teamUnit",
        "changes",
        "extras",
        "absences",
        "offsets",
        "extensions",
        "actuals",
        "requirements",
        "follows",
        "teams",
        "reductionNoticeWeeks");
    String id = c.id("id", true);
    String provider = c.name("provider", true);
    ProcurementRoute route =
        c.code("route", false, ProcurementRoute::fromCode, ProcurementRoute.codes());
    String justification = c.text("justification", false);
    if (route == ProcurementRoute.DIRECT_AWARD && justification == null) {
      c.problem(
          "justification", "a direct award needs its justification (why there was no competition)");
    }
    LocalDate start = c.date("start", true);
    LocalDate end = c.date("end", true);
    if (start != null && end != null) {
      if (end.isBefore(start)) {
        c.problem("end", "must be on or after the start, " + start);
      }
      if (start.getYear() < WorkingCalendar.FIRST_YEAR
          || end.getYear() > WorkingCalendar.LAST_YEAR) {
        c.problem(
            "start",
            "the contract must fall between "
                + WorkingCalendar.FIRST_YEAR
                + " and "
                + WorkingCalendar.LAST_YEAR);
      }
    }
    BigDecimal ceiling = c.pounds("ceiling", false);
    ContractStatus status =
        c.code("status", false, ContractStatus::fromCode, ContractStatus.codes());
    String team = c.name("team", false);
    String follows = c.id("follows", false);
    Integer notice = c.count("reductionNoticeWeeks", false, 0);
    if (notice != null && notice > 52) {
      c.problem("reductionNoticeWeeks", "must be at most 52 weeks (not " + notice + ")");
    }
    if (follows != null && follows.equals(id)) {
      c.problem("follows", "a contract cannot follow itself");
    }

    List<RosterLine> roster = roster(c);
    TeamUnit unit = teamUnit(c);
    List<Contract.TeamPart> parts = new ArrayList<>();
    Set<String> partNames = new HashSet<>();
    for (YamlObject p : c.list("teams")) {
      p.allow("name", "team", "roster", "teamUnit");
      String name = p.name("name", true);
      if (name != null && !partNames.add(name)) {
        p.problem("name", "another of the contract's teams is named " + name);
      }
      List<RosterLine> partRoster = roster(p);
      TeamUnit partUnit = teamUnit(p);
      if (partRoster.isEmpty() && partUnit == null) {
        p.problem("roster", "each team is priced by a roster, a teamUnit, or both");
      }
      parts.add(new Contract.TeamPart(name, p.name("team", false), partRoster, partUnit));
    }
    if (!parts.isEmpty()) {
      if (!roster.isEmpty() || unit != null) {
        c.problem(
            "teams",
            "a contract for several teams prices each in its teams entry, not in its own roster or"
                + " teamUnit");
      }
      if (team != null) {
        c.problem("team", "a contract for several teams names each one's team in its teams entry");
      }
    } else if (roster.isEmpty() && unit == null) {
      c.problem("roster", "a contract is priced by a roster, a teamUnit, or both");
    }

    List<RosterChange> changes = new ArrayList<>();
    for (YamlObject ch : c.list("changes")) {
      ch.allow("from", "role", "count", "teams", "forTeam");
      LocalDate from = ch.date("from", true);
      within(ch, "from", from, start, end);
      Role role = ch.code("role", false, Role::fromCode, Role.codes());
      Integer count = ch.count("count", false, 0);
      Integer teams = ch.count("teams", false, 0);
      String forTeam = forTeam(ch, parts);
      List<RosterLine> partRoster = parts.isEmpty() ? roster : rosterOf(parts, forTeam);
      TeamUnit partUnit = parts.isEmpty() ? unit : unitOf(parts, forTeam);
      if (ch.has("role") == ch.has("teams")) {
        ch.problem(
            "", "a change names either a role and its new count, or the new number of teams");
      } else if (ch.has("role")) {
        if (!ch.has("count")) {
          ch.problem("count", "is required with a role");
        }
        if (role != null
            && partRoster != null
            && partRoster.stream().noneMatch(l -> l.role() == role)) {
          ch.problem("role", "the roster has no line for " + role.code());
        }
      } else if (partUnit == null && (parts.isEmpty() || forTeam != null)) {
        ch.problem("teams", "the contract has no teamUnit to change");
      }
      changes.add(new RosterChange(from, role, ch.has("role") ? count : null, teams, forTeam));
    }

    List<Extra> extras = new ArrayList<>();
    for (YamlObject x : c.list("extras")) {
      x.allow("name", "from", "to", "amount", "per", "count");
      String name = x.name("name", true);
      LocalDate from = x.has("from") ? x.date("from", true) : start;
      LocalDate to = x.date("to", false);
      within(x, "from", from, start, end);
      if (from != null && to != null && to.isBefore(from)) {
        x.problem("to", "must be on or after " + from);
      }
      BigDecimal amount = x.pounds("amount", true);
      RatePer per = x.code("per", true, RatePer::fromCode, Codes.codes(RatePer.class));
      Integer count = x.has("count") ? x.count("count", true, 1) : Integer.valueOf(1);
      extras.add(new Extra(name, from, to, amount, per, count == null ? 1 : count));
    }

    List<Absence> absences = new ArrayList<>();
    for (YamlObject a : c.list("absences")) {
      a.allow("role", "from", "to", "count", "reason", "forTeam");
      String forTeam = forTeam(a, parts);
      Role role = a.code("role", true, Role::fromCode, Role.codes());
      LocalDate from = a.date("from", true);
      LocalDate to = a.date("to", true);
      within(a, "from", from, start, end);
      if (from != null && to != null && to.isBefore(from)) {
        a.problem("to", "must be on or after " + from);
      }
      Integer count = a.has("count") ? a.count("count", true, 1) : Integer.valueOf(1);
      String reason = a.has("reason") ? a.text("reason", true) : "absence";
      if (reason != null && !reason.equals("absence") && !reason.equals("vacancy")) {
        a.problem("reason", "must be one of: absence, vacancy (not " + reason + ")");
      }
      List<RosterLine> partRoster = parts.isEmpty() ? roster : rosterOf(parts, forTeam);
      TeamUnit partUnit = parts.isEmpty() ? unit : unitOf(parts, forTeam);
      if (role != null
          && (parts.isEmpty() || forTeam != null)
          && (partRoster == null || partRoster.stream().noneMatch(l -> l.role() == role))
          && (partUnit == null || !partUnit.composition().containsKey(role))) {
        a.problem("role", "the contract supplies no " + role.code());
      }
      absences.add(new Absence(role, from, to, count == null ? 1 : count, reason, forTeam));
    }

    List<Offset> offsets = new ArrayList<>();
    for (YamlObject o : c.list("offsets")) {
      o.allow("name", "amount");
      offsets.add(new Offset(o.name("name", true), o.pounds("amount", true)));
    }
    List<ExtensionOption> extensions = new ArrayList<>();
    for (YamlObject e : c.list("extensions")) {
      e.allow("months", "maxValue", "decideBy", "state");
      Integer months = e.count("months", true, 1);
      OptionState state = e.code("state", false, OptionState::fromCode, OptionState.codes());
      extensions.add(
          new ExtensionOption(
              months == null ? 0 : months,
              e.pounds("maxValue", true),
              e.date("decideBy", true),
              state));
    }
    List<Invoice> actuals = new ArrayList<>();
    Set<YearMonth> invoiced = new HashSet<>();
    for (YamlObject i : c.list("actuals")) {
      i.allow("month", "amount", "reference");
      YearMonth month = i.month("month", true);
      if (month != null && start != null && end != null) {
        ContractRules.invoiceMonth(month, start, end).ifPresent(m -> i.problem("month", m));
      }
      if (month != null && !invoiced.add(month)) {
        i.problem("month", "already has an invoice");
      }
      actuals.add(new Invoice(month, i.pounds("amount", true), i.name("reference", false)));
    }
    List<Contract.Requirement> requirements = new ArrayList<>();
    Set<Role> required = new HashSet<>();
    for (YamlObject r : c.list("requirements")) {
      r.allow("role", "pqeYears", "managerYears");
      Role role = r.code("role", true, Role::fromCode, Role.codes());
      if (role != null
          && role != Role.SOCIAL_WORKER
          && role != Role.ADVANCED_PRACTITIONER
          && role != Role.TEAM_MANAGER) {
        r.problem("role", "requirements are for qualified roles only (not " + role.code() + ")");
      } else if (role != null && !required.add(role)) {
        r.problem("role", "already has requirements for " + role.code());
      }
      Integer pqe = r.count("pqeYears", false, 0);
      Integer manager = r.count("managerYears", false, 0);
      if (pqe != null && pqe > 60) {
        r.problem("pqeYears", "must be at most 60 (not " + pqe + ")");
      }
      if (manager != null && manager > 60) {
        r.problem("managerYears", "must be at most 60 (not " + manager + ")");
      }
      requirements.add(
          new Contract.Requirement(role, pqe == null ? 0 : pqe, manager == null ? 0 : manager));
    }
    if (problems.size() > before) {
      return null;
    }
    return new Contract(
        id,
        provider,
        route,
        justification,
        start,
        end,
        ceiling,
        status == null ? ContractStatus.ACTIVE : status,
        team,
        roster,
        unit,
        changes,
        extras,
        absences,
        offsets,
        extensions,
        actuals,
        requirements,
        follows,
        parts,
        notice == null ? Contract.DEFAULT_REDUCTION_NOTICE_WEEKS : notice);
  }

  private static List<RosterLine> roster(YamlObject c) {
    List<RosterLine> roster = new ArrayList<>();
    Set<Role> rosterRoles = new HashSet<>();
    for (YamlObject line : c.list("roster")) {
      line.allow("role", "count", "rate");
      Role role = line.code("role", true, Role::fromCode, Role.codes());
      Integer count = line.count("count", true, 0);
      Rate rate = line.object("rate", true).map(r -> rate(r, false)).orElse(null);
      if (role != null && !rosterRoles.add(role)) {
        line.problem("role", "the roster already has a line for " + role.code());
      }
      roster.add(new RosterLine(role, count == null ? 0 : count, rate));
    }
    return roster;
  }

  private static TeamUnit teamUnit(YamlObject c) {
    return c.object("teamUnit", false)
        .map(
            u -> {
              u.allow("pricePerTeamWeek", "teams", "composition");
              BigDecimal price = u.pounds("pricePerTeamWeek", true);
              Integer teams = u.count("teams", true, 0);
              Map<Role, Integer> composition = new EnumMap<>(Role.class);
              u.object("composition", true)
                  .ifPresent(
                      comp -> {
                        for (String name : comp.names()) {
                          Optional<Role> role = Role.fromCode(name);
                          Integer n = comp.count(name, true, 1);
                          if (role.isEmpty()) {
                            comp.problem(name, "is not a role; roles: " + Role.codes());
                          } else if (n != null) {
                            composition.put(role.get(), n);
                          }
                        }
                        if (comp.names().isEmpty()) {
                          comp.problem("", "must name at least one role and its number");
                        }
                      });
              return new TeamUnit(price, teams == null ? 0 : teams, Map.copyOf(composition));
            })
        .orElse(null);
  }

  /** The team a change or absence is for: required in a multi-team contract, refused otherwise. */
  private static String forTeam(YamlObject o, List<Contract.TeamPart> parts) {
    String forTeam = o.name("forTeam", false);
    if (parts.isEmpty()) {
      if (forTeam != null) {
        o.problem("forTeam", "the contract buys one team; leave it out");
      }
      return null;
    }
    List<String> names = parts.stream().map(Contract.TeamPart::name).toList();
    if (forTeam == null) {
      o.problem(
          "forTeam", "the contract buys several teams; name one of: " + String.join(", ", names));
    } else if (!names.contains(forTeam)) {
      o.problem("forTeam", "is not one of the contract's teams: " + String.join(", ", names));
      return null;
    }
    return forTeam;
  }

  private static List<RosterLine> rosterOf(List<Contract.TeamPart> parts, String name) {
    return parts.stream()
        .filter(p -> java.util.Objects.equals(p.name(), name))
        .findFirst()
        .map(Contract.TeamPart::roster)
        .orElse(null);
  }

  private static TeamUnit unitOf(List<Contract.TeamPart> parts, String name) {
    return parts.stream()
        .filter(p -> java.util.Objects.equals(p.name(), name))
        .findFirst()
        .map(Contract.TeamPart::teamUnit)
        .orElse(null);
  }

  private static Rate rate(YamlObject r, boolean oneOffAllowed) {
    r.allow("amount", "per");
    BigDecimal amount = r.pounds("amount", true);
    RatePer per = r.code("per", true, RatePer::fromCode, "calendar-day, working-day, week, month");
    if (per == RatePer.ONE_OFF && !oneOffAllowed) {
      r.problem(
          "per", "one-off is for extras; a rate is per calendar-day, working-day, week or month");
    }
    return new Rate(amount, per);
  }

  private static void within(
      YamlObject o, String key, LocalDate date, LocalDate start, LocalDate end) {
    if (date != null
        && start != null
        && end != null
        && !end.isBefore(start)
        && (date.isBefore(start) || date.isAfter(end))) {
      o.problem(key, "must fall within the contract, " + start + " to " + end);
    }
  }

  private static RateCard card(YamlObject o) {
    String kind = o.text("kind", true);
    String name = o.name("name", true);
    if (kind == null) {
      return null;
    }
    switch (kind) {
      case "permanent" -> {
        o.allow("name", "kind", "salary", "onCostRate", "caseHoldingShare");
        return new RateCard.Permanent(
            name,
            o.money("salary", true),
            share(o, "onCostRate", BigDecimal.ZERO, true),
            share(o, "caseHoldingShare", BigDecimal.ONE, false));
      }
      case "agency" -> {
        o.allow(
            "name",
            "kind",
            "hourlyPay",
            "onCostRate",
            "hourlyFee",
            "hoursPerWeek",
            "weeksPerYear",
            "caseHoldingShare");
        return new RateCard.Agency(
            name,
            o.money("hourlyPay", true),
            share(o, "onCostRate", BigDecimal.ZERO, true),
            o.has("hourlyFee") ? o.money("hourlyFee", true) : BigDecimal.ZERO,
            positive(o, "hoursPerWeek", new BigDecimal("37")),
            positive(o, "weeksPerYear", new BigDecimal("52")),
            share(o, "caseHoldingShare", BigDecimal.ONE, false));
      }
      case "managed-team" -> {
        o.allow("name", "kind", "pricePerTeamWeek", "weeksPerYear", "teamFte", "caseHoldingFte");
        BigDecimal teamFte = positive(o, "teamFte", null);
        BigDecimal caseHolding = positive(o, "caseHoldingFte", null);
        if (teamFte != null && caseHolding != null && caseHolding.compareTo(teamFte) > 0) {
          o.problem("caseHoldingFte", "cannot be more than teamFte, " + teamFte);
        }
        return new RateCard.ManagedTeam(
            name,
            o.money("pricePerTeamWeek", true),
            positive(o, "weeksPerYear", new BigDecimal("52")),
            teamFte,
            caseHolding);
      }
      default -> {
        o.problem("kind", "must be one of: permanent, agency, managed-team (not " + kind + ")");
        return null;
      }
    }
  }

  /** A fraction: 0 to 1 (on-costs may be 0; a case-holding share must be more than 0). */
  private static BigDecimal share(
      YamlObject o, String key, BigDecimal otherwise, boolean zeroAllowed) {
    if (!o.has(key)) {
      return otherwise;
    }
    BigDecimal value = o.money(key, true);
    if (value != null
        && (value.compareTo(BigDecimal.ONE) > 0 || (!zeroAllowed && value.signum() == 0))) {
      o.problem(
          key,
          zeroAllowed
              ? "must be from 0 to 1, like 0.3 for 30%"
              : "must be more than 0 and at most 1");
      return otherwise;
    }
    return value == null ? otherwise : value;
  }

  private static BigDecimal positive(YamlObject o, String key, BigDecimal otherwise) {
    if (!o.has(key)) {
      if (otherwise == null) {
        o.problem(key, "is required");
      }
      return otherwise;
    }
    BigDecimal value = o.money(key, true);
    if (value != null && value.signum() == 0) {
      o.problem(key, "must be more than 0");
      return otherwise;
    }
    return value;
  }
}
