package org.safeload.workforce;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.Role;
import org.safeload.organisation.WorkerDetails;

/**
 * Whether a worker may work with children on a date (docs/workforce.md, "Clearance"): {@code
 * cleared}, {@code blocked} with every rule that fails, where it comes from and what would clear
 * it, or {@code expiring} when a check falls due soon. Three sources of rules:
 *
 * <ul>
 *   <li><b>safer recruitment</b>, for every worker: an enhanced DBS check with the barred list,
 *       kept up to date; Social Work England registration for qualified roles; the right to work;
 *   <li><b>the DfE agency rules</b>, for agency and managed-service workers on assignments starting
 *       on or after 31 October 2024, and on every assignment from 1 October 2025: 3 years'
 *       post-qualifying experience, two references obtained by the council, and no engagement
 *       within 3 months of leaving a substantive role in the same council or region;
 *   <li><b>the contract's own minimums</b> per role (years' post-qualifying experience, years as a
 *       team manager), for workers proposed for or working in its teams.
 * </ul>
 */
public final class Clearance {

  /** The first assignment start the DfE agency rules apply to. */
  public static final LocalDate AGENCY_RULES_NEW = LocalDate.of(2024, 10, 31);

  /** From this date the DfE agency rules apply to every assignment. */
  public static final LocalDate AGENCY_RULES_ALL = LocalDate.of(2025, 10, 1);

  /** The DfE agency rules' minimum years of post-qualifying experience. */
  public static final int AGENCY_MIN_PQE = 3;

  /** The references on the Department's template the council must obtain itself. */
  public static final int REFERENCES = 2;

  private Clearance() {}

  /** A worker's standing on a date. */
  public enum Status {
    CLEARED("cleared"),
    BLOCKED("blocked"),
    EXPIRING("expiring");

    private final String code;

