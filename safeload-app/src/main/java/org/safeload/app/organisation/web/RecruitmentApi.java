package org.safeload.app.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeload.app.organisation.RecruitmentService;
import org.safeload.app.organisation.persistence.RecruitmentRepository.PlacementRow;
import org.safeload.app.platform.ApiController;
import org.safeload.workforce.Candidate;
import org.safeload.workforce.Placements;
import org.safeload.workforce.Recruitment;
import org.safeload.workforce.SupplierPlacement;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** The recruitment pipeline's candidates and supplier placements over JSON. */
@ApiController("/api/v1/workforce")
@Tag(
    name = "Recruitment",
    description = "Candidates in the recruitment pipeline, and placements requested from suppliers")
class RecruitmentApi {

  /** A candidate as recorded, with the first day they can start and the worker they became. */
  record CandidateResponse(
      long id,
      String name,
      String role,
      String route,
      String stage,
      Long teamId,
      String teamName,
      BigDecimal fte,
      LocalDate expectedStart,
      LocalDate registrationApplied,
      LocalDate registrationExpected,
      LocalDate likelyStart,
      Long workerId) {
    static CandidateResponse of(RecruitmentService.CandidateLine l) {
      Candidate c = l.candidate();
      return new CandidateResponse(
          l.id(),
          c.name(),
          c.role().code(),
          c.route().code(),
          c.stage().code(),
          c.teamId(),
          l.teamName(),
          c.fte(),
          c.expectedStart(),
          c.registrationApplied(),
          c.registrationExpected(),
          c.likelyStart(),
          l.workerId());
    }
  }

  /**
   * Every candidate, the count at each stage (by code), the FTE expected to start by month and the
   * international recruits in post, awaiting registration and earlier in the pipeline.
   */
  record PipelineResponse(
      List<CandidateResponse> candidates,
      Map<String, Integer> byStage,
      List<Recruitment.MonthStarts> expectedStarts,
      BigDecimal expectedFte,
      Recruitment.International international) {}

  /** A placement, with its calendar days to fill (null while open). */
  record PlacementResponse(
      long id,
      String supplier,
      String brokeredFrom,
      String role,
      LocalDate requested,
      LocalDate filled,
      Long daysToFill) {
    static PlacementResponse of(PlacementRow r) {
      SupplierPlacement p = r.placement();
      return new PlacementResponse(
          r.id(),
          p.supplier(),
          p.brokeredFrom(),
          p.role().code(),
          p.requested(),
          p.filled(),
          p.daysToFill());
    }
  }

  /** Every placement (latest request first), the figures for all and by supplier. */
  record PlacementsResponse(
      List<PlacementResponse> placements,
      Placements.Figures all,
      List<Placements.Supplier> bySupplier) {}

  private final RecruitmentService recruitment;

  RecruitmentApi(RecruitmentService recruitment) {
    this.recruitment = recruitment;
  }

  @GetMapping("/candidates")
  @Operation(summary = "The recruitment pipeline: every candidate and the figures")
  PipelineResponse candidates() {
    RecruitmentService.Pipeline p = recruitment.pipeline();
    Map<String, Integer> byStage = new LinkedHashMap<>();
    p.summary().byStage().forEach((stage, n) -> byStage.put(stage.code(), n));
    return new PipelineResponse(
        p.candidates().stream().map(CandidateResponse::of).toList(),
        byStage,
        p.summary().expectedStarts(),
        p.summary().expectedFte(),
        p.summary().international());
  }

  @PostMapping("/candidates")
  @Operation(
      summary =
          "Add a candidate: name, role, route (permanent, agency, international), stage, teamId,"
              + " fte, expectedStart, registrationApplied, registrationExpected (ISO dates)")
  ResponseEntity<CandidateResponse> addCandidate(@RequestBody Map<String, String> fields) {
    RecruitmentService.CandidateLine added = recruitment.addCandidate(fields);
    return ResponseEntity.created(URI.create("/api/v1/workforce/candidates/" + added.id()))
        .body(CandidateResponse.of(added));
  }

  @GetMapping("/placements")
  @Operation(summary = "Supplier placements and time to fill by supplier")
  PlacementsResponse placements() {
    RecruitmentService.PlacementList list = recruitment.placements();
    return new PlacementsResponse(
        list.placements().stream().map(PlacementResponse::of).toList(),
        list.summary().all(),
        list.summary().bySupplier());
  }

  @PostMapping("/placements")
  @Operation(
      summary =
          "Record a placement request: supplier, brokeredFrom (empty when direct), role,"
              + " requested, filled (ISO dates; filled empty while open)")
  ResponseEntity<PlacementResponse> addPlacement(@RequestBody Map<String, String> fields) {
    PlacementRow added = recruitment.addPlacement(fields);
    return ResponseEntity.created(URI.create("/api/v1/workforce/placements/" + added.id()))
        .body(PlacementResponse.of(added));
  }
}
