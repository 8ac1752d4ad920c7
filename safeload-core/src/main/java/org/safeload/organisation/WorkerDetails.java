package org.safeload.organisation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the council records about a worker, apart from the team (which has a history of its own).
 *
 * @param fte full-time equivalent, 0 &lt; FTE &le; 1, at most two decimal places
 * @param endDate the last working day, or {@code null} while the worker stays
 * @param qualificationDate the date the worker qualified as a social worker (PQE counts from it)
 * @param asyeStartDate the start of the Assessed and Supported Year in Employment, if newly
 *     qualified
 * @param sweRegistration the Social Work England registration number, e.g. {@code SW123456}
 */
public record WorkerDetails(
    String name,
    Role role,
    EmploymentType employmentType,
    BigDecimal fte,
    LocalDate startDate,
    LocalDate endDate,
    LocalDate qualificationDate,
    LocalDate asyeStartDate,
    String sweRegistration) {

  public static final int MAX_NAME_LENGTH = 200;
  private static final Pattern SWE_NUMBER = Pattern.compile("SW\\d{1,8}");

  public WorkerDetails {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(employmentType, "employmentType");
    Objects.requireNonNull(fte, "fte");
    Objects.requireNonNull(startDate, "startDate");
  }

  /** Why an FTE is not allowed (0 &lt; FTE &le; 1, at most two decimal places), if it is not. */
  public static java.util.Optional<String> fteProblem(BigDecimal fte) {
    if (fte.signum() <= 0 || fte.compareTo(BigDecimal.ONE) > 0) {
      return java.util.Optional.of("FTE must be more than 0 and at most 1");
    }
    if (fte.stripTrailingZeros().scale() > 2) {
      return java.util.Optional.of("FTE must have at most 2 decimal places");
    }
    return java.util.Optional.empty();
  }

  static String missingQualification(Role role) {
    return "Enter the qualification date: a " + role.label().toLowerCase() + " is qualified";
  }

  static String missingRegistration(Role role) {
    return "Enter the Social Work England registration number: a "
        + role.label().toLowerCase()
        + " must be registered";
  }

  /** Whether a Social Work England number has the register's form ("SW" and digits). */
  public static boolean isSweNumber(String value) {
    return value != null && SWE_NUMBER.matcher(value).matches();
  }

  /**
   * The rules that join fields together. Field-by-field checks (a date that is not a date) are the
   * parser's; these assume every field already has its type.
   */
  public List<Map.Entry<WorkerField, String>> problems() {
    List<Map.Entry<WorkerField, String>> problems = new ArrayList<>();
    if (name.isBlank()) {
      problems.add(Map.entry(WorkerField.NAME, "Enter the worker's name"));
    } else if (name.length() > MAX_NAME_LENGTH) {
      problems.add(
          Map.entry(WorkerField.NAME, "Name must be " + MAX_NAME_LENGTH + " characters or fewer"));
    }
    fteProblem(fte).ifPresent(message -> problems.add(Map.entry(WorkerField.FTE, message)));
    if (endDate != null && endDate.isBefore(startDate)) {
      problems.add(Map.entry(WorkerField.END_DATE, "End date must be on or after the start date"));
    }
    if (role.registeredSocialWorker()) {
      if (qualificationDate == null) {
        problems.add(Map.entry(WorkerField.QUALIFICATION_DATE, missingQualification(role)));
      }
      if (sweRegistration == null) {
        problems.add(Map.entry(WorkerField.SWE_REGISTRATION, missingRegistration(role)));
      }
    }
    if (qualificationDate != null && qualificationDate.isAfter(startDate)) {
      problems.add(
          Map.entry(
              WorkerField.QUALIFICATION_DATE,
              "Qualification date must be on or before the start date"));
    }
    if (sweRegistration != null && !isSweNumber(sweRegistration)) {
      problems.add(
          Map.entry(
              WorkerField.SWE_REGISTRATION,
              "Social Work England registration must be SW followed by digits, like SW123456"));
    }
    if (asyeStartDate != null) {
      if (role != Role.SOCIAL_WORKER) {
        problems.add(
            Map.entry(WorkerField.ASYE_START_DATE, "Only a social worker can be in their ASYE"));
      } else if (qualificationDate != null && asyeStartDate.isBefore(qualificationDate)) {
        problems.add(
            Map.entry(
                WorkerField.ASYE_START_DATE,
                "ASYE start date must be on or after the qualification date"));
      }
    }
    return problems;
  }

  public WorkerDetails withEndDate(LocalDate end) {
    return new WorkerDetails(
        name,
        role,
        employmentType,
        fte,
        startDate,
        end,
        qualificationDate,
        asyeStartDate,
        sweRegistration);
  }

  public WorkerDetails withAsyeStartDate(LocalDate asyeStart) {
    return new WorkerDetails(
        name,
        role,
        employmentType,
        fte,
        startDate,
        endDate,
        qualificationDate,
        asyeStart,
        sweRegistration);
  }

  public boolean activeOn(LocalDate date) {
    return !date.isBefore(startDate) && (endDate == null || !date.isAfter(endDate));
  }

  /** Post-qualifying experience on a date: the time since qualifying, zero before it. */
  public Period pqe(LocalDate on) {
    if (qualificationDate == null || on.isBefore(qualificationDate)) {
      return Period.ZERO;
    }
    return Period.between(qualificationDate, on);
  }

  /** Whole years of post-qualifying experience on a date. */
  public int pqeYears(LocalDate on) {
    return pqe(on).getYears();
  }

  /** In the Assessed and Supported Year in Employment on a date (the year from its start). */
  public boolean inAsyeOn(LocalDate date) {
    return asyeStartDate != null
        && !date.isBefore(asyeStartDate)
        && date.isBefore(asyeStartDate.plusYears(1));
  }
}
