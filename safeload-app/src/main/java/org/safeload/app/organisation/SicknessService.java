package org.safeload.app.organisation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.safeload.app.access.Capability;
import org.safeload.app.access.Requires;
import org.safeload.app.audit.AuditLog;
import org.safeload.app.organisation.persistence.RecruitmentRepository;
import org.safeload.app.organisation.persistence.RecruitmentRepository.AbsenceRow;
import org.safeload.app.organisation.persistence.WorkerRepository;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.app.platform.NotFoundException;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.organisation.Worker;
import org.safeload.workforce.Sickness;
import org.safeload.workforce.SicknessAbsence;
import org.safeload.workforce.WorkforceCensus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workers' sickness absence (docs/workforce.md, "Sickness absence"): recorded on the worker's page
 * or through the API, the working days lost counted from the council's calendar unless recorded,
 * and the census figures for a year. Health data about staff: those who manage workers read and
 * record it; every read of a worker's absences and every recording is audited, naming the worker
 * and never the dates or the reason.
 */
@Service
@Transactional(readOnly = true)
public class SicknessService {

  private final RecruitmentRepository repository;
  private final WorkerRepository workers;
  private final OrganisationService organisation;
  private final WorkingCalendar calendar;
  private final AuditLog audit;
  private final Clock clock;

  SicknessService(
      RecruitmentRepository repository,
      WorkerRepository workers,
      OrganisationService organisation,
      WorkingCalendar calendar,
      AuditLog audit,
      Clock clock) {
    this.repository = repository;
    this.workers = workers;
    this.organisation = organisation;
    this.calendar = calendar;
    this.audit = audit;
    this.clock = clock;
  }

  /** A worker's absences, latest first, and the working days lost in the census year to date. */
  public record WorkerSickness(
      Worker worker, List<AbsenceRow> absences, LocalDate yearEnd, BigDecimal daysLostThisYear) {}

  /** A worker's sickness absence; the read is audited. */
  @Requires(Capability.EDIT_WORKERS)
  public WorkerSickness absences(long workerId) {
    Worker worker = worker(workerId);
    List<AbsenceRow> rows = repository.absences(workerId);
    audit.recordRead("read", "worker", workerId, "sickness absence read");
    LocalDate yearEnd = censusYearEnd(organisation.today());
    BigDecimal days =
        Sickness.daysLostByWorker(
                yearEnd, rows.stream().map(AbsenceRow::absence).toList(), calendar)
            .getOrDefault(workerId, BigDecimal.ZERO);
    return new WorkerSickness(worker, rows, yearEnd, days);
  }

  /**
   * Records a spell of absence from its fields ({@link SicknessAbsence#FIELDS}); one that overlaps
   * a spell already recorded for the worker is refused (its days would count twice). Audited.
   */
  @Requires(Capability.EDIT_WORKERS)
  @Transactional
  public AbsenceRow record(long workerId, Map<String, String> fields) {
    worker(workerId);
    SicknessAbsence.Read read =
        SicknessAbsence.read(workerId, fields, calendar, organisation.today());
    if (!read.problems().isEmpty()) {
      throw new InvalidInputException("The absence has errors", read.problems());
    }
    SicknessAbsence a = read.absence();
    for (AbsenceRow other : repository.absences(workerId)) {
      if (!other.absence().to().isBefore(a.from()) && !other.absence().from().isAfter(a.to())) {
        throw new InvalidInputException(
            "from", "These days overlap an absence already recorded: change that one instead");
      }
    }
    long id = repository.insertAbsence(a, clock.instant(), AuditLog.actor());
    audit.record("record-sickness", "worker", workerId, "sickness absence recorded");
    return new AbsenceRow(id, a);
  }

  /**
   * Working days lost to sickness in the census year ending on {@code yearEnd} (1 October to 30
   * September), by worker id: every worker with days lost in the year, whatever their role or
   * employment (the census counts only employed social workers: see {@link #census}). An absence
   * crossing the year's bounds counts its share inside the year.
   */
  @Requires(Capability.EDIT_WORKERS)
  public Map<Long, BigDecimal> workingDaysLost(LocalDate yearEnd) {
    return Sickness.daysLostByWorker(yearEnd, absencesIn(yearEnd), calendar);
  }

  /** The census year (ending 30 September) that a day falls in. */
  public static LocalDate censusYearEnd(LocalDate day) {
    LocalDate end = LocalDate.of(day.getYear(), 9, 30);
    return day.isAfter(end) ? end.plusYears(1) : end;
  }

  private List<SicknessAbsence> absencesIn(LocalDate yearEnd) {
    return repository.absencesBetween(WorkforceCensus.yearStart(yearEnd), yearEnd).stream()
        .map(AbsenceRow::absence)
        .toList();
  }

  private Worker worker(long workerId) {
    return workers
        .findById(workerId)
        .orElseThrow(() -> new NotFoundException("No worker " + workerId));
  }
}
