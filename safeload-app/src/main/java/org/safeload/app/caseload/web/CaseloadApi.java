package org.safeload.app.caseload.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.safeload.app.caseload.AllocationPolicies;
import org.safeload.app.caseload.CaseloadBoards;
import org.safeload.app.caseload.Handovers;
import org.safeload.app.caseload.UnallocatedCases;
import org.safeload.app.platform.ApiController;
import org.safeload.caseload.CaseloadPolicy;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Caseloads over JSON: boards, the unallocated queue, allocation, throughput and the policy. */
@ApiController("/api/v1")
@Tag(name = "Caseloads", description = "Caseloads, allocation, the unallocated queue, throughput")
class CaseloadApi {

  private final CaseloadBoards boards;
  private final UnallocatedCases unallocated;
  private final Handovers handovers;
  private final AllocationPolicies policies;

  CaseloadApi(
      CaseloadBoards boards,
      UnallocatedCases unallocated,
      Handovers handovers,
      AllocationPolicies policies) {
    this.boards = boards;
    this.unallocated = unallocated;
    this.handovers = handovers;
    this.policies = policies;
  }

  private LocalDate orToday(LocalDate on) {
    return on == null ? boards.today() : on;
  }

  @GetMapping("/caseloads")
  @Operation(summary = "Every team's, service's and the council's caseload on a date")
  OverviewResponse overview(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
    return OverviewResponse.of(boards.overview(orToday(on)));
  }

  /**
   * The overview as JSON: each team's, service's and the council's figures, without their workers
   * (a team's board lists them, a page at a time: at a region's size, listing every worker here
   * made the answer 6 MB).
   */
  record OverviewResponse(
      LocalDate on,
      String policyId,
      String policyName,
      java.util.List<TeamFigures> teams,
      java.util.List<ServiceFigures> services,
      GroupFigures council) {

    static OverviewResponse of(CaseloadBoards.Overview o) {
      return new OverviewResponse(
          o.on(),
          o.policyId(),
          o.policyName(),
          o.teams().stream().map(TeamFigures::of).toList(),
          o.services().stream()
              .map(s -> new ServiceFigures(s.service(), GroupFigures.of(s.load())))
              .toList(),
          GroupFigures.of(o.council()));
    }
  }

  /** A service and its figures. */
  record ServiceFigures(org.safeload.organisation.Service service, GroupFigures load) {}

  /** A group's figures without the list of its workers. */
  record GroupFigures(
      String id,
      org.safeload.caseload.Load load,
      java.math.BigDecimal fte,
      java.math.BigDecimal casesPerFte,
      java.math.BigDecimal weightedPerFte,
      int unallocated,
      java.math.BigDecimal target,
      org.safeload.caseload.Caseloads.Status status,
      int workersOverCap,
      int workersOverTarget) {

    static GroupFigures of(org.safeload.caseload.Caseloads.GroupLoad g) {
      return new GroupFigures(
          g.id(),
          g.load(),
          g.fte(),
          g.casesPerFte(),
          g.weightedPerFte(),
          g.unallocated(),
          g.target(),
          g.status(),
          g.workersOverCap(),
          g.workersOverTarget());
    }
  }

  @GetMapping("/caseloads/teams/{id}")
  @Operation(summary = "A team's board: each worker's cases, weighted load, cap and status")
  BoardResponse board(
      @PathVariable long id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    CaseloadBoards.Board b = boards.board(id, orToday(on));
    return new BoardResponse(
        b.on(),
        b.policyName(),
        TeamFigures.of(b.team()),
        b.byType(),
        b.months(),
        org.safeload.app.platform.ApiPage.of(b.team().load().workers(), page, size));
  }

  /**
   * A team's board as JSON: the team's figures, and its workers' loads a page at a time (page from
   * 1, size 1 to 500, default 50: a team of a few workers is one page).
   */
  record BoardResponse(
      LocalDate on,
      String policyName,
      TeamFigures team,
      java.util.Map<String, Long> byType,
      java.util.List<org.safeload.caseload.Throughput.Month> months,
      org.safeload.app.platform.ApiPage<org.safeload.caseload.Caseloads.WorkerLoad> workers) {}

