package org.safeload.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.money.Contract.Absence;
import org.safeload.money.Contract.Extra;
import org.safeload.money.Contract.Invoice;
import org.safeload.money.Contract.RosterChange;
import org.safeload.money.Contract.RosterLine;
import org.safeload.money.Contract.TeamPart;
import org.safeload.money.Contract.TeamUnit;
import org.safeload.money.Costing.ExtensionDecision;
import org.safeload.money.Costing.Flag;
import org.safeload.money.Costing.MonthCost;
import org.safeload.organisation.Role;

/**
 * Costs a contract to the penny, month by month (docs/money.md has the rules):
 *
 * <ul>
 *   <li>each day of the contract costs what is supplied that day: a calendar-day rate every day, a
 *       working-day rate on England and Wales working days, a week's rate a seventh each day, a
 *       month's rate its share of that month's days; a team unit a seventh of its weekly price;
 *   <li>roster changes apply from their date; absent or vacant people are not paid for;
 *   <li>each month's team and extras are rounded to the penny, half up, once, from exact sums;
 *       totals are sums of the rounded months; net = total − offsets;
 *   <li>an invoiced month uses the invoice and shows the variance against the forecast.
 * </ul>
 */
public final class ContractCosting {

  /** Decisions at or above this total potential value are key decisions (published). */
  public static final BigDecimal DEFAULT_KEY_DECISION_THRESHOLD = new BigDecimal("500000");

  /** Flag an extension decision this many days or fewer before it is due. */
  public static final int DECISION_WARNING_DAYS = 30;

  private final WorkingCalendar calendar;
  private final KeyDecisionRule keyDecisionRule;

  public ContractCosting(WorkingCalendar calendar, KeyDecisionRule keyDecisionRule) {
    this.calendar = calendar;
    this.keyDecisionRule = keyDecisionRule;
  }

  public ContractCosting(WorkingCalendar calendar, BigDecimal keyDecisionThreshold) {
    this(calendar, KeyDecisionRule.of(keyDecisionThreshold));
  }

  public KeyDecisionRule keyDecisionRule() {
    return keyDecisionRule;
  }

  public ContractCosting(WorkingCalendar calendar) {
    this(calendar, DEFAULT_KEY_DECISION_THRESHOLD);
  }

  /** The exact cost of one day: each team's (people and team units), and the extras. */
  private record Day(List<ExactSum> parts, ExactSum extras) {}

  public Costing cost(Contract contract, LocalDate asOf) {
    return cost(contract, asOf, null);
  }

  /**
   * What the contract costs as of a date, with the values of the awards linked to it for the same
   * need (its own included) for the key-decision test, or {@code null} when it is linked to none.
   */
  public Costing cost(Contract contract, LocalDate asOf, BigDecimal linkedTotal) {
    return forecast(contract, asOf, linkedTotal, true);
  }

  /**
   * The contract's value: its ceiling, or its costed total when that is higher or there is no
   * ceiling. Linked awards add up their values.
   */
  public BigDecimal value(Contract contract) {
    return forecast(contract, contract.start(), null, false).value();
  }

  private static BigDecimal open(Contract contract) {
    return contract.extensions().stream()
        .filter(Contract.ExtensionOption::open)
        .map(Contract.ExtensionOption::maxValue)
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .setScale(2);
  }

  private Costing forecast(
      Contract contract, LocalDate asOf, BigDecimal linkedTotal, boolean priceOptions) {
    List<MonthCost> months = new ArrayList<>();
    Map<YearMonth, BigDecimal> invoiced = new java.util.HashMap<>();
    for (Invoice invoice : contract.actuals()) {
      invoiced.merge(invoice.month(), invoice.amount(), BigDecimal::add);
    }
    List<BigDecimal> dailySpend = new ArrayList<>();
    YearMonth month = YearMonth.from(contract.start());
    YearMonth lastMonth = YearMonth.from(contract.end());
    while (!month.isAfter(lastMonth)) {
      LocalDate from = max(month.atDay(1), contract.start());
      LocalDate to = min(month.atEndOfMonth(), contract.end());
      int partCount = contract.parts().size();
      List<ExactSum> parts = new ArrayList<>();
      for (int i = 0; i < partCount; i++) {
        parts.add(new ExactSum());
      }
      ExactSum extras = new ExactSum();
      List<BigDecimal> forecastDays = new ArrayList<>();
      for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
        Day cost = day(contract, day);
        ExactSum both = new ExactSum();
        for (int i = 0; i < partCount; i++) {
          parts.get(i).add(cost.parts().get(i));
          both.add(cost.parts().get(i));
        }
        extras.add(cost.extras());
        both.add(cost.extras());
        forecastDays.add(approximate(both));
      }
      List<BigDecimal> partPence = parts.stream().map(ExactSum::toPence).toList();
      BigDecimal teamPence = partPence.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal extrasPence = extras.toPence();
      BigDecimal forecast = teamPence.add(extrasPence);
      BigDecimal actual = invoiced.get(month);
      if (actual != null) {
        BigDecimal perDay =
            actual.divide(BigDecimal.valueOf(forecastDays.size()), MathContext.DECIMAL128);
        forecastDays.replaceAll(d -> perDay);
        months.add(
            new MonthCost(
                month,
                teamPence,
                extrasPence,
                forecast,
                actual.setScale(2),
                actual.subtract(forecast).setScale(2),
                actual.setScale(2),
                partPence));
      } else {
        months.add(
            new MonthCost(
                month, teamPence, extrasPence, forecast, null, null, forecast, partPence));
      }
      dailySpend.addAll(forecastDays);
      month = month.plusMonths(1);
    }

