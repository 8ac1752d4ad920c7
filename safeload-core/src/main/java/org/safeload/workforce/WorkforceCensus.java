package org.safeload.workforce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.Role;
import org.safeload.organisation.WorkerDetails;

/**
 * Workforce figures as the Department for Education's children's social work workforce census
 * defines them (docs/workforce.md), for a year ending on a date (30 September), by team and for the
 * whole council:
 *
 * <ul>
 *   <li>only social workers, advanced practitioners and team managers count; <b>employed</b> means
 *       permanent or secondee, <b>agency</b> means agency or managed service;
 *   <li><b>in post</b> at the year end: started on or before it and not left by it (a worker whose
 *       last day is the year end is a leaver, not in post);
 *   <li><b>starters</b> and <b>leavers</b>: employed workers whose start or last day is in the
 *       year, at their FTE;
 *   <li><b>vacancies</b>, for each team and role: establishment FTE less employed FTE in post, not
 *       below zero (a post an agency worker covers is still vacant); <b>agency cover</b>: the
 *       smaller of the agency FTE in post and the vacancies. Larger groups add up their teams and
 *       roles.
 * </ul>
 */
public final class WorkforceCensus {

  /** The roles the census counts: qualified social workers, managers included. */
  public static final Set<Role> COUNTED =
      EnumSet.of(Role.SOCIAL_WORKER, Role.ADVANCED_PRACTITIONER, Role.TEAM_MANAGER);

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private WorkforceCensus() {}

  /** A worker in a team (the one they belong to at the year end, or last did in the year). */
  public record Member(String team, WorkerDetails worker) {}

  /** A team's budgeted FTE for a role. */
  public record Post(String team, Role role, BigDecimal fte) {}

  /**
   * One group's figures for the year; FTE unrounded. The rates are worked out from these sums and
   * rounded only at the end.
   */
  public record Figures(
      LocalDate yearStart,
      LocalDate yearEnd,
      BigDecimal inPostFte,
      int inPostHeadcount,
      BigDecimal agencyFte,
      int agencyHeadcount,
      BigDecimal establishmentFte,
      BigDecimal vacancyFte,
      BigDecimal agencyCoverFte,
      BigDecimal startersFte,
      BigDecimal leaversFte) {

    /** Vacancies / (vacancies + employed FTE in post), in percent to 1 dp; null if 0 / 0. */
    public BigDecimal vacancyRate() {
      return percent(vacancyFte, vacancyFte.add(inPostFte));
    }

    /** Agency FTE in post / (agency FTE + employed FTE in post), in percent to 1 dp. */
    public BigDecimal agencyRate() {
      return percent(agencyFte, agencyFte.add(inPostFte));
    }

    /** Agency cover / vacancies, in percent to 1 dp. */
    public BigDecimal agencyCoverRate() {
      return percent(agencyCoverFte, vacancyFte);
    }

    /** Leavers' FTE / employed FTE in post, in percent to 1 dp. */
    public BigDecimal turnoverRate() {
      return percent(leaversFte, inPostFte);
    }

    Figures plus(Figures other) {
      return new Figures(
          yearStart,
          yearEnd,
          inPostFte.add(other.inPostFte),
          inPostHeadcount + other.inPostHeadcount,
          agencyFte.add(other.agencyFte),
          agencyHeadcount + other.agencyHeadcount,
          establishmentFte.add(other.establishmentFte),
          vacancyFte.add(other.vacancyFte),
          agencyCoverFte.add(other.agencyCoverFte),
          startersFte.add(other.startersFte),
          leaversFte.add(other.leaversFte));
    }
  }

