package org.safeload.planning;

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
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.caseload.WorkerGroup;
import org.safeload.document.DocumentException;
import org.safeload.document.FieldProblem;
import org.safeload.money.Contract;
import org.safeload.timeliness.CaseType;
import org.safeload.yaml.YamlObject;

/**
 * Reads a scenario document's {@code projection} section (docs/scenario.schema.json,
 * docs/projection.md). Every problem is reported at once, each naming its line and field; a section
 * with any problem gives nothing. The money engine's reader ({@code
 * org.safeload.money.ScenarioReader}) reads the rest of the document and its contracts, which the
 * section's managed teams name by id.
 */
public final class ProjectionReader {

  /** Runs when the section does not say. */
  public static final int DEFAULT_RUNS = 10_000;

  /** The breach level the taper search keeps under when the section does not say. */
  public static final BigDecimal DEFAULT_LEVEL = new BigDecimal("0.1");

  private ProjectionReader() {}

  /**
   * A projection read from a scenario: its input and, if the section asks, a taper search.
   *
   * @param taper the taper search asked for, or null
   */
  public record ProjectionScenario(ProjectionInput input, TaperRequest taper) {}

  /**
   * A request for the cheapest safe taper of a managed-team option.
   *
   * @param decidedOn the day the decision is made, from which notice runs
   * @param noticeDays the contract's notice period for a reduction
   */
  public record TaperRequest(
      String option, BigDecimal level, LocalDate decidedOn, int noticeDays) {}

  /**
   * Reads the {@code projection} section of a scenario, if it has one.
   *
   * @param contracts the scenario's contracts, which managed teams name by id
   * @param asOf the scenario's date (its settings' asOf), the default day a taper is decided on;
   *     may be null
   * @throws DocumentException with every problem, each naming its line and field
   */
  public static Optional<ProjectionScenario> read(
      String text, List<Contract> contracts, LocalDate asOf) {
    List<FieldProblem> problems = new ArrayList<>();
    YamlObject root = YamlObject.document(text, problems);
    problems.clear(); // the rest of the document is the money reader's to judge
    Optional<YamlObject> section = root.object("projection", false);
    if (section.isEmpty()) {
      if (!problems.isEmpty()) {
        throw new DocumentException(problems);
      }
      return Optional.empty();
    }
    ProjectionScenario read = section(section.get(), contracts, asOf, problems);
    if (!problems.isEmpty()) {
      throw new DocumentException(problems);
    }
    return Optional.of(read);
  }

