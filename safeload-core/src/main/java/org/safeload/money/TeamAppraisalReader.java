package org.safeload.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safeload.document.DocumentException;
import org.safeload.document.FieldProblem;
import org.safeload.money.TeamAppraisal.Agency;
import org.safeload.money.TeamAppraisal.Composition;
import org.safeload.money.TeamAppraisal.Inputs;
import org.safeload.money.TeamAppraisal.ManagedTeam;
import org.safeload.money.TeamAppraisal.Period;
import org.safeload.money.TeamAppraisal.Permanent;
import org.safeload.organisation.Role;
import org.safeload.yaml.YamlObject;

/**
 * Reads a team options appraisal: the {@code teamAppraisal} section of a scenario
 * (docs/scenario.schema.json), or the same fields as a document of their own (the API's body).
 * Every problem is reported with its line and field, with the rest of the document's.
 *
 * <pre>
 * composition: {team-manager: 1, social-worker: 6}      # FTE by role
 * period: {weeks: 52}          # or {months: 12}, or {start: 2026-04-01, end: 2027-03-31}
 * managedTeam: {pricePerTeamWeek: 14230.77}             # or {pricePerPersonWeek: {role: amount}}
 * agency: {hourlyCaps: {team-manager: 50, social-worker: 41}, hourlyFee: 3,
 *          hoursPerWeek: 37, weeksPerYear: 52}
 * permanent: {salaries: {team-manager: 52000, social-worker: 39500}, onCostRate: 0.3,
 *             vacancyRate: 0.1, recruitmentCostPerPost: 0}
 * </pre>
 */
public final class TeamAppraisalReader {

  /** The most weeks a period may have (ten years). */
  static final BigDecimal MOST_WEEKS = BigDecimal.valueOf(520);

  /**
   * The council's own agency and permanent terms, used for whatever a document leaves out (the API,
   * whose callers give the team and the managed price); {@link #NONE} for a scenario file, which
   * states every figure.
   */
  public record Defaults(Agency agency, Permanent permanent) {
    public static final Defaults NONE = new Defaults(null, null);
  }

  private TeamAppraisalReader() {}

  /** Reads a document that is one team appraisal; throws {@link DocumentException}. */
  public static Inputs read(String text, Defaults defaults) {
    List<FieldProblem> problems = new ArrayList<>();
    YamlObject root = YamlObject.document(text, problems);
    Inputs inputs = read(root, defaults, problems);
    if (!problems.isEmpty()) {
      throw new DocumentException(problems);
    }
    return inputs;
  }

