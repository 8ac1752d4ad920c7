package org.safeload.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.safeload.organisation.Role;

/**
 * The team-level options appraisal (docs/money.md, "Team options appraisal"): what the same team
 * (so many people in each role) costs for a period bought three ways, side by side, to the penny:
 *
 * <ul>
 *   <li>a <b>managed team</b>, at a price per team-week (or per person-week by role);
 *   <li><b>agency workers</b> at the council's regional price caps (a cap covers the worker's
 *       hourly pay, employer's National Insurance and the apprenticeship levy) plus the agency's
 *       hourly fee, for the hours of a week;
 *   <li><b>permanent staff</b> at a salary scale point plus on-costs (employer's National
 *       Insurance, pension), with a share of the posts vacant and that share backfilled by agency
 *       workers at the cap, and optionally a recruitment cost per post filled.
 * </ul>
 *
 * <p>Counting: everything is counted in <b>weeks</b>, and a year is {@value #WEEKS_IN_A_YEAR}
 * weeks. A period between two dates (both included) is its calendar days ÷ 7 weeks; a number of
 * months is months × 52 ÷ 12 weeks. An annual amount (a salary) is spread evenly over the 52 weeks;
 * an agency worker is paid for {@code weeksPerYear} of each 52 weeks (52 when holiday pay is in the
 * hourly rate). Every line is worked out exactly and rounded once to the penny, half up; an
 * option's total is the sum of its rounded lines. The annual equivalent is worked out the same way,
 * line by line, for 52 weeks. A recruitment cost is one-off: counted once in the period and once in
 * the annual equivalent.
 *
 * <p>No price, cap, pay scale or rate is built in: they are the council's figures, passed in.
 */
public final class TeamAppraisal {

  /** The weeks in a year. */
  public static final int WEEKS_IN_A_YEAR = 52;

  private static final BigDecimal FIFTY_TWO = BigDecimal.valueOf(WEEKS_IN_A_YEAR);

  private TeamAppraisal() {}

  /** The team: its FTE in each role (at least one role with more than 0). */
  public record Composition(Map<Role, BigDecimal> fte) {
    public Composition {
      Map<Role, BigDecimal> copy = new EnumMap<>(Role.class);
      fte.forEach(
          (role, n) -> {
            if (n.signum() < 0) {
              throw new IllegalArgumentException("negative FTE for " + role.code());
            }
            if (n.signum() > 0) {
              copy.put(role, n);
            }
          });
      if (copy.isEmpty()) {
        throw new IllegalArgumentException("a team needs at least one person");
      }
      fte = Collections.unmodifiableMap(copy);
    }

    /** The team's whole FTE. */
    public BigDecimal total() {
      return fte.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** "1 team manager, 6 social workers". */
    public String describe() {
      List<String> parts = new ArrayList<>();
      fte.forEach(
          (role, n) -> {
            String label = role.label().toLowerCase(Locale.UK);
            boolean plural = n.compareTo(BigDecimal.ONE) != 0 && !label.endsWith("support");
            parts.add(plain(n) + " " + label + (plural ? "s" : ""));
          });
      return String.join(", ", parts);
    }
  }

  /**
   * The period, as an exact number of weeks ({@code weeksNumerator / weeksDenominator}); the dates
   * when it was given by dates.
   */
  public record Period(
      LocalDate start, LocalDate end, BigDecimal weeksNumerator, long weeksDenominator) {
    public Period {
      if (weeksNumerator.signum() <= 0 || weeksDenominator <= 0) {
        throw new IllegalArgumentException("a period is longer than nothing");
      }
    }

    /** From one date to another, both included: calendar days ÷ 7 weeks. */
    public static Period between(LocalDate start, LocalDate end) {
      if (end.isBefore(start)) {
        throw new IllegalArgumentException("the end is before the start");
      }
      long days = ChronoUnit.DAYS.between(start, end) + 1;
      return new Period(start, end, BigDecimal.valueOf(days), 7);
    }

    /** A number of weeks. */
    public static Period weeks(BigDecimal weeks) {
      return new Period(null, null, weeks, 1);
    }

    /** A number of months, each a twelfth of a 52-week year. */
    public static Period months(BigDecimal months) {
      return new Period(null, null, months.multiply(FIFTY_TWO), 12);
    }

    /** The 52 weeks of a year. */
    public static Period year() {
      return weeks(FIFTY_TWO);
    }

    /** The weeks, to 4 decimal places (for showing). */
    public BigDecimal weeks() {
      return weeksNumerator
          .divide(BigDecimal.valueOf(weeksDenominator), 4, RoundingMode.HALF_UP)
          .stripTrailingZeros();
    }

    /** The calendar days, when the period was given by dates. */
    public Long days() {
      return start == null ? null : ChronoUnit.DAYS.between(start, end) + 1;
    }
  }

