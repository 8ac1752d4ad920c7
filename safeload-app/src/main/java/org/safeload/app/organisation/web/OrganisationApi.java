package org.safeload.app.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.organisation.TeamInput;
import org.safeload.app.organisation.TeamOverview;
import org.safeload.app.platform.ApiController;
import org.safeload.organisation.Provider;
import org.safeload.organisation.Role;
import org.safeload.organisation.Service;
import org.safeload.organisation.Team;
import org.safeload.workforce.RoleStaffing;
import org.safeload.workforce.Staffing;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** The council's structure over JSON: services, teams, providers, establishment. */
@ApiController("/api/v1")
@Tag(name = "Organisation", description = "Services, teams, providers and establishment")
class OrganisationApi {

  /** A service to create or replace. */
  record ServiceRequest(String name, String description) {}

  /** A service. */
  record ServiceResponse(long id, String name, String description) {
    static ServiceResponse of(Service s) {
      return new ServiceResponse(s.id(), s.name(), s.description());
    }
  }

  /** A provider to create. */
  record ProviderRequest(String name) {}

  /** A team to create or replace; {@code kind} is substantive or managed. */
  record TeamRequest(Long serviceId, String name, String kind, Long providerId) {}

  /** A team. */
  record TeamResponse(long id, long serviceId, String name, String kind, Long providerId) {
    static TeamResponse of(Team t) {
      return new TeamResponse(t.id(), t.serviceId(), t.name(), t.kind().code(), t.providerId());
    }
  }

  /**
   * One role's budgeted FTE against FTE in post (employed and agency); vacant on the census's
   * basis: budgeted less employed, so a post an agency worker covers is still vacant.
   */
  record RoleLine(
      String role,
      BigDecimal budgetedFte,
      BigDecimal filledFte,
      BigDecimal employedFte,
      BigDecimal agencyFte,
      BigDecimal vacantFte,
      BigDecimal agencyCoverFte,
      int headcount) {
    static RoleLine of(RoleStaffing r) {
      return new RoleLine(
          r.role().code(),
          r.budgeted(),
          r.filled(),
          r.employed(),
          r.agency(),
          r.vacant(),
          r.agencyCover(),
          r.headcount());
    }
  }

  /** A team's staffing on a date. */
  record StaffingResponse(
      long teamId,
      LocalDate on,
      List<RoleLine> roles,
      BigDecimal budgetedFte,
      BigDecimal filledFte,
      BigDecimal vacantFte,
      BigDecimal agencyFte,
      BigDecimal agencyCoverFte,
      BigDecimal vacancyRatePercent) {
    static StaffingResponse of(long teamId, Staffing s) {
      return new StaffingResponse(
          teamId,
          s.on(),
          s.roles().stream().map(RoleLine::of).toList(),
          s.budgeted(),
          s.filled(),
          s.vacant(),
          s.agency(),
          s.agencyCover(),
          s.vacancyRatePercent().orElse(null));
    }
  }

  private final OrganisationService organisation;

  OrganisationApi(OrganisationService organisation) {
    this.organisation = organisation;
  }

  @GetMapping("/services")
  @Operation(summary = "List services")
  List<ServiceResponse> services() {
    return organisation.services().stream().map(ServiceResponse::of).toList();
  }

  @GetMapping("/services/{id}")
  @Operation(summary = "Read a service")
  ServiceResponse service(@PathVariable long id) {
    return ServiceResponse.of(organisation.service(id));
  }

  @PostMapping("/services")
  @Operation(summary = "Create a service")
  ResponseEntity<ServiceResponse> createService(@RequestBody ServiceRequest request) {
    Service created = organisation.createService(request.name(), request.description());
    return ResponseEntity.created(URI.create("/api/v1/services/" + created.id()))
        .body(ServiceResponse.of(created));
  }

  @PutMapping("/services/{id}")
  @Operation(summary = "Update a service")
  ServiceResponse updateService(@PathVariable long id, @RequestBody ServiceRequest request) {
    return ServiceResponse.of(
        organisation.updateService(id, request.name(), request.description()));
  }

  @GetMapping("/providers")
  @Operation(summary = "List providers")
  List<Provider> providers() {
    return organisation.providers();
  }

  @PostMapping("/providers")
  @Operation(summary = "Create a provider")
  ResponseEntity<Provider> createProvider(@RequestBody ProviderRequest request) {
    Provider created = organisation.createProvider(request.name());
    return ResponseEntity.created(URI.create("/api/v1/providers/" + created.id())).body(created);
  }

  @GetMapping("/teams")
  @Operation(summary = "List teams")
  List<TeamResponse> teams() {
    return organisation.teams().stream().map(TeamResponse::of).toList();
  }

  @GetMapping("/teams/{id}")
  @Operation(summary = "Read a team")
  TeamResponse team(@PathVariable long id) {
    return TeamResponse.of(organisation.team(id));
  }

  @PostMapping("/teams")
  @Operation(summary = "Create a team")
  ResponseEntity<TeamResponse> createTeam(@RequestBody TeamRequest request) {
    Team created = organisation.createTeam(input(request));
    return ResponseEntity.created(URI.create("/api/v1/teams/" + created.id()))
        .body(TeamResponse.of(created));
  }

  @PutMapping("/teams/{id}")
  @Operation(summary = "Update a team")
  TeamResponse updateTeam(@PathVariable long id, @RequestBody TeamRequest request) {
    return TeamResponse.of(organisation.updateTeam(id, input(request)));
  }

  private static TeamInput input(TeamRequest r) {
    return new TeamInput(r.serviceId(), r.name(), r.kind(), r.providerId());
  }

  @GetMapping("/teams/{id}/establishment")
  @Operation(summary = "Read a team's establishment: budgeted FTE by role")
  Map<String, BigDecimal> establishment(@PathVariable long id) {
    return codes(organisation.establishment(id));
  }

  @PutMapping("/teams/{id}/establishment")
  @Operation(
      summary = "Set budgeted FTE by role",
      description =
          "Body: budgeted FTE by role code, e.g. {\"team-manager\": 1, \"social-worker\": 7}. Roles"
              + " not named keep theirs; null removes a role.")
  Map<String, BigDecimal> setEstablishment(
      @PathVariable long id, @RequestBody Map<String, Object> budget) {
    Map<String, String> values = new LinkedHashMap<>();
    budget.forEach((role, fte) -> values.put(role, fte == null ? "" : fte.toString()));
    return codes(organisation.setEstablishment(id, values));
  }

  @GetMapping("/teams/{id}/staffing")
  @Operation(summary = "A team's FTE in post against establishment, and vacancies, on a date")
  StaffingResponse staffing(
      @PathVariable long id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
    TeamOverview overview = organisation.teamOverview(id, on == null ? organisation.today() : on);
    return StaffingResponse.of(id, overview.staffing());
  }

  private static Map<String, BigDecimal> codes(Map<Role, BigDecimal> budget) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    budget.forEach((role, fte) -> out.put(role.code(), fte));
    return out;
  }
}
