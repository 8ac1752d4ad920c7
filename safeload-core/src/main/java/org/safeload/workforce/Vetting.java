package org.safeload.workforce;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.safeload.document.Coded;
import org.safeload.document.Codes;

/**
 * What the council has checked about a worker before they may work with children
 * (docs/workforce.md, "Vetting"), each check with its evidence date and who checked it. Never a
 * copy of a certificate: only its number, dates and outcome.
 *
 * @param dbs the enhanced DBS check with the children's barred list, or null if none is recorded
 * @param registration the Social Work England register entry, or null if none is recorded
 * @param qualificationDate when the worker qualified (post-qualifying experience counts from it)
 * @param pqeOverride a recorded number of years' post-qualifying experience to use instead, with
 *     its reason (experience abroad, say), or null
 * @param managerSince the first day as a team manager (years as a manager count from it), or null
 * @param references the practice-based references on the Department's template the council obtained
 * @param rightToWork the right-to-work check, or null if none is recorded
 * @param leftSubstantiveRole for an agency worker: the last substantive role in children's services
 *     they left, or null if none
 */
public record Vetting(
    Dbs dbs,
    Registration registration,
    LocalDate qualificationDate,
    PqeOverride pqeOverride,
    LocalDate managerSince,
    List<Reference> references,
    RightToWork rightToWork,
    LeftRole leftSubstantiveRole) {

  public Vetting {
    references = references == null ? List.of() : List.copyOf(references);
  }

  /** Nothing checked yet. */
  public static Vetting none() {
    return new Vetting(null, null, null, null, null, List.of(), null, null);
  }

  /** The outcome of an enhanced DBS check. */
  public enum DbsOutcome implements Coded {
    CLEAR("clear", "Clear"),
    /** Information was disclosed and the council assessed it and accepted the worker. */
    ACCEPTED_AFTER_ASSESSMENT("accepted-after-assessment", "Accepted after risk assessment"),
    /** Information was disclosed and the worker is not accepted (or not yet assessed). */
    NOT_ACCEPTED("not-accepted", "Not accepted");

    private final String code;
    private final String label;

    DbsOutcome(String code, String label) {
      this.code = code;
      this.label = label;
    }

    @Override
    public String code() {
      return code;
    }

    @Override
    public String label() {
      return label;
    }

    public static Optional<DbsOutcome> fromCode(String code) {
      return Codes.fromCode(DbsOutcome.class, code);
    }
  }

  /**
   * An enhanced DBS check with the children's barred list.
   *
   * @param updateService whether the certificate is subscribed to the DBS update service
   * @param lastStatusCheck the last status check on the update service (or the issue date), or null
   */
  public record Dbs(
      String certificateNumber,
      LocalDate issued,
      DbsOutcome outcome,
      boolean updateService,
      LocalDate lastStatusCheck,
      String checkedBy) {}

  /** A Social Work England register status. */
  public enum RegistrationStatus implements Coded {
    REGISTERED("registered", "Registered"),
    CONDITIONS("conditions", "Registered with conditions"),
    SUSPENDED("suspended", "Suspended"),
    REMOVED("removed", "Removed");

    private final String code;
    private final String label;

    RegistrationStatus(String code, String label) {
      this.code = code;
      this.label = label;
    }

    @Override
    public String code() {
      return code;
    }

    @Override
    public String label() {
      return label;
    }

    public static Optional<RegistrationStatus> fromCode(String code) {
      return Codes.fromCode(RegistrationStatus.class, code);
    }
  }

  /** The register entry as last checked (the register has no open API: an extract or a look). */
  public record Registration(
      String number, RegistrationStatus status, String conditions, LocalDate checkedOn) {}

  /** Years of post-qualifying experience recorded instead of counting them, and why. */
  public record PqeOverride(int years, LocalDate recordedOn, String reason) {}

  /** A practice-based reference on the Department's template, obtained by the council. */
  public record Reference(String refereeRole, LocalDate received, boolean obtainedByCouncil) {}

  /** A right-to-work check; {@code expires} is null for a right without limit. */
  public record RightToWork(LocalDate checkedOn, LocalDate expires, String checkedBy) {}

  /**
   * A substantive role in children's services that the worker left: when, which council, region.
   */
  public record LeftRole(LocalDate leftOn, String council, String region) {}
}