  /**
   * What a managed team costs: a price per team-week for the whole team, or a price per person-week
   * for each role (exactly one of them).
   */
  public record ManagedTeam(BigDecimal pricePerTeamWeek, Map<Role, BigDecimal> pricePerPersonWeek) {
    public ManagedTeam {
      pricePerPersonWeek =
          pricePerPersonWeek == null || pricePerPersonWeek.isEmpty()
              ? Map.of()
              : Collections.unmodifiableMap(new EnumMap<>(pricePerPersonWeek));
      if ((pricePerTeamWeek == null) == pricePerPersonWeek.isEmpty()) {
        throw new IllegalArgumentException(
            "a managed team is priced per team-week or per person-week by role");
      }
    }

    public static ManagedTeam perTeamWeek(BigDecimal price) {
      return new ManagedTeam(price, Map.of());
    }
  }

  /**
   * Agency workers at the council's regional price caps: the cap per role (an hourly amount that
   * covers the worker's pay, employer's National Insurance and the apprenticeship levy), the
   * agency's fee per hour on top, the hours of a week and the weeks paid in 52.
   */
  public record Agency(
      Map<Role, BigDecimal> hourlyCaps,
      BigDecimal hourlyFee,
      BigDecimal hoursPerWeek,
      BigDecimal weeksPerYear) {
    public Agency {
      hourlyCaps = Collections.unmodifiableMap(copy(hourlyCaps));
      Objects.requireNonNull(hourlyFee, "hourlyFee");
      Objects.requireNonNull(hoursPerWeek, "hoursPerWeek");
      Objects.requireNonNull(weeksPerYear, "weeksPerYear");
    }

    /** The council's hourly cost of an agency worker in the role: the cap plus the fee. */
    BigDecimal hourly(Role role) {
      return hourlyCaps.get(role).add(hourlyFee);
    }

    /**
     * The council's cost of an agency worker in the role for an average month: the hourly cost
     * times the hours of a week and the weeks paid in a year, over 12, to the penny (half up); null
     * without a cap for the role.
     */
    public BigDecimal monthly(Role role) {
      if (!hourlyCaps.containsKey(role)) {
        return null;
      }
      return hourly(role)
          .multiply(hoursPerWeek)
          .multiply(weeksPerYear)
          .divide(BigDecimal.valueOf(12), 2, java.math.RoundingMode.HALF_UP);
    }
  }

  /**
   * Permanent staff: the salary scale point per role, the on-cost rate (employer's National
   * Insurance and pension, e.g. 0.3), the share of posts vacant (backfilled by agency workers at
   * the cap), and a one-off recruitment cost per post filled (0 for none).
   */
  public record Permanent(
      Map<Role, BigDecimal> salaries,
      BigDecimal onCostRate,
      BigDecimal vacancyRate,
      BigDecimal recruitmentCostPerPost) {
    public Permanent {
      salaries = Collections.unmodifiableMap(copy(salaries));
      Objects.requireNonNull(onCostRate, "onCostRate");
      vacancyRate = vacancyRate == null ? BigDecimal.ZERO : vacancyRate;
      recruitmentCostPerPost =
          recruitmentCostPerPost == null ? BigDecimal.ZERO : recruitmentCostPerPost;
      if (vacancyRate.signum() < 0 || vacancyRate.compareTo(BigDecimal.ONE) > 0) {
        throw new IllegalArgumentException("the vacancy rate is from 0 to 1");
      }
    }
  }

  /** What to appraise: the team, the period, and the three ways of buying it. */
  public record Inputs(
      Composition composition,
      Period period,
      ManagedTeam managedTeam,
      Agency agency,
      Permanent permanent) {
    public Inputs {
      Objects.requireNonNull(composition, "composition");
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(managedTeam, "managedTeam");
      Objects.requireNonNull(agency, "agency");
      Objects.requireNonNull(permanent, "permanent");
      List<String> missing = missing(composition, managedTeam, agency, permanent);
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", missing));
      }
    }
  }

