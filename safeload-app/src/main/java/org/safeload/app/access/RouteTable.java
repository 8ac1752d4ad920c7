package org.safeload.app.access;

import static org.safeload.app.access.Capability.ADMINISTER;
import static org.safeload.app.access.Capability.ALLOCATE;
import static org.safeload.app.access.Capability.APPLY_HANDOVER;
import static org.safeload.app.access.Capability.EDIT_ESTABLISHMENT;
import static org.safeload.app.access.Capability.EDIT_MONEY;
import static org.safeload.app.access.Capability.EDIT_POLICY;
import static org.safeload.app.access.Capability.EDIT_STRUCTURE;
import static org.safeload.app.access.Capability.EDIT_TIMELINESS;
import static org.safeload.app.access.Capability.EDIT_WORKERS;
import static org.safeload.app.access.Capability.IMPORT_WORKERS;
import static org.safeload.app.access.Capability.PLAN_CAPACITY;
import static org.safeload.app.access.Capability.PLAN_HANDOVER;
import static org.safeload.app.access.Capability.PROPOSE_WORKERS;
import static org.safeload.app.access.Capability.READ_CASELOADS;
import static org.safeload.app.access.Capability.READ_CASES;
import static org.safeload.app.access.Capability.READ_DECISIONS;
import static org.safeload.app.access.Capability.READ_MOBILISATION;
import static org.safeload.app.access.Capability.READ_MONEY;
import static org.safeload.app.access.Capability.READ_ORGANISATION;
import static org.safeload.app.access.Capability.READ_TIMELINESS;
import static org.safeload.app.access.Capability.RECORD_VETTING;
import static org.safeload.app.access.RouteTable.Scope.CHILDREN;
import static org.safeload.app.access.RouteTable.Scope.PROVIDER_TEAMS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every address the app answers (each handler mapping: HTTP method and path pattern as Spring
 * registers it, pages and {@code /api/v1} alike) and who may call it: anyone, any signed-in
 * account, or the roles with a {@link Capability}. {@code RouteGuard} refuses a call the table does
 * not allow before the controller reads the request (and refuses any route the table does not
 * list); the services check their capability again ({@link Requires}), for the command line and in
 * depth.
 *
 * <p>A refused call is answered 403 (problem details from the API, the "You cannot do this" page
 * otherwise); a call with no one signed in, 401 from the API and a redirect to the sign-in page
 * otherwise. {@link Scope} says what a role that may call a route sees of the data behind it:
 * somebody else's record is "not found" (404), so that the answer does not reveal that it exists.
 *
 * <p>{@code RouteTableTest} calls every route as every role and as no one and compares the answers
 * with this table; a route added without an entry here fails it.
 */
public final class RouteTable {

  /** Who may call a route. */
  public enum Who {
    /** Anyone, signed in or not: the sign-in page and the error page. */
    ANYONE,
    /** Any signed-in account, whatever its role. */
    SIGNED_IN,
    /** The roles with the route's {@link Route#capability()}. */
    CAPABILITY
  }

  /** Whose records a role that may call the route sees; others' are "not found" (404). */
  public enum Scope {
    /** No record of anyone's in particular, or every record for every role that may call it. */
    ALL,
    /**
     * A provider's accounts see only the records of the provider's own managed teams (the teams,
     * their services and workers, its contracts): anything else is 404 to them.
     */
    PROVIDER_TEAMS,
    /**
     * A child's case: a provider's accounts see the cases now in its teams, a team manager the
     * cases in their linked worker's team, a social worker those and the cases they hold ({@link
     * ChildrenScopes}): any other child is 404 to them.
     */
    CHILDREN
  }

  /**
   * A route: the HTTP method ({@code *} for any) and the path pattern of a handler mapping, who may
   * call it, and whose records they see.
   */
  public record Route(String method, String pattern, Who who, Capability capability, Scope scope) {

    /** Whether the current request's person may call it. */
    public boolean allowsCurrentUser() {
      return switch (who) {
        case ANYONE -> true;
        case SIGNED_IN -> CurrentUser.role().isPresent();
        case CAPABILITY -> capability.granted();
      };
    }