    Status(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** Where a rule comes from. */
  public enum Source {
    SAFER_RECRUITMENT("Safer recruitment"),
    DFE_AGENCY_RULES("DfE agency rules"),
    CONTRACT("The contract");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    /**
     * As the API writes it: {@code safer-recruitment}, {@code dfe-agency-rules}, {@code contract}.
     */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public String label() {
      return label;
    }
  }

  /** A rule the worker fails: which, from where, why, and what would clear it. */
  public record Failure(String rule, Source source, String reason, String toClear) {}

  /** A check that falls due soon, and when. */
  public record Due(String check, LocalDate due) {}

  /**
   * The answer: the status, every failure, the checks due soon, and the post-qualifying experience
   * counted (null if unknown).
   */
  public record Result(
      Status status, List<Failure> failures, List<Due> dueSoon, Integer pqeYears) {}

  /** A contract's minimums for a role; 0 for none. */
  public record Minimum(Role role, int pqeYears, int managerYears) {}

  /**
   * How often checks are renewed and how early they show as expiring: the DBS update-service status
   * check, a DBS certificate not on the update service, the register check.
   */
  public record Policy(
      Period dbsStatusCheckEvery,
      Period dbsRenewEvery,
      Period registrationCheckEvery,
      int expiringWithinDays) {

    /** Yearly status and register checks, a new certificate every 3 years, 30 days' warning. */
    public static Policy standard() {
      return new Policy(Period.ofYears(1), Period.ofYears(3), Period.ofYears(1), 30);
    }
  }

  /**
   * The assignment the worker is checked for: when it starts, and this council and its region (for
   * the 3-month rule).
   */
  public record Assignment(LocalDate start, String council, String region) {}

  /**
   * Checks a worker on a date.
   *
   * @param minimums the contract's minimums (empty when the worker is in no contract's team)
   */
  public static Result check(
      WorkerDetails worker,
      Vetting vetting,
      Assignment assignment,
      List<Minimum> minimums,
      LocalDate on,
      Policy policy) {
    List<Failure> failures = new ArrayList<>();
    List<Due> due = new ArrayList<>();
    LocalDate warnFrom = on.plusDays(policy.expiringWithinDays());
    boolean qualified = WorkforceCensus.COUNTED.contains(worker.role());

    dbs(vetting.dbs(), on, warnFrom, policy, failures, due);
    if (qualified) {
      registration(vetting.registration(), on, warnFrom, policy, failures, due);
    }
    rightToWork(vetting.rightToWork(), on, warnFrom, failures, due);

    Integer pqe = pqe(worker, vetting, on);
    boolean agency =
        worker.employmentType() == EmploymentType.AGENCY
            || worker.employmentType() == EmploymentType.MANAGED_SERVICE;
    if (qualified
        && agency
        && (!assignment.start().isBefore(AGENCY_RULES_NEW) || !on.isBefore(AGENCY_RULES_ALL))) {
      agencyRules(vetting, assignment, pqe, failures);
    }
    for (Minimum m : minimums) {
      if (m.role() == worker.role()) {
        contract(m, vetting, pqe, on, failures);
      }
    }
    Status status =
        !failures.isEmpty() ? Status.BLOCKED : due.isEmpty() ? Status.CLEARED : Status.EXPIRING;
    return new Result(status, List.copyOf(failures), List.copyOf(due), pqe);
  }

  /**
   * Whole years of post-qualifying experience on a date: from the qualification date, or from a
   * recorded override (its years on the day it was recorded, counting on from then); null if
   * neither is known.
   */
  public static Integer pqe(WorkerDetails worker, Vetting vetting, LocalDate on) {
    if (vetting.pqeOverride() != null) {
      Vetting.PqeOverride o = vetting.pqeOverride();
      return o.years() + (int) Math.max(0, ChronoUnit.YEARS.between(o.recordedOn(), on));
    }
    LocalDate qualified =
        vetting.qualificationDate() != null
            ? vetting.qualificationDate()
            : worker.qualificationDate();
    return qualified == null ? null : (int) Math.max(0, ChronoUnit.YEARS.between(qualified, on));
  }

  private static void dbs(
      Vetting.Dbs dbs,
      LocalDate on,
      LocalDate warnFrom,
      Policy policy,
      List<Failure> failures,
      List<Due> due) {
    if (dbs == null) {
      failures.add(
          new Failure(
              "dbs",
              Source.SAFER_RECRUITMENT,
              "No enhanced DBS check with the children's barred list is recorded",
              "Record the certificate's number, issue date and outcome"));
      return;
    }
    if (dbs.outcome() == Vetting.DbsOutcome.NOT_ACCEPTED) {
      failures.add(
          new Failure(
              "dbs",
              Source.SAFER_RECRUITMENT,
              "The DBS check disclosed information and the worker is not accepted",
              "Record the outcome of the council's risk assessment"));
    }
    LocalDate checked = dbs.lastStatusCheck() != null ? dbs.lastStatusCheck() : dbs.issued();
    LocalDate next =
        dbs.updateService()
            ? checked.plus(policy.dbsStatusCheckEvery())
            : dbs.issued().plus(policy.dbsRenewEvery());
    String what =
        dbs.updateService()
            ? "the DBS update-service status check"
            : "a new DBS certificate (not on the update service)";
    dueCheck("dbs", what, next, on, warnFrom, failures, due);
  }

  private static void registration(
      Vetting.Registration r,
      LocalDate on,
      LocalDate warnFrom,
      Policy policy,
      List<Failure> failures,
      List<Due> due) {
    if (r == null) {
      failures.add(
          new Failure(
              "registration",
              Source.SAFER_RECRUITMENT,
              "No Social Work England registration is recorded",
              "Check the register and record the registration"));
      return;
    }
    if (r.status() == Vetting.RegistrationStatus.SUSPENDED
        || r.status() == Vetting.RegistrationStatus.REMOVED) {
      failures.add(
          new Failure(
              "registration",
              Source.SAFER_RECRUITMENT,
              "Social Work England registration "
                  + r.number()
                  + " is "
                  + r.status().label().toLowerCase(Locale.UK)
                  + " (checked "
                  + words(r.checkedOn())
                  + ")",
              "The worker may not practise until the register shows them registered"));
    }
    dueCheck(
        "registration",
        "the Social Work England register check",
        r.checkedOn().plus(policy.registrationCheckEvery()),
        on,
        warnFrom,
        failures,
        due);
  }

  private static void rightToWork(
      Vetting.RightToWork r,
      LocalDate on,
      LocalDate warnFrom,
      List<Failure> failures,
      List<Due> due) {
    if (r == null) {
      failures.add(
          new Failure(
              "right-to-work",
              Source.SAFER_RECRUITMENT,
              "No right-to-work check is recorded",
              "Check the worker's right to work in the UK and record it"));
      return;
    }
    if (r.expires() != null) {
      dueCheck("right-to-work", "the right to work", r.expires(), on, warnFrom, failures, due);
    }
  }

  /** A check due on {@code next}: a failure once it has passed, due soon within the warning. */
  private static void dueCheck(
      String rule,
      String what,
      LocalDate next,
      LocalDate on,
      LocalDate warnFrom,
      List<Failure> failures,
      List<Due> due) {
    if (!next.isAfter(on)) {
      failures.add(
          new Failure(
              rule,
              Source.SAFER_RECRUITMENT,
              capitalised(what) + " was due on " + words(next),
              "Renew it and record the date"));
    } else if (!next.isAfter(warnFrom)) {
      due.add(new Due(what, next));
    }
  }

  private static void agencyRules(
      Vetting vetting, Assignment assignment, Integer pqe, List<Failure> failures) {
    if (pqe == null || pqe < AGENCY_MIN_PQE) {
      failures.add(
          new Failure(
              "agency-pqe",
              Source.DFE_AGENCY_RULES,
              "An agency social worker needs at least "
                  + AGENCY_MIN_PQE
                  + " years' post-qualifying experience; "
                  + (pqe == null ? "no qualification date is recorded" : "this worker has " + pqe),
              pqe == null
                  ? "Record the qualification date"
                  : "Propose a worker with at least " + AGENCY_MIN_PQE + " years"));
    }
    long byCouncil =
        vetting.references().stream().filter(Vetting.Reference::obtainedByCouncil).count();
    if (byCouncil < REFERENCES) {
      failures.add(
          new Failure(
              "agency-references",
              Source.DFE_AGENCY_RULES,
              byCouncil
                  + " of the "
                  + REFERENCES
                  + " practice-based references on the Department's template were obtained by the"
                  + " council",
              "Obtain "
                  + (REFERENCES - byCouncil)
                  + " more yourselves (not through the agency) and record them"));
    }
    Vetting.LeftRole left = vetting.leftSubstantiveRole();
    if (left != null) {
      LocalDate allowedFrom = left.leftOn().plusMonths(3);
      boolean sameCouncil =
          left.council() != null && left.council().equalsIgnoreCase(assignment.council());
      boolean sameRegion =
          left.region() != null && left.region().equalsIgnoreCase(assignment.region());
      if ((sameCouncil || sameRegion) && assignment.start().isBefore(allowedFrom)) {
        failures.add(
            new Failure(
                "agency-three-months",
                Source.DFE_AGENCY_RULES,
                "Left a substantive role at "
                    + left.council()
                    + " ("
                    + left.region()
                    + ") on "
                    + words(left.leftOn())
                    + ", less than 3 months before the assignment starts on "
                    + words(assignment.start()),
                "Start the assignment on or after "
                    + words(allowedFrom)
                    + ", unless an exception applies (a move to a permanent role, redundancy,"
                    + " leaving during probation)"));
      }
    }
  }

  private static void contract(
      Minimum m, Vetting vetting, Integer pqe, LocalDate on, List<Failure> failures) {
    String role = m.role().label().toLowerCase(Locale.UK);
    if (m.pqeYears() > 0 && (pqe == null || pqe < m.pqeYears())) {
      failures.add(
          new Failure(
              "contract-pqe",
              Source.CONTRACT,
              "The contract needs a "
                  + role
                  + " with at least "
                  + m.pqeYears()
                  + " years' post-qualifying experience; "
                  + (pqe == null ? "no qualification date is recorded" : "this worker has " + pqe),
              pqe == null
                  ? "Record the qualification date"
                  : "Propose a worker with at least " + m.pqeYears() + " years"));
    }
    if (m.managerYears() > 0) {
      int years =
          vetting.managerSince() == null
              ? 0
              : (int) Math.max(0, ChronoUnit.YEARS.between(vetting.managerSince(), on));
      if (years < m.managerYears()) {
        failures.add(
            new Failure(
                "contract-manager-years",
                Source.CONTRACT,
                "The contract needs at least "
                    + m.managerYears()
                    + " years as a team manager; this worker has "
                    + years,
                vetting.managerSince() == null
                    ? "Record when they became a team manager"
                    : "Propose a manager with at least " + m.managerYears() + " years"));
      }
    }
  }

  private static final java.time.format.DateTimeFormatter WORDS =
      java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  /** A date as people write it: "10 January 2026". */
  private static String words(LocalDate date) {
    return WORDS.format(date);
  }

  private static String capitalised(String text) {
    return text.substring(0, 1).toUpperCase(Locale.UK) + text.substring(1);
  }
}
