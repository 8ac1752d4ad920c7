package org.safeload.app.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.safeload.app.organisation.ImportResult;
import org.safeload.app.organisation.WorkerInputs;
import org.safeload.app.organisation.WorkerView;
import org.safeload.app.organisation.WorkforceService;
import org.safeload.app.platform.ApiController;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.organisation.Worker;
import org.safeload.organisation.WorkerField;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Workers over JSON, and the CSV import. */
@ApiController("/api/v1/workers")
@Tag(name = "Workers", description = "Workers, their moves between teams, and the CSV import")
class WorkerApi {

  /**
   * A worker to create or replace. Codes and dates as text (dates ISO: 2024-03-27); {@code teamId}
   * only when creating (a worker changes team by a move).
   */
  record WorkerRequest(
      String name,
      String role,
      String employmentType,
      String fte,
      String startDate,
      String endDate,
      String qualificationDate,
      String asyeStartDate,
      String sweRegistration,
      Long teamId) {

    Map<WorkerField, String> raw() {
      Map<WorkerField, String> raw = new EnumMap<>(WorkerField.class);
      raw.put(WorkerField.NAME, name);
      raw.put(WorkerField.ROLE, role);
      raw.put(WorkerField.EMPLOYMENT_TYPE, employmentType);
      raw.put(WorkerField.FTE, fte);
      raw.put(WorkerField.START_DATE, startDate);
      raw.put(WorkerField.END_DATE, endDate);
      raw.put(WorkerField.QUALIFICATION_DATE, qualificationDate);
      raw.put(WorkerField.ASYE_START_DATE, asyeStartDate);
      raw.put(WorkerField.SWE_REGISTRATION, sweRegistration);
      return raw;
    }
  }

  /** A move to another team from a date. */
  record MoveRequest(Long teamId, LocalDate from) {}

  /** One team in a worker's history. */
  record HistoryLine(long teamId, String teamName, LocalDate from, LocalDate to) {}

  /** A worker, with their team today, derived PQE and ASYE, and team history. */
  record WorkerResponse(
      long id,
      String name,
      String role,
      String employmentType,
      BigDecimal fte,
      LocalDate startDate,
      LocalDate endDate,
      LocalDate qualificationDate,
      LocalDate asyeStartDate,
      String sweRegistration,
      Long teamId,
      int pqeYears,
      boolean inAsye,
      List<HistoryLine> teamHistory) {

    static WorkerResponse of(WorkerView view) {
      Worker w = view.worker();
      var d = w.details();
      return new WorkerResponse(
          w.id(),
          d.name(),
          d.role().code(),
          d.employmentType().code(),
          d.fte(),
          d.startDate(),
          d.endDate(),
          d.qualificationDate(),
          d.asyeStartDate(),
          d.sweRegistration(),
          view.team() == null ? null : view.team().id(),
          view.pqeYears(),
          view.inAsye(),
          view.history().stream()
              .map(
                  h ->
                      new HistoryLine(
                          h.assignment().teamId(),
                          h.teamName(),
                          h.assignment().from(),
                          h.assignment().to()))
              .toList());
    }
  }

  private final WorkforceService workforce;
  private final org.safeload.app.organisation.VettingService vettings;
  private final org.safeload.app.organisation.SicknessService sickness;

  /** A spell of sickness absence: working days lost counted from the calendar unless recorded. */
  record AbsenceResponse(
      long id,
      LocalDate from,
      LocalDate to,
      BigDecimal workingDaysLost,
      boolean daysRecorded,
      String reason) {
    static AbsenceResponse of(
        org.safeload.app.organisation.persistence.RecruitmentRepository.AbsenceRow r) {
      return new AbsenceResponse(
          r.id(),
          r.absence().from(),
          r.absence().to(),
          r.absence().workingDaysLost(),
          r.absence().daysRecorded(),
          r.absence().reason().code());
    }
  }

  /** A worker's absences (latest first) and the working days lost in the census year so far. */
  record SicknessResponse(
      long workerId,
      LocalDate yearEnd,
      BigDecimal daysLostThisYear,
      List<AbsenceResponse> absences) {}

  @GetMapping("/{id}/sickness")
  @Operation(summary = "A worker's sickness absence")
  SicknessResponse sickness(@PathVariable long id) {
    var s = sickness.absences(id);
    return new SicknessResponse(
        id,
        s.yearEnd(),
        s.daysLostThisYear(),
        s.absences().stream().map(AbsenceResponse::of).toList());
  }

  @PostMapping("/{id}/sickness")
  @Operation(
      summary =
          "Record a spell of sickness absence: from, to (ISO dates), workingDaysLost (empty to"
              + " count the council's working days), reason")
  ResponseEntity<AbsenceResponse> recordSickness(
      @PathVariable long id, @RequestBody Map<String, String> fields) {
    var recorded = sickness.record(id, fields);
    return ResponseEntity.created(URI.create("/api/v1/workers/" + id + "/sickness"))
        .body(AbsenceResponse.of(recorded));
  }

  /**
   * A worker's vetting as fields (docs/workforce.md: the names the form uses, ISO dates) and their
   * clearance today: the status, every failing rule with its source and what would clear it, and
   * the checks due soon.
   */
  record VettingResponse(long workerId, Map<String, String> vetting, ClearanceResponse clearance) {
    static VettingResponse of(org.safeload.app.organisation.VettingService.WorkerVetting v) {
      return new VettingResponse(
          v.worker().id(),
          org.safeload.workforce.VettingFields.of(v.vetting()),
          ClearanceResponse.of(v.clearance()));
    }
  }