    /** Whether a signed-in account with the role may call it. */
    public boolean allows(AccessRole role) {
      return who != Who.CAPABILITY || capability.allows(role);
    }

    /** An address under /api/: answered with problem details, and 401 to no one signed in. */
    public boolean api() {
      return pattern.startsWith("/api/");
    }

    /** As the table writes it, e.g. {@code GET /api/v1/teams/{id}}. */
    public String key() {
      return method + " " + pattern;
    }
  }

  private static final List<Route> ROUTES =
      List.of(
          // --- Signing in, the start page, one's own account, the API's description -----------
          anyone("GET", "/sign-in"),
          anyone("*", "/error"),
          signedIn("GET", "/"),
          signedIn("GET", "/settings"),
          signedIn("GET", "/account/password"),
          signedIn("POST", "/account/password"),
          signedIn("GET", "/swagger-ui"),
          signedIn("GET", "/v3/api-docs"),
          signedIn("GET", "/v3/api-docs.yaml"),
          signedIn("GET", "/v3/api-docs/swagger-config"),

          // --- Organisation: services, providers, teams, establishment, workers -----------------
          route("GET", "/api/v1/services", READ_ORGANISATION),
          route("GET", "/api/v1/services/{id}", READ_ORGANISATION, PROVIDER_TEAMS),
          route("POST", "/api/v1/services", EDIT_STRUCTURE),
          route("PUT", "/api/v1/services/{id}", EDIT_STRUCTURE),
          route("GET", "/api/v1/providers", READ_ORGANISATION),
          route("POST", "/api/v1/providers", EDIT_STRUCTURE),
          route("GET", "/api/v1/teams", READ_ORGANISATION),
          route("GET", "/api/v1/teams/{id}", READ_ORGANISATION, PROVIDER_TEAMS),
          route("POST", "/api/v1/teams", EDIT_STRUCTURE),
          route("PUT", "/api/v1/teams/{id}", EDIT_STRUCTURE),
          route("GET", "/api/v1/teams/{id}/establishment", READ_ORGANISATION, PROVIDER_TEAMS),
          route("PUT", "/api/v1/teams/{id}/establishment", EDIT_ESTABLISHMENT),
          route("GET", "/api/v1/teams/{id}/staffing", READ_ORGANISATION, PROVIDER_TEAMS),
          route("GET", "/api/v1/workers", READ_ORGANISATION),
          route("GET", "/api/v1/workers/{id}", READ_ORGANISATION, PROVIDER_TEAMS),
          route("GET", "/api/v1/workers/{id}/team", READ_ORGANISATION, PROVIDER_TEAMS),
          route("POST", "/api/v1/workers", EDIT_WORKERS),
          route("PUT", "/api/v1/workers/{id}", EDIT_WORKERS),
          route("POST", "/api/v1/workers/{id}/moves", EDIT_WORKERS),
          route("POST", "/api/v1/workers/import", IMPORT_WORKERS),
          route("GET", "/api/v1/workers/{id}/vetting", RECORD_VETTING, PROVIDER_TEAMS),
          route("PUT", "/api/v1/workers/{id}/vetting", RECORD_VETTING, PROVIDER_TEAMS),
          route("POST", "/api/v1/workers/register-extract", IMPORT_WORKERS),
          route("GET", "/api/v1/workforce/census.xml", READ_ORGANISATION),
          route("POST", "/api/v1/workforce/census", READ_ORGANISATION),
          route("GET", "/api/v1/workforce/agency-return.csv", EDIT_WORKERS),
          route("GET", "/api/v1/workers/{id}/sickness", EDIT_WORKERS),
          route("POST", "/api/v1/workers/{id}/sickness", EDIT_WORKERS),
          route("GET", "/api/v1/workforce/candidates", EDIT_WORKERS),
          route("POST", "/api/v1/workforce/candidates", EDIT_WORKERS),
          route("GET", "/api/v1/workforce/placements", EDIT_WORKERS),
          route("POST", "/api/v1/workforce/placements", EDIT_WORKERS),
          route("GET", "/services", READ_ORGANISATION),
          route("GET", "/services/{id}", READ_ORGANISATION, PROVIDER_TEAMS),
          route("GET", "/services/new", EDIT_STRUCTURE),
          route("POST", "/services/new", EDIT_STRUCTURE),
          route("GET", "/services/{id}/edit", EDIT_STRUCTURE),
          route("POST", "/services/{id}/edit", EDIT_STRUCTURE),
          route("GET", "/providers", READ_ORGANISATION),
          route("POST", "/providers", EDIT_STRUCTURE),
          route("GET", "/teams", READ_ORGANISATION),
          route("GET", "/teams/{id}", READ_ORGANISATION, PROVIDER_TEAMS),
          route("GET", "/teams/new", EDIT_STRUCTURE),
          route("POST", "/teams/new", EDIT_STRUCTURE),
          route("GET", "/teams/{id}/edit", EDIT_STRUCTURE),
          route("POST", "/teams/{id}/edit", EDIT_STRUCTURE),
          route("GET", "/teams/{id}/establishment", EDIT_ESTABLISHMENT),
          route("GET", "/workforce", READ_ORGANISATION),
          route("GET", "/services/{id}/workforce", READ_ORGANISATION, PROVIDER_TEAMS),
          route("GET", "/teams/{id}/workforce", READ_ORGANISATION, PROVIDER_TEAMS),
          route("GET", "/api/v1/workforce", READ_ORGANISATION),
          route("POST", "/teams/{id}/establishment", EDIT_ESTABLISHMENT),
          route("GET", "/workers", READ_ORGANISATION),
          route("GET", "/workers/{id}", READ_ORGANISATION, PROVIDER_TEAMS),
          route("GET", "/workers/new", EDIT_WORKERS),
          route("POST", "/workers/new", EDIT_WORKERS),
          route("GET", "/workers/{id}/edit", EDIT_WORKERS),
          route("GET", "/workers/{id}/vetting", RECORD_VETTING, PROVIDER_TEAMS),
          route("GET", "/workers/register-extract", IMPORT_WORKERS),
          route("POST", "/workers/register-extract", IMPORT_WORKERS),
          route("POST", "/workers/{id}/vetting", RECORD_VETTING, PROVIDER_TEAMS),
          route("POST", "/workers/{id}/edit", EDIT_WORKERS),
          route("GET", "/workers/{id}/move", EDIT_WORKERS),
          route("POST", "/workers/{id}/move", EDIT_WORKERS),
          route("GET", "/workers/{id}/sickness", EDIT_WORKERS),
          route("POST", "/workers/{id}/sickness", EDIT_WORKERS),
          route("GET", "/workforce/recruitment", EDIT_WORKERS),
          route("GET", "/workforce/recruitment/new", EDIT_WORKERS),
          route("POST", "/workforce/recruitment/new", EDIT_WORKERS),
          route("GET", "/workforce/recruitment/{id}/edit", EDIT_WORKERS),
          route("POST", "/workforce/recruitment/{id}/edit", EDIT_WORKERS),
          route("GET", "/workforce/placements", EDIT_WORKERS),
          route("GET", "/workforce/placements/new", EDIT_WORKERS),
          route("POST", "/workforce/placements/new", EDIT_WORKERS),
          route("GET", "/workforce/placements/{id}/edit", EDIT_WORKERS),
          route("POST", "/workforce/placements/{id}/edit", EDIT_WORKERS),
          route("GET", "/workers/import", IMPORT_WORKERS),
          route("POST", "/workers/import", IMPORT_WORKERS),

          // --- Money: contracts, costs, invoices, scenarios -------------------------------------
          route("GET", "/api/v1/contracts", READ_MONEY),
          route("GET", "/api/v1/contracts/{id}", READ_MONEY, PROVIDER_TEAMS),
          route("GET", "/api/v1/contracts/{id}/costs", READ_MONEY, PROVIDER_TEAMS),
          route("GET", "/contracts/{id}/readiness", READ_MOBILISATION, PROVIDER_TEAMS),
          route("GET", "/api/v1/contracts/{id}/readiness", READ_MOBILISATION, PROVIDER_TEAMS),
          route("POST", "/api/v1/contracts/{id}/proposed-workers", PROPOSE_WORKERS, PROVIDER_TEAMS),
          route("GET", "/contracts/{id}/readiness/propose", PROPOSE_WORKERS, PROVIDER_TEAMS),
          route("POST", "/contracts/{id}/readiness/propose", PROPOSE_WORKERS, PROVIDER_TEAMS),
          route("GET", "/api/v1/contracts/{id}/history", READ_MONEY, PROVIDER_TEAMS),
          route("GET", "/api/v1/contracts/{id}/ocds", READ_MONEY, PROVIDER_TEAMS),
          route("POST", "/api/v1/contracts", EDIT_MONEY),
          route("PUT", "/api/v1/contracts/{id}", EDIT_MONEY),
          route("POST", "/api/v1/contracts/{id}/changes", EDIT_MONEY),
          route("GET", "/api/v1/contracts/{id}/decisions", READ_DECISIONS),
          route("GET", "/api/v1/contracts/{id}/decisions/{number}", READ_DECISIONS),
          route("POST", "/api/v1/contracts/{id}/decisions", EDIT_MONEY),
          route("GET", "/api/v1/contracts/{id}/reports/{type}.{format}", READ_DECISIONS),
          route("GET", "/contracts/{id}/decisions", READ_DECISIONS),
          route("GET", "/contracts/{id}/decisions/new", EDIT_MONEY),
          route("POST", "/contracts/{id}/decisions/new", EDIT_MONEY),
          route("GET", "/contracts/{id}/decisions/{number}", READ_DECISIONS),
          route("GET", "/contracts/{id}/reports/{type}", READ_DECISIONS),
          route("GET", "/contracts/{id}/reports/{type}/download.{format}", READ_DECISIONS),
          route("PUT", "/api/v1/contracts/{id}/invoices/{month}", EDIT_MONEY),

          // --- Planning: capacity projections and exit plans ------------------------------------
          route("GET", "/api/v1/services/{id}/capacity", PLAN_CAPACITY),
          route("GET", "/services/{id}/capacity", PLAN_CAPACITY),
          route("GET", "/api/v1/contracts/{id}/exit-plan", PLAN_CAPACITY),
          route("GET", "/contracts/{id}/exit", PLAN_CAPACITY),
          route("POST", "/api/v1/scenarios/evaluate", READ_MONEY),
          route("POST", "/api/v1/appraisal", READ_DECISIONS),
          route("GET", "/appraisal", READ_DECISIONS),
          route("GET", "/contracts", READ_MONEY),
          route("GET", "/contracts/{id}", READ_MONEY, PROVIDER_TEAMS),
          route("GET", "/contracts/{id}/ocds.json", READ_MONEY, PROVIDER_TEAMS),
          route("GET", "/contracts/{id}/document.yaml", READ_MONEY, PROVIDER_TEAMS),
          route("GET", "/contracts/{id}/versions/{number}.yaml", READ_MONEY, PROVIDER_TEAMS),
          route("GET", "/contracts/new", EDIT_MONEY),
          route("POST", "/contracts/new", EDIT_MONEY),
          route("GET", "/contracts/{id}/edit", EDIT_MONEY),
          route("POST", "/contracts/{id}/edit", EDIT_MONEY),
          route("POST", "/contracts/{id}/invoices", EDIT_MONEY),
          route("POST", "/contracts/{id}/changes", EDIT_MONEY),
          route("GET", "/contracts/import", EDIT_MONEY),
          route("POST", "/contracts/import", EDIT_MONEY),

          // --- Timeliness: figures, items, case timelines, imports, rule sets ------------------
          route("GET", "/api/v1/timeliness/kpis", READ_TIMELINESS),
          route("GET", "/api/v1/timeliness/items", READ_CASES),
          route("GET", "/api/v1/cases/{caseRef}/events", READ_CASES, CHILDREN),
          route("POST", "/api/v1/case-events/import", EDIT_TIMELINESS),
          route("POST", "/api/v1/case-events/corrections", EDIT_TIMELINESS),
          route("POST", "/api/v1/children/import", EDIT_TIMELINESS),
          route("POST", "/api/v1/annex-a/report", EDIT_TIMELINESS),
          route("POST", "/api/v1/annex-a/import", EDIT_TIMELINESS),
          route("GET", "/api/v1/kpi-rule-sets", READ_TIMELINESS),
          route("GET", "/api/v1/kpi-rule-sets/{id}", READ_TIMELINESS),
          route("PUT", "/api/v1/kpi-rule-sets", EDIT_TIMELINESS),
          route("GET", "/timeliness", READ_TIMELINESS),
          route("GET", "/cases/{caseRef}", READ_CASES, CHILDREN),
          route("GET", "/timeliness/import", EDIT_TIMELINESS),
          route("POST", "/timeliness/import", EDIT_TIMELINESS),
          route("GET", "/timeliness/corrections", EDIT_TIMELINESS),
          route("POST", "/timeliness/corrections", EDIT_TIMELINESS),
          route("GET", "/timeliness/annex-a", EDIT_TIMELINESS),
          route("POST", "/timeliness/annex-a", EDIT_TIMELINESS),
          route("POST", "/timeliness/annex-a/sample", EDIT_TIMELINESS),
          route("GET", "/timeliness/annex-a/report", EDIT_TIMELINESS),
          route("POST", "/timeliness/annex-a/skip-invalid", EDIT_TIMELINESS),
          route("GET", "/timeliness/annex-a/names", EDIT_TIMELINESS),
          route("POST", "/timeliness/annex-a/import", EDIT_TIMELINESS),
          route("GET", "/timeliness/annex-a/imported", EDIT_TIMELINESS),
          route("GET", "/cases/{caseRef}/events/{eventId}/correct", EDIT_TIMELINESS),
          route("POST", "/cases/{caseRef}/events/{eventId}/correct", EDIT_TIMELINESS),
          route("GET", "/timeliness/rules", READ_TIMELINESS),
          route("GET", "/timeliness/rules/{id}", READ_TIMELINESS),
          route("GET", "/timeliness/rules/{id}.yaml", READ_TIMELINESS),
          route("GET", "/timeliness/rules/edit", EDIT_TIMELINESS),
          route("POST", "/timeliness/rules/edit", EDIT_TIMELINESS),
          route("GET", "/timeliness/rules/new", EDIT_TIMELINESS),
          route("POST", "/timeliness/rules/new", EDIT_TIMELINESS),
          route("GET", "/timeliness/rules/{id}/name", EDIT_TIMELINESS),
          route("POST", "/timeliness/rules/{id}/name", EDIT_TIMELINESS),
          route("GET", "/timeliness/rules/{id}/kpis/new", EDIT_TIMELINESS),
          route("POST", "/timeliness/rules/{id}/kpis/new", EDIT_TIMELINESS),
          route("GET", "/timeliness/rules/{id}/kpis/{rule}/edit", EDIT_TIMELINESS),
          route("POST", "/timeliness/rules/{id}/kpis/{rule}/edit", EDIT_TIMELINESS),
          route("GET", "/timeliness/rules/{id}/kpis/{rule}/remove", EDIT_TIMELINESS),
          route("POST", "/timeliness/rules/{id}/kpis/{rule}/remove", EDIT_TIMELINESS),

          // --- Caseloads: boards, the queue, allocation, the policy, handovers ------------------
          route("GET", "/api/v1/caseloads", READ_CASELOADS),
          route("GET", "/api/v1/caseloads/teams/{id}", READ_CASELOADS, PROVIDER_TEAMS),
          route("GET", "/api/v1/caseloads/teams/{id}/throughput", READ_CASELOADS, PROVIDER_TEAMS),
          route("GET", "/api/v1/caseloads/unallocated", READ_CASES),
          route("GET", "/api/v1/caseloads/cases/{caseRef}/recommendations", READ_CASES, CHILDREN),
          route("POST", "/api/v1/caseloads/allocations", ALLOCATE),
          route("GET", "/api/v1/caseload-policy", READ_CASELOADS),
          route("PUT", "/api/v1/caseload-policy", EDIT_POLICY),
          route("DELETE", "/api/v1/caseload-policy", EDIT_POLICY),
          route("POST", "/api/v1/caseloads/handover/plan", PLAN_HANDOVER),
          route("POST", "/api/v1/caseloads/handover/apply", APPLY_HANDOVER),
          route("GET", "/caseloads", READ_CASELOADS),
          route("GET", "/caseloads/teams/{id}", READ_CASELOADS, PROVIDER_TEAMS),
          route("GET", "/caseloads/teams/{id}/throughput", READ_CASELOADS, PROVIDER_TEAMS),
          route("GET", "/caseloads/unallocated", READ_CASES),
          route("GET", "/caseloads/cases/{caseRef}", READ_CASES, CHILDREN),
          route("POST", "/caseloads/cases/{caseRef}", ALLOCATE),
          route("GET", "/caseloads/policy", READ_CASELOADS),
          route("GET", "/caseloads/policy.yaml", READ_CASELOADS),
          route("GET", "/caseloads/policy/change", EDIT_POLICY),
          route("POST", "/caseloads/policy/change", EDIT_POLICY),
          route("GET", "/caseloads/policy/edit", EDIT_POLICY),
          route("POST", "/caseloads/policy/edit", EDIT_POLICY),
          route("GET", "/caseloads/policy/built-in", EDIT_POLICY),
          route("POST", "/caseloads/policy/built-in", EDIT_POLICY),
          route("GET", "/caseloads/handover", PLAN_HANDOVER),
          route("POST", "/caseloads/handover", PLAN_HANDOVER),
          route("POST", "/caseloads/handover/apply", APPLY_HANDOVER),

          // --- Administration: accounts, their API tokens, the audit trail ---------------------
          route("GET", "/admin/users", ADMINISTER),
          route("GET", "/admin/users/new", ADMINISTER),
          route("POST", "/admin/users/new", ADMINISTER),
          route("GET", "/admin/users/{id}", ADMINISTER),
          route("POST", "/admin/users/{id}/disable", ADMINISTER),
          route("POST", "/admin/users/{id}/enable", ADMINISTER),
          route("POST", "/admin/users/{id}/role", ADMINISTER),
          route("POST", "/admin/users/{id}/worker", ADMINISTER),
          route("POST", "/admin/users/{id}/password", ADMINISTER),
          route("POST", "/admin/users/{id}/sign-out", ADMINISTER),
          route("GET", "/admin/users/{id}/tokens", ADMINISTER),
          route("POST", "/admin/users/{id}/tokens", ADMINISTER),
          route("POST", "/admin/users/{id}/tokens/{tokenId}/revoke", ADMINISTER),
          route("GET", "/admin/audit", ADMINISTER),
          route("GET", "/admin/audit.csv", ADMINISTER),
          route("GET", "/admin/audit/check", ADMINISTER));

