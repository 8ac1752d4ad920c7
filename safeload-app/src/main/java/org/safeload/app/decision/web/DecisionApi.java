package org.safeload.app.decision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeload.app.decision.DecisionReportService;
import org.safeload.app.decision.Decisions;
import org.safeload.app.platform.ApiController;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.money.DecisionDocument;
import org.safeload.money.DecisionFigures;
import org.safeload.money.ReportType;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** A contract's decisions and its reports over HTTP (docs/decisions.md). */
@ApiController("/api/v1")
@Tag(name = "Decisions", description = "Council decisions about contracts, and their reports")
class DecisionApi {

  private final Decisions decisions;
  private final DecisionReportService reports;

  DecisionApi(Decisions decisions, DecisionReportService reports) {
    this.decisions = decisions;
    this.reports = reports;
  }

  /** A decision as the API answers it: the document, and the main frozen figures. */
  static Map<String, Object> body(Decisions.Recorded r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", r.number());
    m.put("contract", r.contractCode());
    m.put("recordedAt", r.recordedAt());
    m.put("recordedBy", r.recordedBy());
    m.put("decision", DecisionDocument.toMap(r.decision()));
    DecisionFigures f = r.figures();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("asOf", f.asOf());
    figures.put("total", f.costing().total());
    figures.put("net", f.costing().net());
    figures.put("ceiling", f.costing().ceiling());
    figures.put("potentialValue", f.costing().potentialValue());
    figures.put("linkedTotal", f.costing().linkedTotal());
    figures.put("decisionValue", f.decisionValue());
    figures.put("keyDecision", f.keyDecision().key());
    figures.put("keyDecisionStatement", f.keyDecision().statement());
    figures.put("procurement", f.procurement());
    figures.put(
        "printedDifferences",
        f.printed().stream().map(p -> Map.of("what", p.what(), "message", p.message())).toList());
    m.put("figures", figures);
    return m;
  }

  @GetMapping("/contracts/{id}/decisions")
  @Operation(summary = "A contract's decisions, in the order they were recorded")
  List<Map<String, Object>> list(@PathVariable String id) {
    return decisions.decisions(id).stream().map(DecisionApi::body).toList();
  }

  @GetMapping("/contracts/{id}/decisions/{number}")
  @Operation(summary = "One decision, with the figures frozen when it was recorded")
  Map<String, Object> one(@PathVariable String id, @PathVariable int number) {
    return body(decisions.decision(id, number));
  }

  @PostMapping(
      path = "/contracts/{id}/decisions",
      consumes = {"application/json", "application/yaml", "text/plain"})
  @Operation(
      summary =
          "Record a decision (JSON or YAML, docs/decisions.md); the contract changes as it says")
  ResponseEntity<Map<String, Object>> record(
      @PathVariable String id, @RequestBody String document) {
    Decisions.Recorded r = decisions.record(id, document);
    return ResponseEntity.created(
            URI.create("/api/v1/contracts/" + id + "/decisions/" + r.number()))
        .body(body(r));
  }

  @GetMapping("/contracts/{id}/reports/{type}.{format}")
  @Operation(
      summary =
          "A report (award, extension or exit) as docx or pdf: a decision's (decision=N, its frozen"
              + " figures) or a draft as of a date (asOf, default today)")
  ResponseEntity<byte[]> report(
      @PathVariable String id,
      @PathVariable String type,
      @PathVariable String format,
      @RequestParam(required = false) Integer decision,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate asOf) {
    ReportType t = type(type);
    DecisionReportService.Format f = format(format);
    return attachment(id, t, decision, f, reports.file(id, t, decision, asOf, f));
  }

  /** A report file as a download named after the contract, the report and the decision. */
  static ResponseEntity<byte[]> attachment(
      String id, ReportType t, Integer decision, DecisionReportService.Format f, byte[] file) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(f.mediaType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + DecisionReportService.fileName(id, t, decision, f) + "\"")
        .body(file);
  }

  static ReportType type(String type) {
    return ReportType.fromCode(type)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "type", "must be one of: " + ReportType.codes() + " (not " + type + ")"));
  }

  static DecisionReportService.Format format(String format) {
    return DecisionReportService.Format.of(format)
        .orElseThrow(
            () -> new InvalidInputException("format", "must be docx or pdf (not " + format + ")"));
  }
}