  /**
   * The prices the options lack for the team's roles ("agency: no hourly cap for team-manager"),
   * each as {@code section.field: message} with the role's code; empty when every role is priced.
   */
  public static List<String> missing(
      Composition composition, ManagedTeam managed, Agency agency, Permanent permanent) {
    List<String> missing = new ArrayList<>();
    for (Role role : composition.fte().keySet()) {
      if (managed != null
          && managed.pricePerTeamWeek() == null
          && !managed.pricePerPersonWeek().containsKey(role)) {
        missing.add("managedTeam.pricePerPersonWeek: no price for " + role.code());
      }
      if (agency != null && !agency.hourlyCaps().containsKey(role)) {
        missing.add("agency.hourlyCaps: no hourly cap for " + role.code());
      }
      if (permanent != null && !permanent.salaries().containsKey(role)) {
        missing.add("permanent.salaries: no salary for " + role.code());
      }
    }
    return missing;
  }

  /**
   * One line of an option: what it is, for which role and FTE, how it is worked out, and its cost
   * for the period and for a year, each rounded once to the penny.
   */
  public record Line(
      String item, Role role, BigDecimal fte, String basis, BigDecimal period, BigDecimal annual) {}

  /**
   * One way of buying the team: its lines, totals (sums of the rounded lines) for the period and
   * for a year, and how much more than the cheapest option it costs (0 for the cheapest).
   */
  public record Option(
      String kind,
      String label,
      List<Line> lines,
      BigDecimal total,
      BigDecimal annual,
      BigDecimal aboveCheapest,
      BigDecimal annualAboveCheapest,
      boolean cheapest) {}

  /** The three options, in the order managed team, agency, permanent. */
  public record Result(Inputs inputs, List<Option> options) {

    /** The option of a kind ({@code managed-team}, {@code agency}, {@code permanent}). */
    public Option option(String kind) {
      return options.stream().filter(o -> o.kind().equals(kind)).findFirst().orElseThrow();
    }
  }

