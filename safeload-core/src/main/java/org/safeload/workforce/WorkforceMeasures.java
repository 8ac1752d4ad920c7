package org.safeload.workforce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.safeload.organisation.WorkerDetails;

/**
 * The census's measures beside its counts, for a group of workers at a year end
 * (docs/workforce.md): the caseload, sickness absence and the experience of the employed workers.
 * The counts themselves (in post, vacancies, agency, starters, leavers) are {@link
 * WorkforceCensus}'s.
 *
 * @param casesHeld cases held at the year end by the counted workers in post
 * @param caseHoldingFte the FTE of the counted workers in post who hold at least one case (employed
 *     and agency alike: a case is any child allocated to a named social worker)
 * @param caseload cases held / case-holding FTE, 1 dp, or null when no one holds a case
 * @param daysLost working days lost to sickness in the year by employed workers
 * @param employedFte employed FTE in post at the year end
 * @param sicknessDaysPerFte days lost / employed FTE in post, 1 dp, or null when no one is in post
 * @param absenceRate days lost / (employed FTE in post × the year's working days: 253, or 254 in a
 *     year with 29 February), in percent to 1 dp, or null
 * @param experience employed FTE in post by years of post-qualifying experience at the year end
 */
public record WorkforceMeasures(
    LocalDate yearEnd,
    long casesHeld,
    BigDecimal caseHoldingFte,
    BigDecimal caseload,
    BigDecimal daysLost,
    BigDecimal employedFte,
    BigDecimal sicknessDaysPerFte,
    BigDecimal absenceRate,
    Map<Experience, BigDecimal> experience) {

  public WorkforceMeasures {
    experience = Collections.unmodifiableMap(new EnumMap<>(experience));
  }

  /** The census's bands of post-qualifying experience. */
  public enum Experience {
    UNDER_2("Less than 2 years"),
    TWO_TO_5("2 to 5 years"),
    OVER_5("More than 5 years"),
    UNKNOWN("Not recorded");

    private final String label;

    Experience(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** The band of whole years of experience (null: not recorded). */
    public static Experience of(Integer years) {
      if (years == null) {
        return UNKNOWN;
      }
      return years < 2 ? UNDER_2 : years <= 5 ? TWO_TO_5 : OVER_5;
    }
  }

  /**
   * A worker as these measures see them.
   *
   * @param casesHeld the cases they hold at the year end
   * @param daysLost working days lost to sickness within the year, or null when not known (then the
   *     group's sickness figures are null)
   * @param pqeYears whole years of post-qualifying experience at the year end, or null if unknown
   */
  public record Member(
      WorkerDetails worker, int casesHeld, BigDecimal daysLost, Integer pqeYears) {}

  /** The measures for a group: only the roles the census counts are looked at. */
  public static WorkforceMeasures of(LocalDate yearEnd, Collection<Member> members) {
    long cases = 0;
    BigDecimal holding = BigDecimal.ZERO;
    BigDecimal lost = BigDecimal.ZERO;
    BigDecimal employed = BigDecimal.ZERO;
    Map<Experience, BigDecimal> experience = new EnumMap<>(Experience.class);
    boolean sicknessKnown = true;
    for (Member m : members) {
      WorkerDetails w = m.worker();
      if (!WorkforceCensus.COUNTED.contains(w.role())) {
        continue;
      }
      boolean isEmployed = WorkforceCensus.employed(w.employmentType());
      if (isEmployed) {
        if (m.daysLost() == null) {
          sicknessKnown = false;
        } else {
          lost = lost.add(m.daysLost());
        }
      }
      if (!WorkforceCensus.inPost(w, yearEnd)) {
        continue;
      }
      cases += m.casesHeld();
      if (m.casesHeld() > 0) {
        holding = holding.add(w.fte());
      }
      if (isEmployed) {
        employed = employed.add(w.fte());
        experience.merge(Experience.of(m.pqeYears()), w.fte(), BigDecimal::add);
      }
    }
    return new WorkforceMeasures(
        yearEnd,
        cases,
        holding,
        WorkforceCensus.caseload(cases, holding),
        lost,
        employed,
        sicknessKnown ? Sickness.daysPerFte(lost, employed) : null,
        sicknessKnown
            ? WorkforceCensus.percent(
                lost, employed.multiply(BigDecimal.valueOf(Sickness.workingDaysInYear(yearEnd))))
            : null,
        experience);
  }

  /**
   * England's figures at 30 September 2023, worked out from the Department's published counts
   * (DOMAIN.md) by the same definitions as a council's: the comparison the workforce pages show.
   */
  public record National(
      LocalDate yearEnd,
      WorkforceCensus.Figures figures,
      BigDecimal caseload,
      BigDecimal sicknessDaysPerFte,
      BigDecimal absenceRate) {

    public static National england2023() {
      LocalDate end = LocalDate.of(2023, 9, 30);
      BigDecimal inPost = new BigDecimal("33119.1");
      BigDecimal vacancies = new BigDecimal("7722.7");
      BigDecimal lost = new BigDecimal("270751");
      WorkforceCensus.Figures f =
          new WorkforceCensus.Figures(
              WorkforceCensus.yearStart(end),
              end,
              inPost,
              0,
              new BigDecimal("7173.5"),
              0,
              inPost.add(vacancies),
              vacancies,
              new BigDecimal("5744.2"),
              new BigDecimal("6027.5"),
              new BigDecimal("5254.6"));
      return new National(
          end,
          f,
          WorkforceCensus.caseload(337_055, new BigDecimal("21111.4")),
          Sickness.daysPerFte(lost, inPost),
          WorkforceCensus.percent(
              lost, inPost.multiply(BigDecimal.valueOf(Sickness.workingDaysInYear(end)))));
    }
  }
}
