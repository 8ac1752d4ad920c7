package org.safeload.app.organisation;

import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.safeload.app.access.Capability;
import org.safeload.app.access.Requires;
import org.safeload.app.audit.AuditLog;
import org.safeload.app.organisation.persistence.WorkerRepository;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.app.platform.NotFoundException;
import org.safeload.organisation.Worker;
import org.safeload.workforce.Clearance;
import org.safeload.workforce.RegisterExtractCsv;
import org.safeload.workforce.Vetting;
import org.safeload.workforce.VettingFields;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Workers' vetting and whether each is cleared to work with children (docs/workforce.md): recorded
 * through the worker's vetting form or the API, register entries from a Social Work England
 * extract, and the clearance worked out by the core's {@link Clearance}. Vetting is about staff,
 * not children: those who manage workers read and record it.
 */
@Service
@Transactional(readOnly = true)
public class VettingService {

  private final JdbcClient jdbc;
  private final WorkerRepository workers;
  private final OrganisationService organisation;
  private final AuditLog audit;
  private final java.time.Clock clock;
  private final org.springframework.beans.factory.ObjectProvider<TeamContracts> contracts;
  private final org.springframework.beans.factory.ObjectProvider<WorkforceService> workforce;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Clearance.Policy policy;

  VettingService(
      JdbcClient jdbc,
      WorkerRepository workers,
      OrganisationService organisation,
      AuditLog audit,
      java.time.Clock clock,
      org.springframework.beans.factory.ObjectProvider<TeamContracts> contracts,
      org.springframework.beans.factory.ObjectProvider<WorkforceService> workforce,
      @org.springframework.beans.factory.annotation.Value(
              "${safeload.vetting.expiring-within-days:30}")
          int expiringWithinDays) {
    if (expiringWithinDays < 1 || expiringWithinDays > 365) {
      throw new IllegalStateException(
          "safeload.vetting.expiring-within-days must be from 1 to 365 (not "
              + expiringWithinDays
              + ")");
    }
    Clearance.Policy standard = Clearance.Policy.standard();
    this.policy =
        new Clearance.Policy(
            standard.dbsStatusCheckEvery(),
            standard.dbsRenewEvery(),
            standard.registrationCheckEvery(),
            expiringWithinDays);
    this.workforce = workforce;
    this.clock = clock;
    this.contracts = contracts;
    this.jdbc = jdbc;
    this.workers = workers;
    this.organisation = organisation;
    this.audit = audit;
  }

  /** A worker, their vetting and their clearance on a date. */
  public record WorkerVetting(Worker worker, Vetting vetting, Clearance.Result clearance) {}

  /** A worker's vetting as recorded (nothing checked yet if none is) and their clearance today. */
  @Requires(Capability.RECORD_VETTING)
  public WorkerVetting vetting(long workerId) {
    return vetting(workerId, organisation.today());
  }

  /** As {@link #vetting(long)}, the clearance on another date. */
  @Requires(Capability.RECORD_VETTING)
  public WorkerVetting vetting(long workerId, LocalDate on) {
    Worker worker = visibleWorker(workerId);
    Vetting vetting = stored(workerId);
    return new WorkerVetting(worker, vetting, clearance(worker, vetting, on, minimumsByTeam(on)));
  }

  /**
   * Records a worker's vetting from its fields (the form's, the API's), replacing what was
   * recorded; the audit trail names the checks that changed, never their values. A provider's user
   * records for the workers of its own teams, and cannot say that the council obtained a reference
   * itself: each reference keeps what the council recorded (a new one is not obtained by it).
   */
  @Requires(Capability.RECORD_VETTING)
  @Transactional
  public WorkerVetting record(long workerId, Map<String, String> fields) {
    Worker worker = visibleWorker(workerId);
    Vetting before = stored(workerId);
    if (fields.values().stream().allMatch(v -> v == null || v.isBlank())) {
      // An empty form records nothing: it would erase every check recorded.
      throw new InvalidInputException(
          "The vetting has errors",
          List.of(
              org.safeload.document.FieldProblem.of(
                  "dbsCertificate", "Enter at least one check to record")));
    }
    VettingFields.Result read =
        VettingFields.read(fields, worker.details().sweRegistration(), organisation.today());
    if (!read.problems().isEmpty()) {
      throw new InvalidInputException("The vetting has errors", read.problems());
    }
    Vetting after = keepOverrideDate(before, read.vetting());
    if (org.safeload.app.access.CurrentUser.providerScope().isPresent()) {
      after = councilReferencesKept(before, after);
    }
    save(workerId, after);
    audit.record(
        "record-vetting", "worker", workerId, "vetting recorded: " + changed(before, after));
    return vetting(workerId);
  }

