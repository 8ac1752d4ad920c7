package org.safeload.app.decision;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safeload.app.access.Capability;
import org.safeload.app.access.CurrentUser;
import org.safeload.app.access.Requires;
import org.safeload.app.access.SystemAccess;
import org.safeload.app.audit.AuditLog;
import org.safeload.app.caseload.CaseloadBoards;
import org.safeload.app.caseload.UnallocatedCases;
import org.safeload.app.decision.persistence.DecisionRepository;
import org.safeload.app.money.AwardDates;
import org.safeload.app.money.ContractReadiness;
import org.safeload.app.money.ContractService;
import org.safeload.app.money.StoredContract;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.app.platform.NotFoundException;
import org.safeload.app.platform.Show;
import org.safeload.app.platform.TimeConfig;
import org.safeload.app.timeliness.RuleSets;
import org.safeload.app.timeliness.TimelinessService;
import org.safeload.document.DocumentException;
import org.safeload.money.Contract;
import org.safeload.money.ContractCosting;
import org.safeload.money.Costing;
import org.safeload.money.Decision;
import org.safeload.money.DecisionDocument;
import org.safeload.money.DecisionFigures;
import org.safeload.money.PrintedFigures;
import org.safeload.organisation.Team;
import org.safeload.timeliness.KpiReport;
import org.safeload.workforce.Readiness;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Council decisions about contracts (docs/decisions.md): recorded from a form, the API or a file;
 * each changes the contract as {@link Contract#withDecision} says and keeps the figures as of its
 * date, frozen, so its report can be written again exactly. Reports without a decision use the
 * figures as of a date, worked out live. A provider's account sees no decisions.
 */
@Service
@Transactional(readOnly = true)
public class Decisions implements AwardDates {

  private final DecisionRepository decisions;
  private final ContractService contracts;
  private final ContractReadiness readiness;
  private final CaseloadBoards caseloads;
  private final UnallocatedCases unallocated;
  private final TimelinessService timeliness;
  private final OrganisationService organisation;
  private final AuditLog audit;
  private final Clock clock;

  Decisions(
      DecisionRepository decisions,
      ContractService contracts,
      ContractReadiness readiness,
      CaseloadBoards caseloads,
      UnallocatedCases unallocated,
      TimelinessService timeliness,
      OrganisationService organisation,
      AuditLog audit,
      Clock clock) {
    this.decisions = decisions;
    this.contracts = contracts;
    this.readiness = readiness;
    this.caseloads = caseloads;
    this.unallocated = unallocated;
    this.timeliness = timeliness;
    this.organisation = organisation;
    this.audit = audit;
    this.clock = clock;
  }

  /** A decision as recorded: its number, the decision, its frozen figures, who and when. */
  public record Recorded(
      String contractCode,
      int number,
      Decision decision,
      DecisionFigures figures,
      Instant recordedAt,
      String recordedBy) {

    public String title() {
      return decision.kind().label() + " on " + Show.inWords(decision.date());
    }
  }

  public LocalDate today() {
    return TimeConfig.today(clock);
  }

  private StoredContract contract(String code) {
    if (CurrentUser.providerScope().isPresent()) {
      throw new NotFoundException("No contract " + code);
    }
    return contracts.contract(code);
  }

  /** A contract's decisions, in the order they were recorded. */
  @Requires(Capability.READ_DECISIONS)
  public List<Recorded> decisions(String code) {
    StoredContract c = contract(code);
    List<DecisionRepository.Row> rows = decisions.forContract(c.id());
    Map<String, String> people =
        audit.people(rows.stream().map(DecisionRepository.Row::recordedBy).toList());
    return rows.stream().map(r -> read(code, r, people)).toList();
  }

  @Requires(Capability.READ_DECISIONS)
  public Recorded decision(String code, int number) {
    StoredContract c = contract(code);
    DecisionRepository.Row row =
        decisions
            .find(c.id(), number)
            .orElseThrow(() -> new NotFoundException("No decision " + number + " on " + code));
    audit.recordRead("read", "decision", c.id() + "/" + number, "decision " + number + " read");
    return read(code, row, audit.people(List.of(row.recordedBy())));
  }

  private Recorded read(String code, DecisionRepository.Row row, Map<String, String> people) {
    return new Recorded(
        code,
        row.number(),
        DecisionDocument.read(row.document()),
        thaw(row.figures()),
        row.recordedAt(),
        people.getOrDefault(row.recordedBy(), AuditLog.SYSTEM_NAME));
  }

  /** Records a decision from its document (YAML or JSON). */
  @Requires(Capability.EDIT_MONEY)
  @Transactional
  public Recorded record(String code, String document) {
    Decision d;
    try {
      d = DecisionDocument.read(document);
    } catch (DocumentException e) {
      throw new InvalidInputException("The decision has errors", e.problems());
    }
    return record(code, d);
  }

  /**
   * Records a decision: checks it against the contract, changes the contract as it says, and keeps
   * it with the figures as of its date.
   */
  @Requires(Capability.EDIT_MONEY)
  @Transactional
  public Recorded record(String code, Decision d) {
    StoredContract stored = contract(code);
    Contract before = stored.contract();
    Contract after;
    try {
      after = before.withDecision(d);
    } catch (DocumentException e) {
      throw new InvalidInputException("The decision has errors", e.problems());
    }
    String summary = summary(d);
    if (!after.equals(before)) {
      contracts.saveDecided(code, after, summary);
    }
    DecisionFigures figures = figures(after, d.date(), d, before);
    int number =
        decisions.insert(
            stored.id(),
            d.kind().code(),
            d.date(),
            FROZEN.writeValueAsString(DecisionDocument.toMap(d)),
            freeze(figures),
            clock.instant(),
            AuditLog.actor());
    audit.record("create", "decision", stored.id() + "/" + number, summary + " recorded");
    DecisionRepository.Row row = decisions.find(stored.id(), number).orElseThrow();
    return read(code, row, audit.people(List.of(row.recordedBy())));
  }

  private static String summary(Decision d) {
    return "decision: "
        + d.kind().label().toLowerCase(java.util.Locale.UK)
        + (d.option() != null ? " " + d.option() : "")
        + " on "
        + Show.inWords(d.date());
  }

  /** The figures for a report with no decision: the contract as it stands, as of a date. */
  @Requires(Capability.READ_DECISIONS)
  public DecisionFigures figuresOn(String code, LocalDate asOf) {
    Contract c = contract(code).contract();
    return figures(c, asOf, null, c);
  }

  /**
   * Every figure a report states, as of a date: the costing with the linked awards, the decision's
   * value and the key-decision test, the procurement flags, where the printed figures differ, the
   * evidence of impact in the teams it works in, and the roster's position. Caseload and timeliness
   * figures are counts and rates, never a child's record, and are read on the system's behalf so a
   * finance officer's report holds them too.
   */
  DecisionFigures figures(Contract contract, LocalDate asOf, Decision d, Contract before) {
    ContractCosting engine = contracts.costing();
    Costing costing = contracts.cost(contract, asOf);
    BigDecimal value = d == null ? null : d.valueOf(before, engine.cost(before, d.date()).total());
    var key =
        engine
            .keyDecisionRule()
            .assess(
                value,
                costing.potentialValue(),
                costing.linkedTotal(),
                d != null && d.wardsAffected());
    List<PrintedFigures.Difference> printed =
        d == null ? List.of() : PrintedFigures.compare(d.printed(), costing, contract);
    List<DecisionFigures.LinkedAward> linked =
        contracts.linkedAwards(contract).stream()
            .map(
                c ->
                    new DecisionFigures.LinkedAward(
                        c.id(), c.provider(), c.start(), c.end(), engine.value(c)))
            .toList();
    DecisionFigures.Impact impact = SystemAccess.call("reports", () -> impact(contract, asOf));
    return new DecisionFigures(
        asOf,
        organisation.councilName(),
        contract,
        costing,
        value,
        key,
        contracts.procurementFlags(contract, costing),
        printed,
        linked,
        impact,
        workforce(contract));
  }

  private DecisionFigures.Impact impact(Contract contract, LocalDate asOf) {
    LocalDate from =
        contract.start().isAfter(asOf.minusYears(1)) ? contract.start() : asOf.minusYears(1);
    if (from.isAfter(asOf)
        || caseloads.dateProblem(from).isPresent()
        || caseloads.dateProblem(asOf).isPresent()) {
      return null;
    }
    List<Team> teams = new ArrayList<>();
    for (String name : contract.councilTeams()) {
      organisation.teamNamed(name).ifPresent(teams::add);
    }
    CaseloadBoards.Overview atStart = caseloads.overview(from);
    CaseloadBoards.Overview now = caseloads.overview(asOf);
    List<DecisionFigures.TeamImpact> rows = new ArrayList<>();
    for (Team t : teams) {
      var flow = caseloads.throughput(t.id(), from, asOf).flow();
      rows.add(
          new DecisionFigures.TeamImpact(
              t.name(),
              flow.openAtStart(),
              flow.receivedNew(),
              flow.transferredIn(),
              flow.steppedDown() + flow.steppedDownOut(),
              flow.closed(),
              flow.transferredOut(),
              flow.openAtEnd(),
              perFte(atStart, t),
              perFte(now, t),
              target(now, t)));
    }
    List<DecisionFigures.KpiTrend> kpis = new ArrayList<>();
    var dashboard = timeliness.dashboard(RuleSets.DEFAULT_RULE_SET, asOf, null, null);
    for (KpiReport.Trend trend : dashboard.trend()) {
      List<KpiReport.Month> months = trend.months();
      List<KpiReport.Month> last = months.subList(Math.max(0, months.size() - 6), months.size());
      kpis.add(
          new DecisionFigures.KpiTrend(
              trend.name(),
              trend.goal(),
              last.stream().map(KpiReport.Month::month).toList(),
              last.stream().map(KpiReport.Month::rate).toList()));
    }
    return new DecisionFigures.Impact(
        from, asOf, rows, atStart.council().unallocated(), now.council().unallocated(), kpis);
  }

  private static BigDecimal perFte(CaseloadBoards.Overview o, Team t) {
    return o.teams().stream()
        .filter(l -> l.team().id() == t.id())
        .findFirst()
        .map(l -> l.load().casesPerFte())
        .orElse(null);
  }

  private static BigDecimal target(CaseloadBoards.Overview o, Team t) {
    return o.teams().stream()
        .filter(l -> l.team().id() == t.id())
        .findFirst()
        .map(l -> l.load().target())
        .orElse(null);
  }

  private DecisionFigures.Workforce workforce(Contract contract) {
    Readiness r =
        SystemAccess.call("reports", () -> readiness.readiness(contract.id())).readiness();
    return new DecisionFigures.Workforce(
        r.on(),
        r.lines().stream()
            .map(
                l ->
                    new DecisionFigures.RoleLine(
                        l.role().label(), l.needed(), l.proposed().size(), l.cleared()))
            .toList());
  }

  /** The earliest award decision's date: the procurement regime in force is that date's. */
  @Override
  public Optional<LocalDate> awardDate(String contractCode) {
    return SystemAccess.call(
        "reports",
        () -> {
          try {
            return decisions.awardDate(contracts.contract(contractCode).id());
          } catch (NotFoundException e) {
            return Optional.empty();
          }
        });
  }

  /** The figures as JSON, to keep: the engine's own records, written as they are. */
  static String freeze(DecisionFigures figures) {
    return FROZEN.writeValueAsString(figures);
  }

  static DecisionFigures thaw(String frozen) {
    return FROZEN.readValue(frozen, DecisionFigures.class);
  }

  private static final JsonMapper FROZEN = JsonMapper.builder().build();
}