  /**
   * Reads a team appraisal from a mapping, adding its problems to {@code problems} (the list the
   * mapping reports to): null when it has any.
   */
  public static Inputs read(YamlObject o, Defaults defaults, List<FieldProblem> problems) {
    int before = problems.size();
    o.allow("composition", "period", "managedTeam", "agency", "permanent");
    Map<Role, BigDecimal> composition =
        o.object("composition", true).map(c -> roles(c, Amount.FTE)).orElse(null);
    if (composition != null
        && !composition.isEmpty()
        && composition.values().stream().allMatch(n -> n.signum() == 0)) {
      o.problem("composition", "the team needs at least one person");
    }
    Period period = o.object("period", true).map(TeamAppraisalReader::period).orElse(null);
    Optional<YamlObject> managedObject = o.object("managedTeam", true);
    ManagedTeam managed = managedObject.map(TeamAppraisalReader::managed).orElse(null);
    Optional<YamlObject> agencyObject = o.object("agency", defaults.agency() == null);
    Agency agency = agencyObject.map(a -> agency(a, defaults.agency())).orElse(defaults.agency());
    Optional<YamlObject> permanentObject = o.object("permanent", defaults.permanent() == null);
    Permanent permanent =
        permanentObject.map(p -> permanent(p, defaults.permanent())).orElse(defaults.permanent());
    if (problems.size() > before) {
      return null;
    }
    for (Role role : composition.keySet()) {
      if (composition.get(role).signum() == 0) {
        continue;
      }
      if (managed.pricePerTeamWeek() == null && !managed.pricePerPersonWeek().containsKey(role)) {
        missing(
            managedObject, o, "managedTeam", "pricePerPersonWeek", "no price for " + role.code());
      }
      if (!agency.hourlyCaps().containsKey(role)) {
        missing(agencyObject, o, "agency", "hourlyCaps", "no hourly cap for " + role.code());
      }
      if (!permanent.salaries().containsKey(role)) {
        missing(permanentObject, o, "permanent", "salaries", "no salary for " + role.code());
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return new Inputs(new Composition(composition), period, managed, agency, permanent);
  }

  private static void missing(
      Optional<YamlObject> section, YamlObject parent, String name, String key, String message) {
    String text = message + ", which the composition has";
    if (section.isPresent()) {
      section.get().problem(key, text);
    } else {
      parent.problem(name, text + " (and the council's configuration has none)");
    }
  }

  /** What the amounts of a map by role are. */
  private enum Amount {
    FTE,
    HOURLY,
    WEEKLY,
    SALARY
  }

  /** A mapping of role codes to amounts. */
  private static Map<Role, BigDecimal> roles(YamlObject m, Amount amount) {
    Map<Role, BigDecimal> byRole = new EnumMap<>(Role.class);
    for (String name : m.names()) {
      Optional<Role> role = Role.fromCode(name);
      BigDecimal value =
          switch (amount) {
            case FTE -> fte(m, name);
            case HOURLY -> price(m, name, new BigDecimal("500"), "an hour");
            case WEEKLY -> price(m, name, new BigDecimal("1000000"), "a week");
            case SALARY -> price(m, name, new BigDecimal("1000000"), "a year");
          };
      if (role.isEmpty()) {
        m.problem(name, "is not a role; roles: " + Role.codes());
      } else if (value != null) {
        byRole.put(role.get(), value);
      }
    }
    if (m.names().isEmpty()) {
      m.problem(
          "",
          amount == Amount.FTE
              ? "must name at least one role and its FTE, like {social-worker: 6}"
              : "must name at least one role and its amount");
    }
    return byRole;
  }

  private static BigDecimal fte(YamlObject m, String key) {
    BigDecimal n = m.number(key, true);
    if (n == null) {
      return null;
    }
    if (n.stripTrailingZeros().scale() > 2) {
      m.problem(
          key,
          "must be a number of FTE with no more than 2 decimal places, like 0.5 (not "
              + n.toPlainString()
              + ")");
      return null;
    }
    if (n.compareTo(BigDecimal.valueOf(1000)) > 0) {
      m.problem(key, "must be at most 1000 FTE (not " + n.toPlainString() + ")");
      return null;
    }
    return n;
  }

  /** Pounds and pence, more than 0 and at most {@code most}. */
  private static BigDecimal price(YamlObject m, String key, BigDecimal most, String per) {
    BigDecimal amount = m.pounds(key, true);
    if (amount == null) {
      return null;
    }
    if (amount.signum() == 0) {
      m.problem(key, "must be more than 0");
      return null;
    }
    if (amount.compareTo(most) > 0) {
      m.problem(
          key,
          "must be an amount "
              + per
              + ", at most "
              + most.toPlainString()
              + " (not "
              + amount.toPlainString()
              + ")");
      return null;
    }
    return amount;
  }

  private static Period period(YamlObject p) {
    p.allow("start", "end", "weeks", "months");
    boolean dates = p.has("start") || p.has("end");
    int ways = (dates ? 1 : 0) + (p.has("weeks") ? 1 : 0) + (p.has("months") ? 1 : 0);
    if (ways != 1) {
      p.problem(
          "",
          "a period is a start and an end date, a number of weeks, or a number of months (just"
              + " one of them)");
      return null;
    }
    if (dates) {
      LocalDate start = p.date("start", true);
      LocalDate end = p.date("end", true);
      if (start == null || end == null) {
        return null;
      }
      if (end.isBefore(start)) {
        p.problem("end", "must be on or after the start, " + start);
        return null;
      }
      if (ChronoUnit.DAYS.between(start, end) + 1 > MOST_WEEKS.longValue() * 7) {
        p.problem("end", "the period must be at most 520 weeks (ten years)");
        return null;
      }
      return Period.between(start, end);
    }
    String key = p.has("weeks") ? "weeks" : "months";
    BigDecimal n = p.number(key, true);
    if (n == null) {
      return null;
    }
    BigDecimal most = key.equals("weeks") ? MOST_WEEKS : BigDecimal.valueOf(120);
    if (n.signum() == 0 || n.compareTo(most) > 0 || n.stripTrailingZeros().scale() > 2) {
      p.problem(
          key,
          "must be more than 0 and at most "
              + most
              + ", with no more than 2 decimal places (not "
              + n.toPlainString()
              + ")");
      return null;
    }
    return key.equals("weeks") ? Period.weeks(n) : Period.months(n);
  }

  private static ManagedTeam managed(YamlObject m) {
    m.allow("pricePerTeamWeek", "pricePerPersonWeek");
    if (m.has("pricePerTeamWeek") == m.has("pricePerPersonWeek")) {
      m.problem(
          "",
          "a managed team is priced per team-week (pricePerTeamWeek) or per person-week by role"
              + " (pricePerPersonWeek), just one of them");
      return null;
    }
    if (m.has("pricePerTeamWeek")) {
      BigDecimal price = price(m, "pricePerTeamWeek", new BigDecimal("1000000"), "a team-week");
      return price == null ? null : ManagedTeam.perTeamWeek(price);
    }
    Map<Role, BigDecimal> prices =
        m.object("pricePerPersonWeek", true).map(x -> roles(x, Amount.WEEKLY)).orElse(Map.of());
    return prices.isEmpty() ? null : new ManagedTeam(null, prices);
  }

  private static Agency agency(YamlObject a, Agency otherwise) {
    a.allow("hourlyCaps", "hourlyFee", "hoursPerWeek", "weeksPerYear");
    Map<Role, BigDecimal> caps = new EnumMap<>(Role.class);
    if (otherwise != null) {
      caps.putAll(otherwise.hourlyCaps());
    }
    a.object("hourlyCaps", otherwise == null).ifPresent(c -> caps.putAll(roles(c, Amount.HOURLY)));
    BigDecimal fee =
        a.has("hourlyFee")
            ? a.pounds("hourlyFee", true)
            : otherwise == null ? BigDecimal.ZERO : otherwise.hourlyFee();
    BigDecimal hours =
        between(
            a,
            "hoursPerWeek",
            otherwise == null ? new BigDecimal("37") : otherwise.hoursPerWeek(),
            new BigDecimal("60"));
    BigDecimal weeks =
        between(
            a,
            "weeksPerYear",
            otherwise == null ? new BigDecimal("52") : otherwise.weeksPerYear(),
            new BigDecimal("52"));
    if (fee == null || hours == null || weeks == null) {
      return null;
    }
    return new Agency(caps, fee, hours, weeks);
  }

  private static Permanent permanent(YamlObject p, Permanent otherwise) {
    p.allow("salaries", "onCostRate", "vacancyRate", "recruitmentCostPerPost");
    Map<Role, BigDecimal> salaries = new EnumMap<>(Role.class);
    if (otherwise != null) {
      salaries.putAll(otherwise.salaries());
    }
    p.object("salaries", otherwise == null)
        .ifPresent(s -> salaries.putAll(roles(s, Amount.SALARY)));
    BigDecimal onCost =
        p.has("onCostRate") || otherwise == null
            ? rate(p, "onCostRate", true)
            : otherwise.onCostRate();
    BigDecimal vacancy =
        p.has("vacancyRate")
            ? rate(p, "vacancyRate", true)
            : otherwise == null ? BigDecimal.ZERO : otherwise.vacancyRate();
    BigDecimal recruitment =
        p.has("recruitmentCostPerPost")
            ? p.pounds("recruitmentCostPerPost", true)
            : otherwise == null ? BigDecimal.ZERO : otherwise.recruitmentCostPerPost();
    if (onCost == null || vacancy == null || recruitment == null) {
      return null;
    }
    return new Permanent(salaries, onCost, vacancy, recruitment);
  }

  /** A share from 0 to 1 (0.3 for 30%). */
  private static BigDecimal rate(YamlObject o, String key, boolean required) {
    BigDecimal value = o.number(key, required);
    if (value != null && value.compareTo(BigDecimal.ONE) > 0) {
      o.problem(
          key, "must be a share from 0 to 1, like 0.3 for 30% (not " + value.toPlainString() + ")");
      return null;
    }
    return value;
  }

  /** A number more than 0 and at most {@code most}; {@code otherwise} when absent. */
  private static BigDecimal between(
      YamlObject o, String key, BigDecimal otherwise, BigDecimal most) {
    if (!o.has(key)) {
      return otherwise;
    }
    BigDecimal value = o.number(key, true);
    if (value != null && (value.signum() == 0 || value.compareTo(most) > 0)) {
      o.problem(
          key, "must be more than 0 and at most " + most + " (not " + value.toPlainString() + ")");
      return null;
    }
    return value;
  }
}
