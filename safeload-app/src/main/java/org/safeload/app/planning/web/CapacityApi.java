package org.safeload.app.planning.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.safeload.app.planning.CapacityPlans;
import org.safeload.app.platform.ApiController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Capacity projections and exit plans as JSON (docs/projection.md, "In the app"): the settings are
 * query parameters, each optional (months, runs, seed, target, turnoverPercent, agencyMonthlyRate,
 * recruitTeam, recruitCount, recruitMinWeeks, recruitModeWeeks, recruitMaxWeeks,
 * recruitInductionWeeks; for an exit plan also breachLevelPercent, extendMonths, exitOn).
 */
@ApiController("/api/v1")
@Tag(name = "Planning", description = "Capacity projections and managed teams' exit plans")
class CapacityApi {

  private final CapacityPlans plans;

  CapacityApi(CapacityPlans plans) {
    this.plans = plans;
  }

  @GetMapping("/services/{id}/capacity")
  @Operation(
      summary =
          "A service's capacity month by month: open cases, weighted cases per FTE, unallocated"
              + " cases, FTE and cost as P10/P50/P90 bands, and the probability of breaching the"
              + " target, by team and for the service")
  CapacityPlans.Capacity capacity(@PathVariable long id, @ModelAttribute CapacityForm form) {
    return plans.service(id, form.settings());
  }

  @GetMapping("/contracts/{id}/exit-plan")
  @Operation(
      summary =
          "A managed team's exit: its service's projection with the contract as planned, the"
              + " cheapest safe taper (respecting the contract's notice) and the projection with it")
  CapacityPlans.ExitPlan exitPlan(
      @PathVariable("id") String code, @ModelAttribute CapacityForm form) {
    return plans.exit(code, form.settings());
  }
}