  /** A team and its figures, without the list of its workers. */
  record TeamFigures(
      org.safeload.organisation.Team team,
      String serviceName,
      String providerName,
      GroupFigures load) {

    static TeamFigures of(CaseloadBoards.TeamLoad t) {
      return new TeamFigures(
          t.team(), t.serviceName(), t.providerName(), GroupFigures.of(t.load()));
    }
  }

  @GetMapping("/caseloads/unallocated")
  @Operation(summary = "Open cases without a worker, oldest first, with their age in working days")
  List<UnallocatedCases.Waiting> queue(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
    return unallocated.queue(orToday(on));
  }

  @GetMapping("/caseloads/cases/{caseRef}/recommendations")
  @Operation(
      summary =
          "Ranked workers for a case, with reasons (the read is audited); on a later date, the"
              + " workers in post then, with today's caseloads and the moves planned up to then")
  UnallocatedCases.CaseAllocation recommendations(
      @PathVariable String caseRef,
      @RequestParam(defaultValue = "false") boolean allTeams,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
    return unallocated.allocation(caseRef, orToday(on), allTeams);
  }

  /** An allocation request: the case, the worker, and a reason when a soft target is exceeded. */
  record AllocationRequest(String caseRef, String workerId, String reason) {}

  @PostMapping("/caseloads/allocations")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Allocate a case to a worker today",
      description =
          "Refused (400) when a hard rule would break; a reason is required to exceed a soft target.")
  UnallocatedCases.Allocated allocate(@RequestBody AllocationRequest request) {
    return unallocated.allocate(request.caseRef(), request.workerId(), request.reason());
  }

  @GetMapping("/caseloads/teams/{id}/throughput")
  @Operation(summary = "A team's throughput over a period, changes of worker, caseload by month")
  CaseloadBoards.TeamThroughput throughput(
      @PathVariable long id,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return boards.throughput(id, from, to);
  }

  @GetMapping("/caseload-policy")
  @Operation(summary = "The allocation policy in force")
  CaseloadPolicy policy() {
    return policies.policy();
  }

  @GetMapping(path = "/caseload-policy", produces = "application/yaml")
  @Operation(summary = "The allocation policy in force, as YAML")
  String policyText() {
    return policies.policyText();
  }

  @PutMapping(
      path = "/caseload-policy",
      consumes = {"application/yaml", "text/plain"})
  @Operation(summary = "Save the council's policy (YAML; its id is in the document) and use it")
  CaseloadPolicy savePolicy(@RequestBody String document) {
    return policies.savePolicy(document);
  }

  @DeleteMapping("/caseload-policy")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Put the built-in policy back in force")
  void useBuiltIn() {
    policies.useBuiltInPolicy();
  }

  @PostMapping("/caseloads/handover/plan")
  @Operation(
      summary = "Plan a handover",
      description =
          "Cases (every open case of fromTeam or fromWorker, and/or caseRefs) to the case-holding"
              + " workers of toTeams and/or toWorkers: every hard rule holds, siblings go to one"
              + " worker, the highest weighted caseload per FTE is as low as possible, then the"
              + " fewest cases leave a worker the child knows. Status optimal, feasible (with the"
              + " bound and gap) or infeasible (with the cases that cannot be placed and the extra"
              + " FTE needed).")
  Handovers.PlanView plan(@RequestBody Handovers.HandoverRequest request) {
    return handovers.planHandover(request);
  }

  /** A reviewed plan to apply, with a reason when it takes a worker over a soft target. */
  record ApplyRequest(List<Handovers.PlannedMove> moves, String reason) {}

  @PostMapping("/caseloads/handover/apply")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Apply a reviewed plan: every case moves, or none does")
  Handovers.Applied apply(@RequestBody ApplyRequest request) {
    return handovers.applyHandover(request.moves(), request.reason());
  }
}
