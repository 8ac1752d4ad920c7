package org.safeload.workforce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.safeload.document.FieldProblem;
import org.safeload.organisation.Role;
import org.safeload.organisation.WorkerDetails;

/**
 * A candidate in the recruitment pipeline (docs/workforce.md, "Recruitment pipeline"): someone who
 * has applied for, been offered or accepted a post, with the date they are expected to start.
 *
 * @param teamId the team they are to join (the app's id), or null if not decided
 * @param fte the FTE they are to work, 0 &lt; FTE &le; 1
 * @param expectedStart the day they are expected to start; needed once they are offered a post
 * @param registrationApplied for an international recruit: when they applied to Social Work England
 * @param registrationExpected for an international recruit: when registration is expected
 */
public record Candidate(
    String name,
    Role role,
    RecruitmentRoute route,
    CandidateStage stage,
    Long teamId,
    BigDecimal fte,
    LocalDate expectedStart,
    LocalDate registrationApplied,
    LocalDate registrationExpected) {

  public Candidate {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(fte, "fte");
  }

  /** The fields, in the order the form shows them (the API's JSON keys). */
  public static final List<String> FIELDS =
      List.of(
          "name",
          "role",
          "route",
          "stage",
          "teamId",
          "fte",
          "expectedStart",
          "registrationApplied",
          "registrationExpected");

  /** The candidate, or the problems (never both). */
  public record Read(Candidate candidate, List<FieldProblem> problems) {}

  /**
   * Reads a candidate from its fields (dates ISO). The name, role, route, stage and FTE are needed;
   * the expected start once offered; only an international recruit has registration dates, and one
   * awaiting registration needs the date they applied; registration is expected on or after it.
   */
  public static Read read(Map<String, String> fields) {
    FieldReader r = new FieldReader(fields);
    String name = r.requiredText("name", "Enter the candidate's name");
    Role role = r.code("role", Role::fromCode, "Select the role");
    RecruitmentRoute route = r.code("route", RecruitmentRoute::fromCode, "Select the route");
    CandidateStage stage = r.code("stage", CandidateStage::fromCode, "Select the stage");
    Long teamId = null;
    if (r.has("teamId")) {
      try {
        teamId = Long.valueOf(r.raw("teamId"));
      } catch (NumberFormatException e) {
        r.problem("teamId", "Select a team from the list");
      }
    }
    BigDecimal fte = r.number("fte", "FTE must be a number, like 1 or 0.6");
    if (!r.has("fte")) {
      r.problem("fte", "Enter the FTE, like 1 or 0.6");
    } else if (fte != null) {
      WorkerDetails.fteProblem(fte).ifPresent(m -> r.problem("fte", m));
    }
    LocalDate expectedStart = r.date("expectedStart", "Expected start date");
    if (stage != null
        && stage != CandidateStage.APPLIED
        && stage != CandidateStage.WITHDRAWN
        && !r.has("expectedStart")) {
      r.problem("expectedStart", "Enter the expected start date: the candidate has an offer");
    }
    LocalDate applied = r.date("registrationApplied", "Date applied for registration");
    LocalDate expected = r.date("registrationExpected", "Date registration is expected");
    if (route != null && route != RecruitmentRoute.INTERNATIONAL) {
      if (r.has("registrationApplied")) {
        r.problem(
            "registrationApplied",
            "Only an international recruit has registration dates: leave this empty");
      }
      if (r.has("registrationExpected")) {
        r.problem(
            "registrationExpected",
            "Only an international recruit has registration dates: leave this empty");
      }
    }
    if (stage == CandidateStage.AWAITING_REGISTRATION) {
      if (route != null && route != RecruitmentRoute.INTERNATIONAL) {
        r.problem("stage", "Only an international recruit awaits registration");
      } else if (!r.has("registrationApplied")) {
        r.problem("registrationApplied", "Enter the date they applied to Social Work England");
      }
    }
    if (applied != null && expected != null && expected.isBefore(applied)) {
      r.problem(
          "registrationExpected",
          "Registration must be expected on or after the date they applied");
    }
    if (!r.problems.isEmpty()) {
      return new Read(null, List.copyOf(r.problems));
    }
    return new Read(
        new Candidate(name, role, route, stage, teamId, fte, expectedStart, applied, expected),
        List.of());
  }

  /** The candidate as fields (ISO dates, empty for none), as {@link #read} takes them. */
  public Map<String, String> fields() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("name", name);
    f.put("role", role.code());
    f.put("route", route.code());
    f.put("stage", stage.code());
    f.put("teamId", teamId == null ? "" : String.valueOf(teamId));
    f.put("fte", fte.stripTrailingZeros().toPlainString());
    f.put("expectedStart", iso(expectedStart));
    f.put("registrationApplied", iso(registrationApplied));
    f.put("registrationExpected", iso(registrationExpected));
    return f;
  }

  private static String iso(LocalDate date) {
    return date == null ? "" : date.toString();
  }

  public boolean international() {
    return route == RecruitmentRoute.INTERNATIONAL;
  }

  /**
   * The first day they can start: the expected start, or for an international recruit awaiting
   * registration the expected registration date when that is later (a social worker cannot start
   * before they are registered). Null when neither is known.
   */
  public LocalDate likelyStart() {
    if (stage == CandidateStage.AWAITING_REGISTRATION
        && registrationExpected != null
        && (expectedStart == null || registrationExpected.isAfter(expectedStart))) {
      return registrationExpected;
    }
    return expectedStart;
  }

  public Candidate withStage(CandidateStage newStage) {
    return new Candidate(
        name,
        role,
        route,
        newStage,
        teamId,
        fte,
        expectedStart,
        registrationApplied,
        registrationExpected);
  }
}
