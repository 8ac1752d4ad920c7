package org.safeload.app.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.safeload.app.access.Capability;
import org.safeload.app.access.Requires;
import org.safeload.app.caseactivity.CaseActivity;
import org.safeload.app.caseload.AllocationPolicies;
import org.safeload.app.money.ContractService;
import org.safeload.app.money.StoredContract;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.organisation.WorkerView;
import org.safeload.app.organisation.WorkforceService;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.caseload.CaseBook;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.document.FieldProblem;
import org.safeload.money.Contract;
import org.safeload.money.ContractStatus;
import org.safeload.organisation.Role;
import org.safeload.organisation.Service;
import org.safeload.organisation.Team;
import org.safeload.organisation.WorkerDetails;
import org.safeload.planning.CapacityProjection;
import org.safeload.planning.CaseMoves;
import org.safeload.planning.ManagedTeam;
import org.safeload.planning.Projection;
import org.safeload.planning.ProjectionHistory;
import org.safeload.planning.ProjectionInput;
import org.safeload.planning.ProjectionReader;
import org.safeload.planning.Referrals;
import org.safeload.planning.Simulation;
import org.safeload.planning.TaperSearch;
import org.safeload.planning.TeamPlan;
import org.safeload.planning.TeamWorkforce;
import org.safeload.planning.Triangular;
import org.safeload.timeliness.CaseType;

/**
 * Capacity projections of a service and exit plans of a managed team's contract, built from the
 * council's own records (docs/projection.md, "In the app"): the case activity's history (new cases
 * per month by team, what happens to open cases by type, the cases open at the end of last month),
 * the workers in post and starting, their turnover over the last 12 months, the contracts of the
 * service's managed teams and the council's agency price caps. The core's engines do the rest; the
 * pages, the API and the {@code evaluate} command all call them.
 */
@org.springframework.stereotype.Service
public class CapacityPlans {

  private final CaseActivity activity;
  private final WorkforceService workforce;
  private final OrganisationService organisation;
  private final AllocationPolicies policies;
  private final ContractService contracts;

  CapacityPlans(
      CaseActivity activity,
      WorkforceService workforce,
      OrganisationService organisation,
      AllocationPolicies policies,
      ContractService contracts) {
    this.activity = activity;
    this.workforce = workforce;
    this.organisation = organisation;
    this.policies = policies;
    this.contracts = contracts;
  }

  /**
   * The most figures one page's projection keeps (runs × months × teams, 20 bytes each while it
   * runs): about 80 MB, so a page cannot take the app's memory.
   */
  static final long MAX_CELLS = 4_000_000;

  /** Months of history read at most: two years, for month-of-year factors. */
  static final int HISTORY_MONTHS = 24;

  /**
   * What the user may set; anything null takes its default.
   *
   * @param months months projected, 6 to 24 (default 12)
   * @param runs Monte Carlo runs, 100 to 20,000 (default 2,000: bands and chances to about a
   *     percentage point, and a page in about half a second for a service of 60 teams)
   * @param seed the seed (default 1): the same settings and seed give the same answer
   * @param target weighted cases per case-holding FTE (default: the policy's target for an
   *     experienced social worker)
   * @param turnoverPercent monthly turnover of permanent workers, in per cent (default: from the
   *     last 12 months' leavers)
   * @param agencyMonthlyRate an agency social worker's month, in pounds (default: the council's
   *     price caps, else none)
   * @param recruits recruits awaiting registration, or null for none
   * @param breachLevelPercent the highest acceptable breach probability, in per cent (default 10)
   * @param extendMonths an exit plan's extension of the contract, in months (default 0)
   * @param exitOn an exit plan's earlier last day, or null
   * @param backfill whether agency workers fill every vacancy up to each team's budgeted
   *     case-holding posts (else: the agency workers in post stay, no more)
   */
  public record Settings(
      Integer months,
      Integer runs,
      Long seed,
      BigDecimal target,
      BigDecimal turnoverPercent,
      BigDecimal agencyMonthlyRate,
      Recruits recruits,
      BigDecimal breachLevelPercent,
      Integer extendMonths,
      LocalDate exitOn,
      boolean backfill) {}