  private static ProjectionScenario section(
      YamlObject p, List<Contract> contracts, LocalDate asOf, List<FieldProblem> problems) {
    p.allow(
        "start",
        "months",
        "runs",
        "seed",
        "target",
        "breachLevel",
        "turnover",
        "referralsVary",
        "moves",
        "teams",
        "managedTeams",
        "taper");
    CaseloadPolicy policy = CaseloadPolicy.defaultPolicy();
    YearMonth start = p.month("start", true);
    Integer months = p.has("months") ? p.count("months", true, 1) : Integer.valueOf(12);
    if (months != null && months > ProjectionInput.MAX_MONTHS) {
      p.problem(
          "months", "must be at most " + ProjectionInput.MAX_MONTHS + " (not " + months + ")");
    }
    Integer runs = p.has("runs") ? p.count("runs", true, 1) : Integer.valueOf(DEFAULT_RUNS);
    if (runs != null && runs > 1_000_000) {
      p.problem("runs", "must be at most 1000000 (not " + runs + ")");
    }
    Integer seed = p.has("seed") ? p.count("seed", true, 0) : Integer.valueOf(1);
    BigDecimal target = p.has("target") ? positive(p, "target") : defaultTarget(policy);
    if (target != null && !ProjectionInput.target(target)) {
      p.problem(
          "target",
          "must be more than 0 and at most 1000 weighted cases per FTE, to 2 decimal places (not "
              + target.toPlainString()
              + ")");
      target = null;
    }
    BigDecimal level = p.has("breachLevel") ? probability(p, "breachLevel") : DEFAULT_LEVEL;
    BigDecimal turnover = p.has("turnover") ? probability(p, "turnover") : BigDecimal.ZERO;
    Boolean vary = p.has("referralsVary") ? p.yesNo("referralsVary", true) : Boolean.TRUE;
    CaseMoves moves = p.object("moves", true).map(ProjectionReader::moves).orElse(null);

    List<TeamPlan> teams = new ArrayList<>();
    Set<String> teamIds = new HashSet<>();
    for (YamlObject t : p.list("teams")) {
      TeamPlan team = team(t, problems);
      if (team != null) {
        if (!teamIds.add(team.id())) {
          t.problem("id", "another team has the id " + team.id());
        }
        teams.add(team);
      }
    }
    if (!p.has("teams")) {
      p.problem("teams", "must list at least one team");
    }
    List<ManagedTeam> managed = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (YamlObject m : p.list("managedTeams")) {
      ManagedTeam option = managed(m, contracts, teamIds, problems);
      if (option != null) {
        if (!names.add(option.name())) {
          m.problem("name", "another managed-team option is named " + option.name());
        }
        managed.add(option);
      }
    }
    TaperRequest taper =
        p.object("taper", false)
            .map(
                t -> {
                  t.allow("option", "level", "decidedOn", "noticeDays");
                  String option = t.name("option", true);
                  if (option != null && !names.contains(option)) {
                    t.problem(
                        "option", "is not one of the managedTeams: " + String.join(", ", names));
                  }
                  BigDecimal l = t.has("level") ? probability(t, "level") : level;
                  LocalDate decided = t.date("decidedOn", false);
                  if (decided == null) {
                    decided = asOf != null ? asOf : start == null ? null : start.atDay(1);
                  }
                  // Unless the file says, the option's contract's own notice for a reduction.
                  Integer notice =
                      t.has("noticeDays")
                          ? t.count("noticeDays", true, 0)
                          : managed.stream()
                              .filter(m -> m.name().equals(option))
                              .findFirst()
                              .map(m -> m.contract().reductionNoticeWeeks() * 7)
                              .orElse(TaperSearch.DEFAULT_NOTICE_DAYS);
                  return new TaperRequest(option, l, decided, notice == null ? 0 : notice);
                })
            .orElse(null);
    if (runs != null
        && months != null
        && (long) runs * months * Math.max(1, teams.size()) > ProjectionInput.MAX_CELLS) {
      p.problem(
          "runs",
          "runs × months × teams must be at most "
              + ProjectionInput.MAX_CELLS
              + " (here "
              + (long) runs * months * teams.size()
              + "): fewer runs");
    }
    if (!problems.isEmpty()) {
      return null;
    }
    try {
      ProjectionInput input =
          new ProjectionInput(
              start,
              months,
              runs,
              seed,
              target,
              turnover.doubleValue(),
              vary,
              policy,
              moves,
              teams,
              managed);
      return new ProjectionScenario(input, taper);
    } catch (IllegalArgumentException e) {
      p.problem("", e.getMessage());
      return null;
    }
  }

  /** The policy's target weighted load per FTE for an experienced social worker, else 20. */
  public static BigDecimal defaultTarget(CaseloadPolicy policy) {
    return policy.groups().stream()
        .filter(g -> "social-worker".equals(g.id()))
        .map(WorkerGroup::targetWeightedPerFte)
        .filter(v -> v != null)
        .findFirst()
        .orElse(new BigDecimal("20"));
  }

  private static CaseMoves moves(YamlObject o) {
    Map<CaseType, Double> exit = new EnumMap<>(CaseType.class);
    Map<CaseType, Map<CaseType, Double>> change = new EnumMap<>(CaseType.class);
    for (String key : o.names()) {
      CaseType from = CaseType.fromCode(key).orElse(null);
      if (from == null) {
        o.problem(key, "is not a case type; expected one of: " + CaseType.codes());
        continue;
      }
      o.object(key, true)
          .ifPresent(
              m -> {
                List<String> allowed = new ArrayList<>();
                allowed.add("exit");
                for (CaseType t : CaseType.values()) {
                  if (t != from) {
                    allowed.add(t.code());
                  }
                }
                m.allow(allowed.toArray(String[]::new));
                double sum = 0;
                Map<CaseType, Double> to = new EnumMap<>(CaseType.class);
                for (String k : m.names()) {
                  if (!allowed.contains(k)) {
                    continue;
                  }
                  BigDecimal p = probability(m, k);
                  if (p == null) {
                    continue;
                  }
                  sum += p.doubleValue();
                  if (k.equals("exit")) {
                    exit.put(from, p.doubleValue());
                  } else {
                    to.put(CaseType.fromCode(k).orElseThrow(), p.doubleValue());
                  }
                }
                if (sum > 1 + 1e-9) {
                  m.problem("", "the probabilities add up to more than 1 (" + sum + ")");
                }
                if (!to.isEmpty()) {
                  change.put(from, to);
                }
              });
    }
    return new CaseMoves(exit, change);
  }