  /** Stores checks already made into a {@link Vetting} (the demo council's), audited. */
  @Requires(Capability.EDIT_WORKERS)
  @Transactional
  public void store(long workerId, Vetting vetting) {
    Vetting before = stored(workerId);
    save(workerId, vetting);
    audit.record(
        "record-vetting", "worker", workerId, "vetting recorded: " + changed(before, vetting));
  }

  /**
   * Why each of some workers may not take cases on a date: every failing check's reason, or none
   * when they are cleared (or their checks only fall due soon); the contracts' minimums are read
   * once for them all. Allocations and handovers ask it: those who may plan a handover (every role
   * that may allocate, and read-only staff) may ask.
   */
  @Requires(Capability.PLAN_HANDOVER)
  public Map<Long, List<String>> blocks(java.util.Collection<Long> workerIds, LocalDate on) {
    Map<Long, List<String>> blocks = new java.util.LinkedHashMap<>();
    clearances(workerIds, on)
        .forEach(
            (id, result) ->
                blocks.put(id, result.failures().stream().map(Clearance.Failure::reason).toList()));
    return blocks;
  }

  /**
   * Some workers' clearance on a date, read at once: the workers, their vetting, their team
   * histories and the contracts' minimums in one query each, whatever their number. Ids of no
   * worker are left out.
   */
  @Requires(Capability.PLAN_HANDOVER)
  public Map<Long, Clearance.Result> clearances(
      java.util.Collection<Long> workerIds, LocalDate on) {
    List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(workerIds));
    Map<Long, List<Clearance.Minimum>> minimums = minimumsByTeam(on);
    Map<Long, Vetting> vettings = storedAll(ids);
    Map<Long, List<org.safeload.organisation.Assignment>> histories = new java.util.HashMap<>();
    workers
        .assignmentsOf(ids)
        .forEach(a -> histories.computeIfAbsent(a.workerId(), k -> new ArrayList<>()).add(a));
    Map<Long, Worker> byId = new java.util.HashMap<>();
    workers.findAllById(ids).forEach(w -> byId.put(w.id(), w));
    Map<Long, Clearance.Result> results = new java.util.LinkedHashMap<>();
    for (long id : ids) {
      Worker worker = byId.get(id);
      if (worker != null) {
        results.put(
            id,
            clearance(
                worker,
                vettings.getOrDefault(id, Vetting.none()),
                histories.getOrDefault(id, List.of()),
                on,
                minimums));
      }
    }
    return results;
  }

  /** What an import of a register extract did. */
  public record RegisterImport(int updated, int unchanged, int notOurs)
      implements java.io.Serializable {}

  /**
   * Reads a Social Work England register extract: each entry whose number is a worker's updates
   * their register check; numbers of no worker here are counted and left. Every row or none.
   */
  @Requires(Capability.IMPORT_WORKERS)
  @Transactional
  public RegisterImport importRegister(Reader file) {
    RegisterExtractCsv.Result read = RegisterExtractCsv.read(file);
    if (!read.problems().isEmpty()) {
      throw new InvalidInputException("The file has errors", read.problems());
    }
    int updated = 0;
    int unchanged = 0;
    int notOurs = 0;
    for (Vetting.Registration entry : read.entries()) {
      Worker worker = workers.findBySweRegistration(entry.number()).orElse(null);
      if (worker == null) {
        notOurs++;
        continue;
      }
      Vetting before = stored(worker.id());
      if (Objects.equals(before.registration(), entry)) {
        unchanged++;
        continue;
      }
      save(
          worker.id(),
          new Vetting(
              before.dbs(),
              entry,
              before.qualificationDate(),
              before.pqeOverride(),
              before.managerSince(),
              before.references(),
              before.rightToWork(),
              before.leftSubstantiveRole()));
      updated++;
    }
    audit.record(
        "import",
        "register-extract",
        null,
        updated
            + " register entries recorded, "
            + unchanged
            + " unchanged, "
            + notOurs
            + " not ours");
    return new RegisterImport(updated, unchanged, notOurs);
  }

  /**
   * The worker's clearance on a date, with the minimums of the contracts supplying their team then
   * (or the team they join, for a worker who has not started).
   */
  private Clearance.Result clearance(
      Worker worker, Vetting vetting, LocalDate on, Map<Long, List<Clearance.Minimum>> byTeam) {
    return clearance(worker, vetting, workers.assignments(worker.id()), on, byTeam);
  }

  private Clearance.Result clearance(
      Worker worker,
      Vetting vetting,
      List<org.safeload.organisation.Assignment> history,
      LocalDate on,
      Map<Long, List<Clearance.Minimum>> byTeam) {
    LocalDate inTeamOn =
        worker.details().startDate().isAfter(on) ? worker.details().startDate() : on;
    List<Clearance.Minimum> minimums =
        new org.safeload.organisation.TeamHistory(history)
            .teamOn(inTeamOn)
            .map(team -> byTeam.getOrDefault(team, List.of()))
            .orElse(List.of());
    return Clearance.check(
        worker.details(),
        vetting,
        new Clearance.Assignment(
            worker.details().startDate(), organisation.councilName(), organisation.councilRegion()),
        minimums,
        on,
        policy);
  }

  /** The contracts' minimums for their teams' workers on a date (none without the contracts). */
  private Map<Long, List<Clearance.Minimum>> minimumsByTeam(LocalDate on) {
    TeamContracts links = contracts.getIfAvailable();
    return links == null ? Map.of() : links.minimumsByTeam(on);
  }

  /**
   * The worker, if the signed-in user may see them: a provider's user only the workers its teams
   * place (else "not found", as for a worker who does not exist).
   */
  private Worker visibleWorker(long workerId) {
    if (org.safeload.app.access.CurrentUser.providerScope().isPresent()) {
      return workforce.getObject().worker(workerId).worker();
    }
    return worker(workerId);
  }

  /** The references as a provider records them: "obtained by the council" stays the council's. */
  private static Vetting councilReferencesKept(Vetting before, Vetting after) {
    List<Vetting.Reference> references = new ArrayList<>();
    for (Vetting.Reference r : after.references()) {
      boolean council =
          before.references().stream()
              .anyMatch(
                  b ->
                      b.obtainedByCouncil()
                          && Objects.equals(b.refereeRole(), r.refereeRole())
                          && Objects.equals(b.received(), r.received()));
      references.add(new Vetting.Reference(r.refereeRole(), r.received(), council));
    }
    return new Vetting(
        after.dbs(),
        after.registration(),
        after.qualificationDate(),
        after.pqeOverride(),
        after.managerSince(),
        references,
        after.rightToWork(),
        after.leftSubstantiveRole());
  }

  private Worker worker(long workerId) {
    return workers
        .findById(workerId)
        .orElseThrow(() -> new NotFoundException("No worker " + workerId));
  }

  private Vetting stored(long workerId) {
    return jdbc.sql("select document from worker_vetting where worker_id = ?")
        .param(workerId)
        .query(String.class)
        .optional()
        .map(d -> json.readValue(d, Vetting.class))
        .orElse(Vetting.none());
  }

  private Map<Long, Vetting> storedAll(List<Long> ids) {
    Map<Long, Vetting> stored = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return stored;
    }
    jdbc.sql("select worker_id, document from worker_vetting where worker_id in (:ids)")
        .param("ids", ids)
        .query((rs, n) -> stored.put(rs.getLong(1), json.readValue(rs.getString(2), Vetting.class)))
        .list();
    return stored;
  }

  private void save(long workerId, Vetting vetting) {
    String document = json.writeValueAsString(vetting);
    java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
    int updated =
        jdbc.sql(
                "update worker_vetting set document = ?, updated_at = ?, updated_by = ? where"
                    + " worker_id = ?")
            .params(document, now, AuditLog.actor(), workerId)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into worker_vetting (worker_id, document, updated_at, updated_by) values (?,"
                  + " ?, ?, ?)")
          .params(workerId, document, now, AuditLog.actor())
          .update();
    }
  }

  /** An override recorded before keeps the day it was recorded when its years are unchanged. */
  private static Vetting keepOverrideDate(Vetting before, Vetting after) {
    if (before.pqeOverride() == null
        || after.pqeOverride() == null
        || before.pqeOverride().years() != after.pqeOverride().years()) {
      return after;
    }
    return new Vetting(
        after.dbs(),
        after.registration(),
        after.qualificationDate(),
        new Vetting.PqeOverride(
            after.pqeOverride().years(),
            before.pqeOverride().recordedOn(),
            after.pqeOverride().reason()),
        after.managerSince(),
        after.references(),
        after.rightToWork(),
        after.leftSubstantiveRole());
  }

  /** The checks that differ, by name. */
  private static String changed(Vetting before, Vetting after) {
    List<String> parts = new ArrayList<>();
    if (!Objects.equals(before.dbs(), after.dbs())) {
      parts.add("DBS");
    }
    if (!Objects.equals(before.registration(), after.registration())) {
      parts.add("registration");
    }
    if (!Objects.equals(before.pqeOverride(), after.pqeOverride())) {
      parts.add("experience");
    }
    if (!Objects.equals(before.managerSince(), after.managerSince())) {
      parts.add("years as a manager");
    }
    if (!Objects.equals(before.references(), after.references())) {
      parts.add("references");
    }
    if (!Objects.equals(before.rightToWork(), after.rightToWork())) {
      parts.add("right to work");
    }
    if (!Objects.equals(before.leftSubstantiveRole(), after.leftSubstantiveRole())) {
      parts.add("last substantive role");
    }
    return parts.isEmpty() ? "nothing changed" : String.join(", ", parts);
  }
}