  /** Costs the three options. */
  public static Result of(Inputs in) {
    List<List<Line>> lines = List.of(managed(in), agency(in), permanent(in));
    List<String> kinds = List.of("managed-team", "agency", "permanent");
    List<String> labels = List.of("Managed team", "Agency workers", "Permanent staff");
    List<BigDecimal> totals = new ArrayList<>();
    List<BigDecimal> annuals = new ArrayList<>();
    for (List<Line> option : lines) {
      totals.add(option.stream().map(Line::period).reduce(BigDecimal.ZERO, BigDecimal::add));
      annuals.add(option.stream().map(Line::annual).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
    BigDecimal cheapest = totals.stream().min(BigDecimal::compareTo).orElseThrow();
    BigDecimal cheapestAnnual = annuals.stream().min(BigDecimal::compareTo).orElseThrow();
    int first = totals.indexOf(cheapest);
    List<Option> options = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      options.add(
          new Option(
              kinds.get(i),
              labels.get(i),
              List.copyOf(lines.get(i)),
              totals.get(i),
              annuals.get(i),
              totals.get(i).subtract(cheapest),
              annuals.get(i).subtract(cheapestAnnual),
              i == first));
    }
    return new Result(in, List.copyOf(options));
  }

  private static List<Line> managed(Inputs in) {
    ManagedTeam m = in.managedTeam();
    Period p = in.period();
    Period year = Period.year();
    List<Line> lines = new ArrayList<>();
    if (m.pricePerTeamWeek() != null) {
      lines.add(
          new Line(
              "Managed team (" + in.composition().describe() + ")",
              null,
              in.composition().total(),
              pounds(m.pricePerTeamWeek()) + " a team-week",
              weekly(m.pricePerTeamWeek(), p),
              weekly(m.pricePerTeamWeek(), year)));
      return lines;
    }
    in.composition()
        .fte()
        .forEach(
            (role, fte) -> {
              BigDecimal perWeek = fte.multiply(m.pricePerPersonWeek().get(role));
              lines.add(
                  new Line(
                      role.label() + ", managed team",
                      role,
                      fte,
                      plain(fte) + " × " + pounds(m.pricePerPersonWeek().get(role)) + " a week",
                      weekly(perWeek, p),
                      weekly(perWeek, year)));
            });
    return lines;
  }

  private static List<Line> agency(Inputs in) {
    List<Line> lines = new ArrayList<>();
    in.composition()
        .fte()
        .forEach((role, fte) -> lines.add(agencyLine(in, role, fte, role.label() + ", agency")));
    return lines;
  }

  private static Line agencyLine(Inputs in, Role role, BigDecimal fte, String item) {
    Agency a = in.agency();
    // fte × (cap + fee) × hours a week × weeks paid in 52: the cost of 52 weeks of cover.
    BigDecimal perYear =
        fte.multiply(a.hourly(role)).multiply(a.hoursPerWeek()).multiply(a.weeksPerYear());
    String basis =
        plain(fte)
            + " × ("
            + pounds(a.hourlyCaps().get(role))
            + " cap + "
            + pounds(a.hourlyFee())
            + " fee) an hour × "
            + plain(a.hoursPerWeek())
            + " hours a week"
            + (a.weeksPerYear().compareTo(FIFTY_TWO) == 0
                ? ""
                : ", paid " + plain(a.weeksPerYear()) + " weeks in 52");
    return new Line(
        item, role, fte, basis, yearly(perYear, in.period()), yearly(perYear, Period.year()));
  }

  private static List<Line> permanent(Inputs in) {
    Permanent pm = in.permanent();
    BigDecimal filled = BigDecimal.ONE.subtract(pm.vacancyRate());
    List<Line> lines = new ArrayList<>();
    in.composition()
        .fte()
        .forEach(
            (role, fte) -> {
              BigDecimal employed = fte.multiply(filled);
              if (employed.signum() > 0) {
                BigDecimal perYear =
                    employed
                        .multiply(pm.salaries().get(role))
                        .multiply(BigDecimal.ONE.add(pm.onCostRate()));
                lines.add(
                    new Line(
                        role.label() + ", employed",
                        role,
                        employed,
                        plain(employed)
                            + " × "
                            + pounds(pm.salaries().get(role))
                            + " a year × "
                            + plain(BigDecimal.ONE.add(pm.onCostRate()))
                            + " (on-costs "
                            + percent(pm.onCostRate())
                            + ")",
                        yearly(perYear, in.period()),
                        yearly(perYear, Period.year())));
              }
              BigDecimal vacant = fte.multiply(pm.vacancyRate());
              if (vacant.signum() > 0) {
                lines.add(
                    agencyLine(
                        in,
                        role,
                        vacant,
                        role.label()
                            + ", vacancies ("
                            + percent(pm.vacancyRate())
                            + ") backfilled by agency"));
              }
            });
    BigDecimal posts = in.composition().total().multiply(filled);
    if (pm.recruitmentCostPerPost().signum() > 0 && posts.signum() > 0) {
      BigDecimal cost =
          posts.multiply(pm.recruitmentCostPerPost()).setScale(2, RoundingMode.HALF_UP);
      lines.add(
          new Line(
              "Recruitment (one-off)",
              null,
              posts,
              plain(posts) + " posts filled × " + pounds(pm.recruitmentCostPerPost()),
              cost,
              cost));
    }
    return lines;
  }

  /** An amount a week, for the period's weeks, rounded once. */
  private static BigDecimal weekly(BigDecimal perWeek, Period p) {
    return perWeek
        .multiply(p.weeksNumerator())
        .divide(BigDecimal.valueOf(p.weeksDenominator()), 2, RoundingMode.HALF_UP);
  }

  /** An amount a year of 52 weeks, for the period's weeks, rounded once. */
  private static BigDecimal yearly(BigDecimal perYear, Period p) {
    return perYear
        .multiply(p.weeksNumerator())
        .divide(
            BigDecimal.valueOf(p.weeksDenominator() * WEEKS_IN_A_YEAR), 2, RoundingMode.HALF_UP);
  }

  private static Map<Role, BigDecimal> copy(Map<Role, BigDecimal> map) {
    return map == null || map.isEmpty() ? new EnumMap<>(Role.class) : new EnumMap<>(map);
  }

  /** "£1,234.56". */
  static String pounds(BigDecimal amount) {
    DecimalFormat f = new DecimalFormat("£#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(amount);
  }

  /** 6, 0.5, 1.3 (no trailing zeros, no exponent). */
  static String plain(BigDecimal n) {
    return n.stripTrailingZeros().toPlainString();
  }

  /** 0.3 → "30%". */
  static String percent(BigDecimal rate) {
    return plain(rate.multiply(BigDecimal.valueOf(100))) + "%";
  }
}