    BigDecimal total =
        months.stream().map(MonthCost::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal offsets =
        contract.offsets().stream()
            .map(Contract.Offset::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .setScale(2);
    BigDecimal ceiling = contract.ceiling() == null ? null : contract.ceiling().setScale(2);
    BigDecimal headroom = ceiling == null ? null : ceiling.subtract(total);
    BigDecimal base = ceiling == null ? total : ceiling.max(total);
    BigDecimal potential = base.add(open(contract)).setScale(2);
    KeyDecisionRule.Assessment key =
        keyDecisionRule.assess(
            null, potential, linkedTotal == null ? null : linkedTotal.setScale(2), false);
    boolean keyDecision = key.key();
    LocalDate breach = ceiling == null ? null : breachDate(contract.start(), dailySpend, ceiling);
    List<ExtensionDecision> decisions =
        contract.extensions().stream()
            .map(
                e ->
                    new ExtensionDecision(
                        e.months(),
                        e.maxValue().setScale(2),
                        e.decideBy(),
                        ChronoUnit.DAYS.between(asOf, e.decideBy()),
                        e.state(),
                        priceOptions && e.open() ? costOfMonths(contract, e.months()) : null))
            .toList();
    return new Costing(
        contract.id(),
        asOf,
        List.copyOf(months),
        total.setScale(2),
        offsets,
        total.subtract(offsets).setScale(2),
        ceiling,
        headroom,
        potential,
        keyDecision,
        breach,
        decisions,
        flags(ceiling, headroom, key, breach, decisions),
        linkedTotal == null ? null : linkedTotal.setScale(2),
        key.statement());
  }

  /**
   * For each contract linked to others for the same need (by {@code follows}, either way), the sum
   * of the values of all the awards it is linked with, its own included; contracts linked to none
   * are left out. A link to a contract not in the list is ignored.
   */
  public java.util.Map<String, BigDecimal> linkedTotals(List<Contract> contracts) {
    java.util.Map<String, String> root = roots(contracts);
    java.util.Map<String, Integer> sizes = new java.util.HashMap<>();
    for (Contract c : contracts) {
      sizes.merge(root.get(c.id()), 1, Integer::sum);
    }
    // Only linked contracts are costed: most stand alone.
    java.util.Map<String, BigDecimal> sums = new java.util.HashMap<>();
    for (Contract c : contracts) {
      if (sizes.get(root.get(c.id())) > 1) {
        sums.merge(root.get(c.id()), value(c), BigDecimal::add);
      }
    }
    java.util.Map<String, BigDecimal> totals = new java.util.LinkedHashMap<>();
    for (Contract c : contracts) {
      String r = root.get(c.id());
      if (sizes.get(r) > 1) {
        totals.put(c.id(), sums.get(r).setScale(2));
      }
    }
    return totals;
  }

  /**
   * The awards linked with one for the same need, its own included, in start order (just itself
   * when it is linked to none).
   */
  public static List<Contract> linkedWith(List<Contract> contracts, String id) {
    java.util.Map<String, String> root = roots(contracts);
    String r = root.get(id);
    return contracts.stream()
        .filter(c -> java.util.Objects.equals(root.get(c.id()), r))
        .sorted(Comparator.comparing(Contract::start).thenComparing(Contract::id))
        .toList();
  }

  /** Each contract's first award, following {@code follows} back through the list. */
  private static java.util.Map<String, String> roots(List<Contract> contracts) {
    java.util.Map<String, Contract> byId = new java.util.LinkedHashMap<>();
    contracts.forEach(c -> byId.put(c.id(), c));
    java.util.Map<String, String> root = new java.util.HashMap<>();
    for (Contract c : contracts) {
      String r = c.id();
      java.util.Set<String> seen = new java.util.HashSet<>();
      while (seen.add(r)
          && byId.get(r).follows() != null
          && byId.containsKey(byId.get(r).follows())) {
        r = byId.get(r).follows();
      }
      root.put(c.id(), r);
    }
    return root;
  }

  /**
   * What the contract's next {@code months} would cost if it ran on past its end with the roster,
   * prices and extras in force then: the forecast of the added days, to the penny.
   */
  public BigDecimal costOfMonths(Contract contract, int months) {
    Contract longer = contract.withEnd(contract.end().plusMonths(months));
    Costing now = forecast(contract.withoutInvoices(), contract.start(), null, false);
    Costing then = forecast(longer.withoutInvoices(), contract.start(), null, false);
    return then.total().subtract(now.total());
  }

  private List<Flag> flags(
      BigDecimal ceiling,
      BigDecimal headroom,
      KeyDecisionRule.Assessment key,
      LocalDate breach,
      List<ExtensionDecision> decisions) {
    List<Flag> flags = new ArrayList<>();
    if (key.key()) {
      flags.add(new Flag("key-decision", "Key decision: " + String.join("; ", key.reasons())));
    }
    if (ceiling != null && breach != null) {
      flags.add(
          new Flag(
              "ceiling-breach",
              "Spend passes the ceiling on "
                  + words(breach)
                  + ": "
                  + pounds(headroom.negate())
                  + " over"));
    } else if (ceiling != null
        && headroom.compareTo(ceiling.multiply(new BigDecimal("0.05"))) < 0) {
      flags.add(
          new Flag("ceiling-close", "Less than 5% of the ceiling is left: " + pounds(headroom)));
    }
    for (ExtensionDecision d : decisions) {
      if (d.state() != OptionState.OPEN) {
        continue;
      }
      if (d.costAtCurrentPrices() != null && d.costAtCurrentPrices().compareTo(d.maxValue()) > 0) {
        flags.add(
            new Flag(
                "extension-underpriced",
                "The "
                    + d.months()
                    + "-month extension would cost "
                    + pounds(d.costAtCurrentPrices())
                    + " at the prices in force on the contract's last day, more than its "
                    + pounds(d.maxValue())
                    + " limit"));
      }
      if (d.daysLeft() < 0) {
        flags.add(
            new Flag(
                "extension-decision-passed",
                "The decision on the "
                    + d.months()
                    + "-month extension was due on "
                    + words(d.decideBy())));
      } else if (d.daysLeft() <= DECISION_WARNING_DAYS) {
        flags.add(
            new Flag(
                "extension-decision-due",
                d.daysLeft()
                    + (d.daysLeft() == 1 ? " day" : " days")
                    + " left to decide on the "
                    + d.months()
                    + "-month extension (by "
                    + words(d.decideBy())
                    + ")"));
      } else {
        flags.add(
            new Flag(
                "extension-notice",
                "Notice of the "
                    + d.months()
                    + "-month extension must be given by "
                    + words(d.decideBy())));
      }
    }
    return List.copyOf(flags);
  }

  /** A date as people read it: "18 December 2026". */
  static String words(LocalDate date) {
    return date.format(
        java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
  }

  private static String pounds(BigDecimal amount) {
    return String.format(java.util.Locale.UK, "£%,.2f", amount);
  }

  private static LocalDate breachDate(
      LocalDate start, List<BigDecimal> dailySpend, BigDecimal ceiling) {
    BigDecimal running = BigDecimal.ZERO;
    for (int i = 0; i < dailySpend.size(); i++) {
      running = running.add(dailySpend.get(i));
      if (running.setScale(2, java.math.RoundingMode.HALF_UP).compareTo(ceiling) > 0) {
        return start.plusDays(i);
      }
    }
    return null;
  }

  private static BigDecimal approximate(ExactSum sum) {
    return sum.isZero() ? BigDecimal.ZERO : sum.approximately();
  }

  /** The exact cost of one day. */
  private Day day(Contract contract, LocalDate day) {
    ExactSum extras = new ExactSum();
    boolean working = calendar.isWorkingDay(day);
    long monthDays = day.lengthOfMonth();
    List<ExactSum> parts = new ArrayList<>();
    for (TeamPart part : contract.parts()) {
      parts.add(partDay(contract, part, day, working, monthDays));
    }
    for (Extra extra : contract.extras()) {
      LocalDate to = extra.to() == null ? contract.end() : extra.to();
      BigDecimal amount = extra.amount().multiply(BigDecimal.valueOf(extra.count()));
      if (extra.per() == RatePer.ONE_OFF) {
        if (day.equals(extra.from())) {
          extras.add(amount, 1);
        }
      } else if (!day.isBefore(extra.from()) && !day.isAfter(to)) {
        add(extras, amount, extra.per(), working, monthDays);
      }
    }
    return new Day(parts, extras);
  }

  /** The exact cost of one day of one team the contract buys. */
  private static ExactSum partDay(
      Contract contract, TeamPart part, LocalDate day, boolean working, long monthDays) {
    ExactSum team = new ExactSum();
    Map<Role, Integer> absent = absent(contract.absences(), part, day);
    for (RosterLine line : part.roster()) {
      int people =
          Math.max(0, peopleOn(contract, part, line, day) - absent.getOrDefault(line.role(), 0));
      add(
          team,
          line.rate().amount().multiply(BigDecimal.valueOf(people)),
          line.rate().per(),
          working,
          monthDays);
    }
    TeamUnit unit = part.teamUnit();
    if (unit != null) {
      int teams = teamsOn(contract, part, unit, day);
      team.add(unit.pricePerTeamWeek().multiply(BigDecimal.valueOf(teams)), 7);
      int missing = 0;
      for (Map.Entry<Role, Integer> e : unit.composition().entrySet()) {
        boolean pricedByPerson = part.roster().stream().anyMatch(line -> line.role() == e.getKey());
        if (!pricedByPerson) {
          missing += Math.min(absent.getOrDefault(e.getKey(), 0), e.getValue() * teams);
        }
      }
      if (missing > 0) {
        team.add(unit.pricePerTeamWeek().multiply(BigDecimal.valueOf(-missing)), 7L * unit.size());
      }
    }
    return team;
  }

  private static void add(
      ExactSum sum, BigDecimal amount, RatePer per, boolean working, long monthDays) {
    switch (per) {
      case CALENDAR_DAY -> sum.add(amount, 1);
      case WORKING_DAY -> {
        if (working) {
          sum.add(amount, 1);
        }
      }
      case WEEK -> sum.add(amount, 7);
      case MONTH -> sum.add(amount, monthDays);
      case ONE_OFF -> throw new IllegalArgumentException("one-off is for extras only");
    }
  }

  private static Map<Role, Integer> absent(List<Absence> absences, TeamPart part, LocalDate day) {
    Map<Role, Integer> absent = new EnumMap<>(Role.class);
    for (Absence a : absences) {
      if (java.util.Objects.equals(a.forTeam(), part.name())
          && !day.isBefore(a.from())
          && !day.isAfter(a.to())) {
        absent.merge(a.role(), a.count(), Integer::sum);
      }
    }
    return absent;
  }

  private static Optional<RosterChange> latestChange(
      Contract contract,
      TeamPart part,
      LocalDate day,
      java.util.function.Predicate<RosterChange> applies) {
    return contract.changes().stream()
        .filter(c -> java.util.Objects.equals(c.forTeam(), part.name()))
        .filter(applies)
        .filter(c -> !c.from().isAfter(day))
        .max(Comparator.comparing(RosterChange::from));
  }

  /**
   * The people the contract's roster asks for on a day, by role: each priced line's count and, for
   * team units, each unit's composition times the units in force, for the roles no line prices by
   * person; roster changes apply from their date. Absences and vacancies do not lower it: they are
   * what the council is not charged for, not what it bought.
   */
  public static Map<Role, Integer> rosterOn(Contract contract, LocalDate day) {
    Map<Role, Integer> people = new EnumMap<>(Role.class);
    for (TeamPart part : contract.parts()) {
      rosterOn(contract, part, day).forEach((role, n) -> people.merge(role, n, Integer::sum));
    }
    return people;
  }

  /** The people one of the contract's teams asks for on a day, by role (as {@link #rosterOn}). */
  public static Map<Role, Integer> rosterOn(Contract contract, TeamPart part, LocalDate day) {
    Map<Role, Integer> people = new EnumMap<>(Role.class);
    for (RosterLine line : part.roster()) {
      people.merge(line.role(), peopleOn(contract, part, line, day), Integer::sum);
    }
    TeamUnit unit = part.teamUnit();
    if (unit != null) {
      int teams = teamsOn(contract, part, unit, day);
      unit.composition()
          .forEach(
              (role, each) -> {
                if (part.roster().stream().noneMatch(line -> line.role() == role)) {
                  people.merge(role, each * teams, Integer::sum);
                }
              });
    }
    people.values().removeIf(n -> n <= 0);
    return people;
  }

  private static int peopleOn(Contract contract, TeamPart part, RosterLine line, LocalDate day) {
    return latestChange(contract, part, day, c -> c.role() == line.role() && c.count() != null)
        .map(RosterChange::count)
        .orElse(line.count());
  }

  private static int teamsOn(Contract contract, TeamPart part, TeamUnit unit, LocalDate day) {
    return latestChange(contract, part, day, c -> c.teams() != null)
        .map(RosterChange::teams)
        .orElse(unit.teams());
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
