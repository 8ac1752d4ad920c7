package org.safeload.app.organisation;

import java.io.InputStream;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import org.safeload.app.access.Capability;
import org.safeload.app.access.Requires;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.workforce.AgencyReturnCsv;
import org.safeload.workforce.CswwXml;
import org.safeload.workforce.WorkforceCensus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Department's workforce returns from the stored workers and establishment (docs/workforce.md):
 * the annual census return (CSWW XML) and the quarterly agency return (CSV), and a census return
 * read back into the council's figures. A provider's account gets its own teams' workers and posts,
 * as everywhere else.
 */
@Service
@Transactional(readOnly = true)
public class WorkforceReturns {

  private final WorkforceService workforce;
  private final OrganisationService organisation;
  private final org.springframework.beans.factory.ObjectProvider<CasesHeld> casesHeld;
  private final SicknessService sickness;
  private final VettingService vettings;

  WorkforceReturns(
      WorkforceService workforce,
      OrganisationService organisation,
      org.springframework.beans.factory.ObjectProvider<CasesHeld> casesHeld,
      SicknessService sickness,
      VettingService vettings) {
    this.vettings = vettings;
    this.workforce = workforce;
    this.organisation = organisation;
    this.casesHeld = casesHeld;
    this.sickness = sickness;
  }

  /** The last census year end (30 September) on or before today. */
  public LocalDate lastYearEnd() {
    return WorkforceFigures.latestYearEnd(organisation.today());
  }

  /** The last quarter's end on or before today. */
  public LocalDate lastQuarterEnd() {
    LocalDate day = organisation.today();
    while (!AgencyReturnCsv.quarterEnd(day)) {
      day = day.withDayOfMonth(1).minusDays(1);
    }
    return day;
  }

  /** Writes the census return for the year ending {@code yearEnd}. */
  @Requires(Capability.READ_ORGANISATION)
  public void census(Writer out, LocalDate yearEnd) {
    checkYear("yearEnd", yearEnd);
    String lea = organisation.councilLea();
    if (!lea.matches("\\d{3}")) {
      throw new InvalidInputException(
          "The census return needs the council's LEA code",
          List.of(
              org.safeload.document.FieldProblem.of(
                  "lea", "The council's three-digit LEA code is not set (safeload.council.lea)")));
    }
    // Each worker's cases at the year end, and (for those who manage workers) days lost to
    // sickness in the year, from Safeload's own records.
    Placed placed = placed(yearEnd);
    java.util.Map<org.safeload.organisation.WorkerDetails, Long> ids = placed.ids();
    CasesHeld held = casesHeld.getIfAvailable();
    java.util.Map<Long, Integer> cases = held == null ? java.util.Map.of() : held.byWorker(yearEnd);
    java.util.Map<Long, java.math.BigDecimal> lost =
        Capability.EDIT_WORKERS.granted() ? sickness.workingDaysLost(yearEnd) : null;
    CswwXml.write(
        out,
        yearEnd,
        lea,
        placed.members(),
        organisation.establishmentPosts(),
        m -> {
          Long id = ids.get(m.worker());
          boolean inPost = WorkforceCensus.inPost(m.worker(), yearEnd);
          return new CswwXml.Activity(
              inPost ? cases.getOrDefault(id, 0) : null,
              lost == null ? null : lost.getOrDefault(id, java.math.BigDecimal.ZERO));
        });
  }

  /** A census return's council-level figures; its problems as invalid input. */
  @Requires(Capability.READ_ORGANISATION)
  public WorkforceCensus.Figures readCensus(InputStream xml) {
    CswwXml.Result read = CswwXml.read(xml);
    if (!read.problems().isEmpty()) {
      throw new InvalidInputException("The census return has errors", read.problems());
    }
    return read.census().figures();
  }

  /**
   * Writes the quarterly agency return for the quarter ending {@code quarterEnd}, with whether each
   * worker meets the DfE agency rules on their last day in the quarter: for those who manage
   * workers, who read their vetting.
   */
  @Requires(Capability.EDIT_WORKERS)
  public void agencyReturn(Writer out, LocalDate quarterEnd) {
    checkYear("quarterEnd", quarterEnd);
    if (!AgencyReturnCsv.quarterEnd(quarterEnd)) {
      throw new InvalidInputException(
          "quarterEnd",
          "Must be the last day of a quarter: 31 March, 30 June, 30 September or 31 December");
    }
    Placed placed = placed(quarterEnd);
    java.util.Map<org.safeload.organisation.WorkerDetails, Long> ids = placed.ids();
    // Each day's clearances read once for every worker, whatever their number.
    java.util.Map<LocalDate, java.util.Map<Long, org.safeload.workforce.Clearance.Result>> byDay =
        new java.util.HashMap<>();
    AgencyReturnCsv.write(
        out,
        quarterEnd,
        placed.members(),
        (m, day) -> {
          org.safeload.workforce.Clearance.Result result =
              byDay
                  .computeIfAbsent(day, d -> vettings.clearances(ids.values(), d))
                  .get(ids.get(m.worker()));
          return result == null
              ? null
              : result.failures().stream()
                  .filter(
                      f -> f.source() == org.safeload.workforce.Clearance.Source.DFE_AGENCY_RULES)
                  .map(org.safeload.workforce.Clearance.Failure::rule)
                  .distinct()
                  .toList();
        });
  }

  private static void checkYear(String field, LocalDate day) {
    if (day.getYear() < 2000 || day.getYear() > 2040) {
      throw new InvalidInputException(field, "Must be between 2000 and 2040");
    }
  }

  /**
   * The workers the user may see, each in the team that places them on a date (by name), and each
   * one's id by their details (the core's members carry no id).
   */
  private record Placed(
      List<WorkforceCensus.Member> members,
      java.util.Map<org.safeload.organisation.WorkerDetails, Long> ids) {}

  private Placed placed(LocalDate on) {
    java.util.Map<org.safeload.organisation.WorkerDetails, Long> ids =
        new java.util.IdentityHashMap<>();
    List<WorkforceCensus.Member> members = new java.util.ArrayList<>();
    for (WorkerView v : workforce.workersOn(on)) {
      ids.put(v.worker().details(), v.worker().id());
      members.add(member(v));
    }
    return new Placed(members, ids);
  }

  private static WorkforceCensus.Member member(WorkerView v) {
    return new WorkforceCensus.Member(
        v.placement() == null ? "" : v.placement().name(), v.worker().details());
  }
}
