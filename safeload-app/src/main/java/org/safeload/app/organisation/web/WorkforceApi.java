package org.safeload.app.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeload.app.organisation.WorkforceFigures;
import org.safeload.app.organisation.WorkforceFigures.Scope;
import org.safeload.app.platform.ApiController;
import org.safeload.app.platform.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The workforce figures on the census's definitions, as the command line gives them from files. */
@ApiController("/api/v1")
@Tag(name = "Workforce", description = "Workforce figures on the Department's census definitions")
class WorkforceApi {

  private final WorkforceFigures figures;

  WorkforceApi(WorkforceFigures figures) {
    this.figures = figures;
  }

  @GetMapping("/workforce")
  @Operation(
      summary = "Workforce figures for a census year",
      description =
          "The council's (or, with serviceId or teamId, a service's or team's) figures for the"
              + " census year ending on yearEnd (default: the latest 30 September), under the keys"
              + " of `safeload workforce` (docs/workforce.md), with the caseload, sickness and"
              + " experience measures; `parts` lists the services (council) or teams (service).")
  Map<String, Object> workforce(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate yearEnd,
      @RequestParam(required = false) Long serviceId,
      @RequestParam(required = false) Long teamId) {
    if (serviceId != null && teamId != null) {
      throw new InvalidInputException("teamId", "Give a service or a team, not both");
    }
    LocalDate end = yearEnd == null ? figures.latestYearEnd() : yearEnd;
    if (end.getYear() < 2000 || end.getYear() > 2100) {
      throw new InvalidInputException("yearEnd", "The year end must be between 2000 and 2100");
    }
    Scope scope =
        serviceId != null
            ? new Scope.OfService(serviceId)
            : teamId != null ? new Scope.OfTeam(teamId) : new Scope.Council();
    WorkforceFigures.Report report = figures.report(scope, end);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", report.title());
    json.put("yearStart", report.subject().census().yearStart().toString());
    json.put("yearEnd", end.toString());
    json.putAll(org.safeload.workforce.WorkforceKeys.figures(report.subject().census()));
    json.putAll(org.safeload.workforce.WorkforceKeys.measures(report.subject().measures()));
    List<Map<String, Object>> parts = new ArrayList<>();
    for (WorkforceFigures.Group p : report.parts()) {
      Map<String, Object> part = new LinkedHashMap<>();
      part.put("name", p.name());
      part.put("id", p.id());
      part.putAll(org.safeload.workforce.WorkforceKeys.figures(p.census()));
      part.putAll(org.safeload.workforce.WorkforceKeys.measures(p.measures()));
      parts.add(part);
    }
    json.put("parts", parts);
    return json;
  }
}