  private static TeamPlan team(YamlObject t, List<FieldProblem> problems) {
    int before = problems.size();
    t.allow("id", "openCases", "referrals", "workers", "fte", "starters", "recruits", "agency");
    String id = t.id("id", true);
    Map<CaseType, Integer> open = new EnumMap<>(CaseType.class);
    t.object("openCases", false)
        .ifPresent(
            o -> {
              for (String key : o.names()) {
                CaseType type = CaseType.fromCode(key).orElse(null);
                Integer n = o.count(key, true, 0);
                if (type == null) {
                  o.problem(key, "is not a case type; expected one of: " + CaseType.codes());
                } else if (n != null) {
                  open.put(type, n);
                }
              }
            });
    Referrals referrals = t.object("referrals", true).map(ProjectionReader::referrals).orElse(null);
    Integer workers = t.has("workers") ? t.count("workers", true, 0) : Integer.valueOf(0);
    BigDecimal fte = t.has("fte") ? t.number("fte", true) : null;
    if (fte != null && workers != null && (workers == 0) != (fte.signum() == 0)) {
      t.problem("fte", "must be more than 0 with workers, and 0 without");
    }
    List<TeamPlan.Starter> starters = new ArrayList<>();
    for (YamlObject s : t.list("starters")) {
      s.allow("start", "count", "fte", "asye", "asyeStart");
      LocalDate start = s.date("start", true);
      Integer count = s.has("count") ? s.count("count", true, 1) : Integer.valueOf(1);
      BigDecimal each = s.has("fte") ? workerFte(s) : BigDecimal.ONE;
      Boolean asye = s.has("asye") ? s.yesNo("asye", true) : Boolean.FALSE;
      LocalDate asyeStart = s.date("asyeStart", false);
      if (asyeStart != null && !Boolean.TRUE.equals(asye)) {
        s.problem("asyeStart", "is for a starter in their ASYE (asye: true)");
      }
      if (start != null && count != null && each != null && asye != null) {
        starters.add(new TeamPlan.Starter(start, count, each, asye, asyeStart));
      }
    }
    List<TeamPlan.Recruits> recruits = new ArrayList<>();
    for (YamlObject r : t.list("recruits")) {
      r.allow("name", "count", "from", "registration", "inductionDays", "fte", "asye");
      String name = r.has("name") ? r.name("name", true) : "recruits";
      Integer count = r.count("count", true, 0);
      LocalDate from = r.date("from", true);
      Triangular delay =
          r.object("registration", true).map(ProjectionReader::triangular).orElse(null);
      Integer induction =
          r.has("inductionDays") ? r.count("inductionDays", true, 0) : Integer.valueOf(0);
      BigDecimal each = r.has("fte") ? workerFte(r) : BigDecimal.ONE;
      Boolean asye = r.has("asye") ? r.yesNo("asye", true) : Boolean.FALSE;
      if (count != null
          && from != null
          && delay != null
          && induction != null
          && each != null
          && asye != null) {
        recruits.add(new TeamPlan.Recruits(name, count, from, delay, induction, each, asye));
      }
    }
    TeamPlan.Agency agency =
        t.object("agency", false)
            .map(
                a -> {
                  a.allow("perMonth", "establishment", "maxBackfill", "monthlyRate");
                  List<Integer> fixed = counts(a, "perMonth");
                  Integer establishment = a.count("establishment", false, 0);
                  Integer max = a.count("maxBackfill", false, 0);
                  BigDecimal rate =
                      a.has("monthlyRate") ? a.pounds("monthlyRate", true) : BigDecimal.ZERO;
                  if (rate != null && rate.compareTo(ProjectionInput.MAX_MONTHLY_RATE) > 0) {
                    a.problem("monthlyRate", "must be at most 1000000 (not " + rate + ")");
                    rate = null;
                  }
                  return new TeamPlan.Agency(
                      fixed, establishment, max, rate == null ? BigDecimal.ZERO : rate);
                })
            .orElse(null);
    if (problems.size() > before || id == null || referrals == null) {
      return null;
    }
    try {
      return new TeamPlan(id, open, referrals, workers, fte, starters, recruits, agency);
    } catch (IllegalArgumentException e) {
      t.problem("", e.getMessage());
      return null;
    }
  }

  private static Referrals referrals(YamlObject r) {
    r.allow("perMonth", "first", "history");
    if (r.has("perMonth") == r.has("history")) {
      r.problem("", "give either perMonth or a history (with its first month)");
      return null;
    }
    if (r.has("perMonth")) {
      BigDecimal rate = r.number("perMonth", true);
      if (rate != null
          && rate.compareTo(BigDecimal.valueOf((long) ProjectionInput.MAX_REFERRALS_PER_MONTH))
              > 0) {
        r.problem("perMonth", "must be at most 100000 new cases a month (not " + rate + ")");
        return null;
      }
      return rate == null ? null : Referrals.rate(rate.doubleValue());
    }
    YearMonth first = r.month("first", true);
    List<Integer> history = counts(r, "history");
    if (history.isEmpty()) {
      r.problem("history", "must list at least one month's count");
    }
    if (history.stream().anyMatch(n -> n > ProjectionInput.MAX_REFERRALS_PER_MONTH)) {
      r.problem("history", "a month's count is at most 100000");
      return null;
    }
    return first == null || history.isEmpty() ? null : Referrals.history(first, history);
  }