  /**
   * A clearance: {@code cleared}, {@code blocked} or {@code expiring}; each failing rule with its
   * source ({@code safer-recruitment}, {@code dfe-agency-rules}, {@code contract}), why and what
   * would clear it; the checks due soon; the years of post-qualifying experience counted.
   */
  record ClearanceResponse(
      String status,
      List<FailureResponse> failures,
      List<org.safeload.workforce.Clearance.Due> dueSoon,
      Integer pqeYears) {
    static ClearanceResponse of(org.safeload.workforce.Clearance.Result r) {
      return new ClearanceResponse(
          r.status().code(),
          r.failures().stream()
              .map(f -> new FailureResponse(f.rule(), f.source().code(), f.reason(), f.toClear()))
              .toList(),
          r.dueSoon(),
          r.pqeYears());
    }
  }

  /** A failing rule. */
  record FailureResponse(String rule, String source, String reason, String toClear) {}

  @GetMapping("/{id}/vetting")
  @Operation(summary = "A worker's vetting and clearance (on a date; today by default)")
  VettingResponse vetting(@PathVariable long id, @RequestParam(required = false) LocalDate on) {
    return VettingResponse.of(on == null ? vettings.vetting(id) : vettings.vetting(id, on));
  }

  @PutMapping("/{id}/vetting")
  @Operation(summary = "Record a worker's vetting: every check, as the form's fields")
  VettingResponse recordVetting(@PathVariable long id, java.io.InputStream body) {
    // Whose worker it is is asked before the body is read: another provider's worker is "not
    // found", whatever was sent.
    vettings.vetting(id);
    Map<String, String> fields = org.safeload.app.platform.JsonFields.read(body, "the checks");
    return VettingResponse.of(vettings.record(id, fields));
  }

  @PostMapping(
      path = "/register-extract",
      consumes = {"text/csv", "text/plain"})
  @Operation(
      summary =
          "Import a Social Work England register extract"
              + " (registration_number,status,conditions,checked_on): every row or none")
  org.safeload.app.organisation.VettingService.RegisterImport registerExtract(
      java.io.InputStream body) {
    return vettings.importRegister(
        new java.io.InputStreamReader(body, java.nio.charset.StandardCharsets.UTF_8));
  }

  WorkerApi(
      WorkforceService workforce,
      org.safeload.app.organisation.VettingService vettings,
      org.safeload.app.organisation.SicknessService sickness) {
    this.sickness = sickness;
    this.vettings = vettings;
    this.workforce = workforce;
  }

  @GetMapping
  @Operation(summary = "List workers")
  List<WorkerResponse> workers() {
    return workforce.workers().stream().map(WorkerResponse::of).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read a worker, with their team history")
  WorkerResponse worker(@PathVariable long id) {
    return WorkerResponse.of(workforce.worker(id));
  }

  /** A worker's team on a date. */
  record TeamOnDate(long workerId, LocalDate on, Long teamId, String teamName) {}

  @GetMapping("/{id}/team")
  @Operation(summary = "The worker's team on a date (today if none given)")
  TeamOnDate teamOn(
      @PathVariable long id,
      @RequestParam(required = false)
          @org.springframework.format.annotation.DateTimeFormat(
              iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
          LocalDate on) {
    LocalDate date = on == null ? workforce.worker(id).on() : on;
    var team = workforce.teamOn(id, date);
    return new TeamOnDate(
        id, date, team.map(t -> t.id()).orElse(null), team.map(t -> t.name()).orElse(null));
  }

  @PostMapping
  @Operation(summary = "Create a worker in a team (from their start date)")
  ResponseEntity<WorkerResponse> create(@RequestBody WorkerRequest request) {
    Worker created = workforce.create(WorkerInputs.details(request.raw(), false), request.teamId());
    return ResponseEntity.created(URI.create("/api/v1/workers/" + created.id()))
        .body(WorkerResponse.of(workforce.worker(created.id())));
  }

  @PutMapping("/{id}")
  @Operation(summary = "Update a worker's details (to change team, post a move)")
  WorkerResponse update(@PathVariable long id, @RequestBody WorkerRequest request) {
    WorkerView current = workforce.worker(id);
    if (request.teamId() != null
        && (current.team() == null || current.team().id() != request.teamId())) {
      throw new InvalidInputException(
          WorkerField.TEAM.jsonName(),
          "A worker changes team by a move: POST /api/v1/workers/" + id + "/moves");
    }
    workforce.update(id, WorkerInputs.details(request.raw(), false));
    return WorkerResponse.of(workforce.worker(id));
  }

  @PostMapping("/{id}/moves")
  @Operation(summary = "Move a worker to another team from a date (history is kept)")
  WorkerResponse move(@PathVariable long id, @RequestBody MoveRequest request) {
    return WorkerResponse.of(workforce.move(id, request.teamId(), request.from()));
  }

  @PostMapping(
      path = "/import",
      consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
  @Operation(
      summary = "Import workers from CSV: every row or none",
      description =
          "Header: name,role,employment_type,fte,start_date,end_date,qualification_date,"
              + "asye_start_date,swe_registration,team. See docs/workers-import.md. A bad file is"
              + " refused whole, with every bad row's line, field and reason.")
  ImportResult importCsv(@RequestBody String csv) {
    return workforce.importCsv(csv);
  }

  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Import workers from an uploaded CSV file (form field 'file')")
  ImportResult importFile(@RequestParam("file") MultipartFile file) throws IOException {
    return workforce.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8));
  }
}