  /** A part of a whole in percent to 1 dp (half up), or null when the whole is 0. */
  public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
    if (whole.signum() == 0) {
      return null;
    }
    return part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP);
  }

  /**
   * Cases held at the year end per case-holding FTE, to 1 dp (half up), or null when no FTE holds
   * cases: the census's caseload.
   */
  public static BigDecimal caseload(long cases, BigDecimal caseHoldingFte) {
    if (caseHoldingFte.signum() == 0) {
      return null;
    }
    return BigDecimal.valueOf(cases).divide(caseHoldingFte, 1, RoundingMode.HALF_UP);
  }

  /** The council's figures and each team's, by name (sorted, ignoring case). */
  public record Result(Figures council, Map<String, Figures> teams) {

    /**
     * The figures of some of the teams together (a service's): the sums of their teams', so an
     * over-filled team does not fill another's vacancy. Names not among the teams add nothing.
     */
    public Figures group(Collection<String> names) {
      Figures sum = empty(council.yearStart(), council.yearEnd());
      java.util.Set<String> seen = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      for (String name : names) {
        Figures team = teams.get(name);
        if (team != null && seen.add(name)) {
          sum = sum.plus(team);
        }
      }
      return sum;
    }
  }

  /** The first day of the year that ends on {@code yearEnd}. */
  public static LocalDate yearStart(LocalDate yearEnd) {
    return yearEnd.minusYears(1).plusDays(1);
  }

  /**
   * The figures for the year ending on {@code yearEnd}. Teams are matched by name, ignoring case;
   * each team named by a worker or a post has its figures, the first spelling kept.
   */
  public static Result of(LocalDate yearEnd, Collection<Member> members, Collection<Post> posts) {
    LocalDate yearStart = yearStart(yearEnd);
    Map<String, String> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Map<String, Map<Role, Tally>> tallies = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Member m : members) {
      WorkerDetails w = m.worker();
      if (!COUNTED.contains(w.role())) {
        continue;
      }
      names.putIfAbsent(m.team(), m.team());
      Tally t = tally(tallies, m.team(), w.role());
      boolean employed = employed(w.employmentType());
      if (inPost(w, yearEnd)) {
        if (employed) {
          t.employed = t.employed.add(w.fte());
          t.employedHeads++;
        } else {
          t.agency = t.agency.add(w.fte());
          t.agencyHeads++;
        }
      }
      if (employed && within(w.startDate(), yearStart, yearEnd)) {
        t.starters = t.starters.add(w.fte());
      }
      if (employed && w.endDate() != null && within(w.endDate(), yearStart, yearEnd)) {
        t.leavers = t.leavers.add(w.fte());
      }
    }
    for (Post p : posts) {
      if (!COUNTED.contains(p.role())) {
        continue;
      }
      names.putIfAbsent(p.team(), p.team());
      Tally t = tally(tallies, p.team(), p.role());
      t.establishment = t.establishment.add(p.fte());
    }
    Map<String, Figures> teams = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Figures council = empty(yearStart, yearEnd);
    for (Map.Entry<String, Map<Role, Tally>> team : tallies.entrySet()) {
      Figures figures = empty(yearStart, yearEnd);
      for (Tally t : team.getValue().values()) {
        figures = figures.plus(t.figures(yearStart, yearEnd));
      }
      teams.put(names.get(team.getKey()), figures);
      council = council.plus(figures);
    }
    return new Result(council, teams);
  }

  /**
   * The headcount of agency workers covering vacancies at the year end: for each team and role with
   * vacancies, its agency workers in post when their FTE does not exceed the vacancies; otherwise
   * the fewest of them, largest FTE first, whose FTE reaches the vacancies. The census return's
   * {@code NoAgencyHeadcount}.
   */
  public static int agencyCoverHeadcount(
      LocalDate yearEnd, Collection<Member> members, Collection<Post> posts) {
    Map<String, Map<Role, Tally>> tallies = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Map<String, Map<Role, List<BigDecimal>>> agency = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Member m : members) {
      WorkerDetails w = m.worker();
      if (!COUNTED.contains(w.role()) || !inPost(w, yearEnd)) {
        continue;
      }
      if (employed(w.employmentType())) {
        Tally t = tally(tallies, m.team(), w.role());
        t.employed = t.employed.add(w.fte());
      } else {
        agency
            .computeIfAbsent(m.team(), k -> new EnumMap<>(Role.class))
            .computeIfAbsent(w.role(), k -> new ArrayList<>())
            .add(w.fte());
      }
    }
    for (Post p : posts) {
      if (COUNTED.contains(p.role())) {
        Tally t = tally(tallies, p.team(), p.role());
        t.establishment = t.establishment.add(p.fte());
      }
    }
    int heads = 0;
    for (Map.Entry<String, Map<Role, List<BigDecimal>>> team : agency.entrySet()) {
      for (Map.Entry<Role, List<BigDecimal>> role : team.getValue().entrySet()) {
        Tally t = tallies.getOrDefault(team.getKey(), Map.of()).get(role.getKey());
        if (t == null) {
          continue;
        }
        BigDecimal vacancies = t.establishment.subtract(t.employed).max(BigDecimal.ZERO);
        BigDecimal covered = BigDecimal.ZERO;
        List<BigDecimal> ftes = new ArrayList<>(role.getValue());
        ftes.sort(Comparator.reverseOrder());
        for (BigDecimal fte : ftes) {
          if (covered.compareTo(vacancies) >= 0) {
            break;
          }
          covered = covered.add(fte);
          heads++;
        }
      }
    }
    return heads;
  }

  /** Whether the census counts the worker as employed (not agency). */
  public static boolean employed(EmploymentType type) {
    return type == EmploymentType.PERMANENT || type == EmploymentType.SECONDEE;
  }

  /**
   * In post at the end of a day: started by then and not yet left (the last day is not in post).
   */
  public static boolean inPost(WorkerDetails w, LocalDate on) {
    return !w.startDate().isAfter(on) && (w.endDate() == null || w.endDate().isAfter(on));
  }

  private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
    return !day.isBefore(from) && !day.isAfter(to);
  }

  private static Tally tally(Map<String, Map<Role, Tally>> tallies, String team, Role role) {
    return tallies
        .computeIfAbsent(team, k -> new EnumMap<>(Role.class))
        .computeIfAbsent(role, k -> new Tally());
  }

  private static Figures empty(LocalDate yearStart, LocalDate yearEnd) {
    return new Figures(
        yearStart,
        yearEnd,
        BigDecimal.ZERO,
        0,
        BigDecimal.ZERO,
        0,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        BigDecimal.ZERO);
  }

  /** One team's and role's sums. */
  private static final class Tally {
    BigDecimal employed = BigDecimal.ZERO;
    int employedHeads;
    BigDecimal agency = BigDecimal.ZERO;
    int agencyHeads;
    BigDecimal establishment = BigDecimal.ZERO;
    BigDecimal starters = BigDecimal.ZERO;
    BigDecimal leavers = BigDecimal.ZERO;

    Figures figures(LocalDate yearStart, LocalDate yearEnd) {
      BigDecimal vacancies = establishment.subtract(employed).max(BigDecimal.ZERO);
      return new Figures(
          yearStart,
          yearEnd,
          employed,
          employedHeads,
          agency,
          agencyHeads,
          establishment,
          vacancies,
          agency.min(vacancies),
          starters,
          leavers);
    }
  }
}