  private static Triangular triangular(YamlObject o) {
    o.allow("min", "mode", "max", "unit");
    BigDecimal min = o.number("min", true);
    BigDecimal mode = o.number("mode", true);
    BigDecimal max = o.number("max", true);
    String unit = o.has("unit") ? o.text("unit", true) : "months";
    if (unit != null && !unit.equals("months") && !unit.equals("days")) {
      o.problem("unit", "must be one of: months, days (not " + unit + ")");
      return null;
    }
    if (min == null || mode == null || max == null || unit == null) {
      return null;
    }
    if (min.compareTo(mode) > 0 || mode.compareTo(max) > 0) {
      o.problem("mode", "must lie from min to max (min ≤ mode ≤ max)");
      return null;
    }
    if (max.compareTo(new BigDecimal("3650")) > 0) {
      o.problem("max", "must be at most 3650");
      return null;
    }
    return unit.equals("days")
        ? new Triangular(min.doubleValue(), mode.doubleValue(), max.doubleValue())
        : Triangular.months(min.doubleValue(), mode.doubleValue(), max.doubleValue());
  }

  private static ManagedTeam managed(
      YamlObject m, List<Contract> contracts, Set<String> teamIds, List<FieldProblem> problems) {
    int before = problems.size();
    m.allow("name", "contract", "team", "forTeam", "extendMonths", "exitOn", "socialWorkers");
    String name = m.name("name", true);
    String contractId = m.id("contract", true);
    Contract contract = null;
    if (contractId != null) {
      contract = contracts.stream().filter(c -> contractId.equals(c.id())).findFirst().orElse(null);
      if (contract == null) {
        m.problem(
            "contract",
            "is not one of the scenario's contracts: "
                + String.join(", ", contracts.stream().map(Contract::id).toList()));
      }
    }
    String team = m.id("team", true);
    if (team != null && !teamIds.contains(team)) {
      m.problem("team", "is not one of the projection's teams: " + String.join(", ", teamIds));
    }
    String part = m.name("forTeam", false);
    if (contract != null
        && part != null
        && contract.parts().stream().noneMatch(p -> part.equals(p.name()))) {
      m.problem("forTeam", "is not one of the contract's teams");
    }
    if (contract != null && part == null && contract.multiTeam()) {
      m.problem("forTeam", "the contract buys several teams; name one");
    }
    Integer extend = m.count("extendMonths", false, 1);
    LocalDate exit = m.date("exitOn", false);
    if (extend != null && exit != null) {
      m.problem("exitOn", "give extendMonths or exitOn, not both");
    }
    List<Integer> workers = m.has("socialWorkers") ? counts(m, "socialWorkers") : null;
    if (contract != null && exit != null && exit.isBefore(contract.start())) {
      m.problem("exitOn", "must be on or after the contract's start, " + contract.start());
    }
    if (problems.size() > before) {
      return null;
    }
    LocalDate end = exit != null ? exit : extend != null ? contract.end().plusMonths(extend) : null;
    try {
      return new ManagedTeam(name, team, contract, part, end, workers);
    } catch (IllegalArgumentException e) {
      m.problem("", e.getMessage());
      return null;
    }
  }

  private static List<Integer> counts(YamlObject o, String key) {
    List<Integer> out = new ArrayList<>();
    for (String v : o.texts(key)) {
      try {
        int n = Integer.parseInt(v);
        if (n < 0) {
          o.problem(key, "must be whole numbers of 0 or more (not " + v + ")");
        } else {
          out.add(n);
        }
      } catch (NumberFormatException e) {
        o.problem(key, "must be whole numbers (not " + v + ")");
      }
    }
    return out;
  }

  private static BigDecimal probability(YamlObject o, String key) {
    BigDecimal p = o.number(key, true);
    if (p != null && p.compareTo(BigDecimal.ONE) > 0) {
      o.problem(key, "must be a probability from 0 to 1, like 0.1 (not " + p.toPlainString() + ")");
      return null;
    }
    return p;
  }

  /** One worker's FTE: 0.01 to 1.00. */
  private static BigDecimal workerFte(YamlObject o) {
    BigDecimal v = o.number("fte", true);
    if (v != null && !ProjectionInput.workerFte(v)) {
      o.problem("fte", "must be 0.01 to 1.00, one worker's FTE (not " + v.toPlainString() + ")");
      return null;
    }
    return v;
  }

  private static BigDecimal positive(YamlObject o, String key) {
    BigDecimal v = o.number(key, true);
    if (v != null && v.signum() == 0) {
      o.problem(key, "must be more than 0");
      return null;
    }
    return v;
  }
}
