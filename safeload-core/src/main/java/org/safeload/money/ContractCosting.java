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
  private final BigDecimal keyDecisionThreshold;

  public ContractCosting(WorkingCalendar calendar, BigDecimal keyDecisionThreshold) {
    this.calendar = calendar;
    this.keyDecisionThreshold = keyDecisionThreshold;
  }

  public ContractCosting(WorkingCalendar calendar) {
    this(calendar, DEFAULT_KEY_DECISION_THRESHOLD);
  }

  /** The exact cost of one day, split into team (people and units) and extras. */
  private record Day(ExactSum team, ExactSum extras) {}

  public Costing cost(Contract contract, LocalDate asOf) {
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
      ExactSum team = new ExactSum();
      ExactSum extras = new ExactSum();
      List<BigDecimal> forecastDays = new ArrayList<>();
      for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
        Day cost = day(contract, day);
        team.add(cost.team());
        extras.add(cost.extras());
        ExactSum both = new ExactSum();
        both.add(cost.team());
        both.add(cost.extras());
        forecastDays.add(approximate(both));
      }
      BigDecimal teamPence = team.toPence();
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
                actual.setScale(2)));
      } else {
        months.add(new MonthCost(month, teamPence, extrasPence, forecast, null, null, forecast));
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
    BigDecimal potential =
        contract.extensions().stream()
            .map(Contract.ExtensionOption::maxValue)
            .reduce(base, BigDecimal::add)
            .setScale(2);
    boolean keyDecision = potential.compareTo(keyDecisionThreshold) >= 0;
    LocalDate breach = ceiling == null ? null : breachDate(contract.start(), dailySpend, ceiling);
    List<ExtensionDecision> decisions =
        contract.extensions().stream()
            .map(
                e ->
                    new ExtensionDecision(
                        e.months(),
                        e.maxValue().setScale(2),
                        e.decideBy(),
                        ChronoUnit.DAYS.between(asOf, e.decideBy())))
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
        flags(ceiling, total, headroom, keyDecision, potential, breach, decisions));
  }

  private List<Flag> flags(
      BigDecimal ceiling,
      BigDecimal total,
      BigDecimal headroom,
      boolean keyDecision,
      BigDecimal potential,
      LocalDate breach,
      List<ExtensionDecision> decisions) {
    List<Flag> flags = new ArrayList<>();
    if (keyDecision) {
      flags.add(
          new Flag(
              "key-decision",
              "Key decision: potential value "
                  + pounds(potential)
                  + " reaches the "
                  + pounds(keyDecisionThreshold)
                  + " threshold"));
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
      }
    }
    return List.copyOf(flags);
  }

  /** A date as people read it: "18 December 2026". */
  private static String words(LocalDate date) {
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
    ExactSum team = new ExactSum();
    ExactSum extras = new ExactSum();
    boolean working = calendar.isWorkingDay(day);
    long monthDays = day.lengthOfMonth();
    Map<Role, Integer> absent = absent(contract.absences(), day);
    for (RosterLine line : contract.roster()) {
      int people = Math.max(0, peopleOn(contract, line, day) - absent.getOrDefault(line.role(), 0));
      add(
          team,
          line.rate().amount().multiply(BigDecimal.valueOf(people)),
          line.rate().per(),
          working,
          monthDays);
    }
    TeamUnit unit = contract.teamUnit();
    if (unit != null) {
      int teams = teamsOn(contract, unit, day);
      team.add(unit.pricePerTeamWeek().multiply(BigDecimal.valueOf(teams)), 7);
      int missing = 0;
      for (Map.Entry<Role, Integer> e : unit.composition().entrySet()) {
        boolean pricedByPerson =
            contract.roster().stream().anyMatch(line -> line.role() == e.getKey());
        if (!pricedByPerson) {
          missing += Math.min(absent.getOrDefault(e.getKey(), 0), e.getValue() * teams);
        }
      }
      if (missing > 0) {
        team.add(unit.pricePerTeamWeek().multiply(BigDecimal.valueOf(-missing)), 7L * unit.size());
      }
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
    return new Day(team, extras);
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

  private static Map<Role, Integer> absent(List<Absence> absences, LocalDate day) {
    Map<Role, Integer> absent = new EnumMap<>(Role.class);
    for (Absence a : absences) {
      if (!day.isBefore(a.from()) && !day.isAfter(a.to())) {
        absent.merge(a.role(), a.count(), Integer::sum);
      }
    }
    return absent;
  }

  private static Optional<RosterChange> latestChange(
      Contract contract, LocalDate day, java.util.function.Predicate<RosterChange> applies) {
    return contract.changes().stream()
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
    for (RosterLine line : contract.roster()) {
      people.merge(line.role(), peopleOn(contract, line, day), Integer::sum);
    }
    TeamUnit unit = contract.teamUnit();
    if (unit != null) {
      int teams = teamsOn(contract, unit, day);
      unit.composition()
          .forEach(
              (role, each) -> {
                if (contract.roster().stream().noneMatch(line -> line.role() == role)) {
                  people.merge(role, each * teams, Integer::sum);
                }
              });
    }
    people.values().removeIf(n -> n <= 0);
    return people;
  }

  private static int peopleOn(Contract contract, RosterLine line, LocalDate day) {
    return latestChange(contract, day, c -> c.role() == line.role() && c.count() != null)
        .map(RosterChange::count)
        .orElse(line.count());
  }

  private static int teamsOn(Contract contract, TeamUnit unit, LocalDate day) {
    return latestChange(contract, day, c -> c.teams() != null)
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