  private static final Map<String, Route> BY_KEY = index(ROUTES);

  private RouteTable() {}

  /** Every route, in the table's order. */
  public static List<Route> routes() {
    return ROUTES;
  }

  /**
   * The route a request was mapped to, by its method and the pattern that matched it: a HEAD is the
   * GET's, and a route for any method ({@code *}) matches every method.
   */
  public static Optional<Route> find(String method, String pattern) {
    String asked = "HEAD".equals(method) ? "GET" : method;
    Route route = BY_KEY.get(asked + " " + pattern);
    return Optional.ofNullable(route != null ? route : BY_KEY.get("* " + pattern));
  }

  private static Map<String, Route> index(List<Route> routes) {
    Map<String, Route> byKey = new LinkedHashMap<>();
    for (Route route : routes) {
      if (byKey.put(route.key(), route) != null) {
        throw new IllegalStateException("The route table lists " + route.key() + " twice");
      }
    }
    return byKey;
  }

  private static Route anyone(String method, String pattern) {
    return new Route(method, pattern, Who.ANYONE, null, Scope.ALL);
  }

  private static Route signedIn(String method, String pattern) {
    return new Route(method, pattern, Who.SIGNED_IN, null, Scope.ALL);
  }

  private static Route route(String method, String pattern, Capability capability) {
    return route(method, pattern, capability, Scope.ALL);
  }

  private static Route route(String method, String pattern, Capability capability, Scope scope) {
    return new Route(method, pattern, Who.CAPABILITY, capability, scope);
  }
}