  /**
   * Recruits awaiting registration, joining one team: their registration takes between {@code
   * minWeeks} and {@code maxWeeks}, most likely {@code modeWeeks} (a triangular distribution), then
   * {@code inductionWeeks} of induction before they hold cases.
   */
  public record Recruits(
      Long teamId, int count, int minWeeks, int modeWeeks, int maxWeeks, int inductionWeeks) {}

  /**
   * A service's projection with what it was built from.
   *
   * @param historyFrom the first month of history read (null: none yet)
   * @param months the months projected
   * @param runs the runs
   * @param seed the seed
   * @param monthlyTurnover the monthly turnover used (a probability)
   * @param turnoverFromRecords whether it was worked out from the worker records (not entered)
   * @param agencyMonthlyRate an agency month's cost used, or null for none
   * @param agencyRateExamples whether that rate is the demo's example figures
   * @param teamNames each projected team's name by its id in the projection
   * @param managed the managed-team options in it, by contract
   */
  public record Capacity(
      long serviceId,
      String serviceName,
      LocalDate on,
      YearMonth historyFrom,
      YearMonth historyTo,
      int months,
      int runs,
      long seed,
      BigDecimal target,
      double monthlyTurnover,
      boolean turnoverFromRecords,
      BigDecimal agencyMonthlyRate,
      boolean agencyRateExamples,
      Recruits recruits,
      boolean backfill,
      Map<String, String> teamNames,
      List<String> managed,
      Projection projection) {

    /** The monthly turnover in per cent, to 2 decimal places. */
    public BigDecimal turnoverPercent() {
      return BigDecimal.valueOf(monthlyTurnover)
          .movePointRight(2)
          .setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** A team's name by its id in the projection. */
    public String teamName(String id) {
      return teamNames.getOrDefault(id, id);
    }
  }

  /**
   * A managed team's exit: the service's projection with the contract as the council plans it, the
   * cheapest safe taper beside it, and the projection with that taper.
   *
   * @param contract the contract's reference
   * @param teamId the team it works in
   * @param lastDay the last day the team works under this option
   * @param level the highest acceptable breach probability
   */
  public record ExitPlan(
      String contract,
      String provider,
      long teamId,
      String teamName,
      LocalDate lastDay,
      int noticeWeeks,
      BigDecimal level,
      Capacity capacity,
      TaperSearch.Comparison taper,
      Projection withCheapest) {}

  /** A service's capacity projection for the months ahead. */
  @Requires(Capability.PLAN_CAPACITY)
  public Capacity service(long serviceId, Settings settings) {
    return build(serviceId, settings, null).capacity();
  }

  /** A managed team's exit plan: its contract's projection and the cheapest safe taper. */
  @Requires(Capability.PLAN_CAPACITY)
  public ExitPlan exit(String contractCode, Settings settings) {
    StoredContract stored = contracts.contract(contractCode);
    if (stored.teamId() == null) {
      throw new InvalidInputException(
          "contract",
          "Contract "
              + contractCode
              + " is not linked to a team in Safeload: link it to its team first");
    }
    Team team = organisation.team(stored.teamId());
    List<FieldProblem> problems = new ArrayList<>();
    int extend = within(settings.extendMonths(), 0, 0, 24, "extendMonths", problems);
    Contract contract = stored.contract();
    LocalDate runsTo = contract.end().plusMonths(extend);
    LocalDate exitOn = settings.exitOn();
    if (exitOn != null && (exitOn.isBefore(contract.start()) || exitOn.isAfter(runsTo))) {
      problems.add(
          FieldProblem.of(
              "exitOn",
              "The exit must fall within the contract, from "
                  + org.safeload.app.platform.Show.inWords(contract.start())
                  + " to "
                  + org.safeload.app.platform.Show.inWords(runsTo)));
    }
    BigDecimal level = percent(settings.breachLevelPercent(), "10", "breachLevelPercent", problems);
    if (ended(contract, runsTo, YearMonth.from(organisation.today()))) {
      problems.add(
          FieldProblem.of(
              "contract",
              "Contract "
                  + contractCode
                  + " has ended ("
                  + org.safeload.app.platform.Show.inWords(contract.end())
                  + "): there is no exit to plan"));
    }
    refuse(problems);
    ManagedTeam option =
        ManagedTeam.asContracted(stored.code(), String.valueOf(team.id()), stored.contract());
    if (extend > 0) {
      option = option.extendedBy(extend);
    }
    if (exitOn != null) {
      option = option.endingOn(exitOn);
    }
    Built built = build(team.serviceId(), settings, option);
    int noticeWeeks = stored.contract().reductionNoticeWeeks();
    TaperSearch.Comparison taper =
        TaperSearch.cheapestSafe(
            built.simulation(),
            contracts.costing(),
            stored.code(),
            level,
            built.capacity().on(),
            noticeWeeks * 7,
            true); // the team's cases are handed over within the service: judged on the service
    Projection withCheapest = null;
    if (taper.cheapest() != null) {
      List<ManagedTeam> options = new ArrayList<>();
      for (ManagedTeam m : built.simulation().input().managed()) {
        options.add(
            m.name().equals(stored.code())
                ? m.withSocialWorkers(taper.cheapest().socialWorkers())
                : m);
      }
      withCheapest = built.simulation().project(contracts.costing(), options);
    }
    LocalDate lastDay = option.end() != null ? option.end() : stored.contract().end();
    return new ExitPlan(
        stored.code(),
        stored.contract().provider(),
        team.id(),
        team.name(),
        lastDay,
        noticeWeeks,
        level,
        built.capacity(),
        taper,
        withCheapest);
  }

  private record Built(Capacity capacity, Simulation simulation) {}

  private Built build(long serviceId, Settings s, ManagedTeam exitOption) {
    Service service = organisation.service(serviceId);
    LocalDate today = organisation.today();
    CaseloadPolicy policy = policies.policy();
    List<FieldProblem> problems = new ArrayList<>();
    int months = within(s.months(), 12, 6, 24, "months", problems);
    int runs = within(s.runs(), 2_000, 100, 20_000, "runs", problems);
    long seed = s.seed() == null ? 1 : s.seed();
    BigDecimal target = s.target() == null ? ProjectionReader.defaultTarget(policy) : s.target();
    if (target.signum() <= 0 || target.compareTo(BigDecimal.valueOf(100)) > 0) {
      problems.add(FieldProblem.of("target", "The target is more than 0 and at most 100"));
    } else if (target.stripTrailingZeros().scale() > 2) {
      problems.add(FieldProblem.of("target", "The target has at most 2 decimal places"));
    }
    // The monthly turnover entered, as a share; null: from the records.
    BigDecimal enteredTurnover =
        s.turnoverPercent() == null
            ? null
            : percent(s.turnoverPercent(), "0", "turnoverPercent", problems);
    if (s.agencyMonthlyRate() != null
        && (s.agencyMonthlyRate().signum() < 0
            || s.agencyMonthlyRate().stripTrailingZeros().scale() > 2
            || s.agencyMonthlyRate().compareTo(ProjectionInput.MAX_MONTHLY_RATE) > 0)) {
      problems.add(
          FieldProblem.of(
              "agencyMonthlyRate",
              "The agency rate is in pounds and pence, from £0 to £1,000,000 a month"));
    }
    Recruits recruits = s.recruits();
    List<Team> teams =
        organisation.teams().stream().filter(t -> t.serviceId() == serviceId).toList();
    if (recruits != null) {
      check(recruits, teams, problems);
    }
    long cells = (long) runs * months * Math.max(1, teams.size());
    if (cells > MAX_CELLS) {
      problems.add(
          FieldProblem.of(
              "runs",
              "At most "
                  + MAX_CELLS / ((long) months * Math.max(1, teams.size()))
                  + " runs for "
                  + months
                  + " months of this service's "
                  + teams.size()
                  + " teams"));
    }
    refuse(problems);

    YearMonth start = YearMonth.from(today);
    YearMonth last = start.minusMonths(1);
    History history =
        activity.read(
            v ->
                v.cached(
                    List.of("projection-history", last), () -> History.read(v.book(null), last)));

    List<WorkerView> workers = workforce.workersOn(today);
    Map<Long, List<WorkerDetails>> byTeam = byTeam(workers);
    List<WorkerDetails> serviceWorkers = new ArrayList<>();
    teams.forEach(t -> serviceWorkers.addAll(byTeam.getOrDefault(t.id(), List.of())));
    boolean turnoverFromRecords = enteredTurnover == null;
    double turnover =
        turnoverFromRecords
            ? TeamWorkforce.monthlyTurnover(serviceWorkers, today)
            : enteredTurnover.doubleValue();
    Optional<ContractService.AgencyMonth> caps =
        s.agencyMonthlyRate() == null
            ? contracts.agencyMonth(Role.SOCIAL_WORKER)
            : Optional.empty();
    BigDecimal agencyRate =
        s.agencyMonthlyRate() != null
            ? s.agencyMonthlyRate()
            : caps.map(ContractService.AgencyMonth::amount).orElse(null);

    List<TeamPlan> plans = new ArrayList<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (Team t : teams) {
      String id = String.valueOf(t.id());
      names.put(id, t.name());
      List<TeamPlan.Recruits> teamRecruits = new ArrayList<>();
      if (recruits != null && recruits.count() > 0 && recruits.teamId() == t.id()) {
        teamRecruits.add(
            new TeamPlan.Recruits(
                "Recruits",
                recruits.count(),
                today,
                new Triangular(
                    recruits.minWeeks() * 7, recruits.modeWeeks() * 7, recruits.maxWeeks() * 7),
                recruits.inductionWeeks() * 7,
                BigDecimal.ONE,
                false));
      }
      plans.add(
          TeamWorkforce.plan(
              id,
              history.openCases().getOrDefault(id, Map.of()),
              history.referrals().getOrDefault(id, Referrals.rate(0)),
              byTeam.getOrDefault(t.id(), List.of()),
              today,
              months,
              agencyRate,
              teamRecruits,
              s.backfill() ? budgetedCaseHolders(t.id()) : null));
    }
    List<ManagedTeam> managed = new ArrayList<>();
    Set<Long> teamIds = new java.util.HashSet<>();
    teams.forEach(t -> teamIds.add(t.id()));
    for (StoredContract c : contracts.contracts()) {
      boolean planned = exitOption != null && exitOption.name().equals(c.code());
      if (!planned
          && (c.teamId() == null
              || !teamIds.contains(c.teamId())
              || ended(c.contract(), c.contract().end(), start))) {
        continue;
      }
      if (planned) {
        managed.add(exitOption);
      } else {
        managed.add(ManagedTeam.asContracted(c.code(), String.valueOf(c.teamId()), c.contract()));
      }
    }
    ProjectionInput input =
        new ProjectionInput(
            start,
            months,
            runs,
            seed,
            target,
            turnover,
            true,
            policy,
            history.moves(),
            plans,
            managed);
    Simulation simulation = CapacityProjection.simulate(input);
    Projection projection = simulation.project(contracts.costing());
    Capacity capacity =
        new Capacity(
            serviceId,
            service.name(),
            today,
            history.from(),
            history.from() == null ? null : last,
            months,
            runs,
            seed,
            target,
            turnover,
            turnoverFromRecords,
            agencyRate,
            caps.map(ContractService.AgencyMonth::examples).orElse(false),
            recruits,
            s.backfill(),
            names,
            managed.stream().map(ManagedTeam::name).toList(),
            projection);
    return new Built(capacity, simulation);
  }

  /**
   * The history-based inputs: up to {@link #HISTORY_MONTHS} whole months of case activity to the
   * end of {@code last} (none before the records begin, which would count as months without new
   * cases).
   */
  private record History(
      YearMonth from,
      Map<String, Referrals> referrals,
      CaseMoves moves,
      Map<String, Map<CaseType, Integer>> openCases) {

    static History read(CaseBook book, YearMonth last) {
      YearMonth earliest = last.minusMonths(HISTORY_MONTHS - 1L);
      YearMonth first =
          ProjectionHistory.firstWholeMonth(book).filter(m -> m.isAfter(earliest)).orElse(earliest);
      if (first.isAfter(last)) {
        return new History(null, Map.of(), CaseMoves.exitsOnly(Map.of()), Map.of());
      }
      ProjectionHistory.Estimates e = ProjectionHistory.from(book, first, last);
      return new History(first, e.referrals(), e.moves(), e.openCases());
    }
  }

  /** A team's budgeted case-holding posts (social workers and advanced practitioners), whole. */
  private int budgetedCaseHolders(long teamId) {
    BigDecimal posts = BigDecimal.ZERO;
    for (Map.Entry<Role, BigDecimal> e : organisation.establishment(teamId).entrySet()) {
      if (e.getKey().caseHolding()) {
        posts = posts.add(e.getValue());
      }
    }
    return posts.setScale(0, java.math.RoundingMode.FLOOR).intValueExact();
  }

  /**
   * Each team's workers' details, by the team that places them: their team today, the team a
   * starter joins, or the team a leaver left (the turnover counts the leavers; the plan leaves them
   * out).
   */
  private static Map<Long, List<WorkerDetails>> byTeam(List<WorkerView> workers) {
    Map<Long, List<WorkerDetails>> byTeam = new HashMap<>();
    for (WorkerView w : workers) {
      if (w.placement() != null) {
        byTeam
            .computeIfAbsent(w.placement().id(), k -> new ArrayList<>())
            .add(w.worker().details());
      }
    }
    return byTeam;
  }

  /** Whether a contract has ended before a month begins (or is marked ended or terminated). */
  private static boolean ended(Contract c, LocalDate lastDay, YearMonth month) {
    return c.status() == ContractStatus.ENDED
        || c.status() == ContractStatus.TERMINATED
        || lastDay.isBefore(month.atDay(1));
  }

  private static void check(Recruits r, List<Team> teams, List<FieldProblem> problems) {
    if (r.count() < 0 || r.count() > 200) {
      problems.add(FieldProblem.of("recruitCount", "Recruits are 0 to 200"));
    }
    if (r.count() > 0) {
      if (r.teamId() == null || teams.stream().noneMatch(t -> t.id() == r.teamId())) {
        problems.add(FieldProblem.of("recruitTeam", "Choose the team the recruits join"));
      }
      if (r.minWeeks() < 0 || r.maxWeeks() > 104) {
        problems.add(
            FieldProblem.of("recruitMinWeeks", "Registration takes 0 to 104 weeks at most"));
      } else if (!(r.minWeeks() <= r.modeWeeks() && r.modeWeeks() <= r.maxWeeks())) {
        problems.add(
            FieldProblem.of(
                "recruitModeWeeks",
                "The most likely wait is between the shortest and the longest"));
      }
      if (r.inductionWeeks() < 0 || r.inductionWeeks() > 52) {
        problems.add(FieldProblem.of("recruitInductionWeeks", "Induction is 0 to 52 weeks"));
      }
    }
  }

  private static int within(
      Integer value, int otherwise, int min, int max, String field, List<FieldProblem> problems) {
    if (value == null) {
      return otherwise;
    }
    if (value < min || value > max) {
      problems.add(FieldProblem.of(field, "Enter a whole number from " + min + " to " + max));
      return otherwise;
    }
    return value;
  }

  /** A percentage from 0 to 100 as a share (0 to 1), or the default. */
  private static BigDecimal percent(
      BigDecimal value, String otherwise, String field, List<FieldProblem> problems) {
    BigDecimal v = value == null ? new BigDecimal(otherwise) : value;
    if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0) {
      problems.add(FieldProblem.of(field, "Enter a percentage from 0 to 100"));
      return BigDecimal.ZERO;
    }
    return v.movePointLeft(2);
  }

  private static void refuse(List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidInputException("The projection cannot be made", problems);
    }
  }
}
