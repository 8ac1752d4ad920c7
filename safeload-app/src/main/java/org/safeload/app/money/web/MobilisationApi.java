package org.safeload.app.money.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.safeload.app.money.ContractReadiness;
import org.safeload.app.platform.ApiController;
import org.safeload.organisation.Worker;
import org.safeload.organisation.WorkerField;
import org.safeload.workforce.Readiness;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** A contract's mobilisation (docs/workforce.md): its readiness, and proposing a worker for it. */
@ApiController("/api/v1")
@Tag(name = "Mobilisation", description = "A contract's roster, who is proposed and who is cleared")
class MobilisationApi {

  /** A failing check: its rule, source, reason and what would clear it. */
  record FailureLine(String rule, String source, String reason, String toClear) {}

  /** A check falling due soon. */
  record DueLine(String check, LocalDate due) {}

  /** A proposed worker and their clearance. */
  record ProposedLine(
      long workerId,
      String name,
      String status,
      List<FailureLine> failures,
      List<DueLine> dueSoon) {
    static ProposedLine of(Readiness.Proposed p) {
      return new ProposedLine(
          p.id(),
          p.name(),
          p.clearance().status().code(),
          p.clearance().failures().stream()
              .map(f -> new FailureLine(f.rule(), f.source().code(), f.reason(), f.toClear()))
              .toList(),
          p.clearance().dueSoon().stream().map(d -> new DueLine(d.check(), d.due())).toList());
    }
  }

  /** One role of the roster. */
  record LineResponse(
      String role, int needed, int cleared, int missing, List<ProposedLine> proposed) {}

  /** The readiness. */
  record ReadinessResponse(
      String contract,
      String team,
      LocalDate start,
      long daysToStart,
      boolean ready,
      int needed,
      int missing,
      List<LineResponse> lines) {}

  /** A worker proposed. */
  record ProposedResponse(long workerId, String name) {}

  private final ContractReadiness readiness;

  MobilisationApi(ContractReadiness readiness) {
    this.readiness = readiness;
  }

  @GetMapping("/contracts/{id}/readiness")
  @Operation(summary = "A contract's readiness: the roster on its first day and who is cleared")
  ReadinessResponse readiness(@PathVariable String id) {
    ContractReadiness.View view = readiness.readiness(id);
    Readiness r = view.readiness();
    return new ReadinessResponse(
        view.contract().code(),
        view.teamName(),
        r.start(),
        r.daysToStart(),
        r.ready(),
        r.needed(),
        r.missing(),
        r.lines().stream()
            .map(
                l ->
                    new LineResponse(
                        l.role().code(),
                        l.needed(),
                        l.cleared(),
                        l.missing(),
                        l.proposed().stream().map(ProposedLine::of).toList()))
            .toList());
  }

  @PostMapping("/contracts/{id}/proposed-workers")
  @Operation(
      summary = "Propose a worker for a contract",
      description =
          "Body: the worker's fields by their API names (name, role, fte, startDate,"
              + " qualificationDate, sweRegistration, asyeStartDate); the worker joins the team the"
              + " contract supplies as a managed-service worker from their start date.")
  ResponseEntity<ProposedResponse> propose(@PathVariable String id, InputStream body) {
    // Whose contract it is is asked before the body is read: another provider's is "not found".
    readiness.forProposing(id);
    Map<String, String> fields = org.safeload.app.platform.JsonFields.read(body, "the worker");
    Map<WorkerField, String> raw = new EnumMap<>(WorkerField.class);
    for (WorkerField f : WorkerField.values()) {
      if (fields.get(f.jsonName()) != null) {
        raw.put(f, fields.get(f.jsonName()));
      } else {
        raw.put(f, "");
      }
    }
    Worker worker = readiness.propose(id, raw);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new ProposedResponse(worker.id(), worker.name()));
  }
}
