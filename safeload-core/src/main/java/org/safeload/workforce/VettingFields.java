package org.safeload.workforce;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeload.document.FieldProblem;

/**
 * A worker's vetting as flat fields (the form's boxes, the API's JSON keys), read into {@link
 * Vetting} by one set of rules, and written back for a form to show. A check is recorded whole or
 * not at all: a DBS check needs its certificate number, issue date and outcome; a register check
 * its status and date; a right-to-work check its date. Dates are ISO and within 2000 to 2040; no
 * check is dated after the day it is recorded.
 */
public final class VettingFields {

  /** The fields, in the order the form shows them. */
  public static final List<String> NAMES =
      List.of(
          "dbsCertificate",
          "dbsIssued",
          "dbsOutcome",
          "dbsUpdateService",
          "dbsLastStatusCheck",
          "dbsCheckedBy",
          "registrationStatus",
          "registrationConditions",
          "registrationCheckedOn",
          "pqeOverrideYears",
          "pqeOverrideReason",
          "managerSince",
          "reference1Role",
          "reference1Received",
          "reference1ByCouncil",
          "reference2Role",
          "reference2Received",
          "reference2ByCouncil",
          "rightToWorkCheckedOn",
          "rightToWorkExpires",
          "rightToWorkCheckedBy",
          "leftOn",
          "leftCouncil",
          "leftRegion");

  private static final int MAX_TEXT = 200;

  /** The vetting, or the problems (never both). */
  public record Result(Vetting vetting, List<FieldProblem> problems) {}

  private VettingFields() {}

  /**
   * Reads the fields.
   *
   * @param registrationNumber the worker's Social Work England number (the register entry's)
   * @param today the day the record is made (no check may be dated after it)
   */
  public static Result read(
      Map<String, String> fields, String registrationNumber, LocalDate today) {
    Reader r = new Reader(fields, today);
    Vetting.Dbs dbs = null;
    if (r.any("dbsCertificate", "dbsIssued", "dbsOutcome", "dbsLastStatusCheck", "dbsCheckedBy")) {
      String certificate = r.required("dbsCertificate", "Enter the DBS certificate number");
      if (certificate != null && !certificate.matches("\\d{12}")) {
        r.problem("dbsCertificate", "A DBS certificate number is 12 digits");
      }
      LocalDate issued = r.requiredDate("dbsIssued", "Enter the date the certificate was issued");
      Vetting.DbsOutcome outcome = null;
      String code = r.required("dbsOutcome", "Select the outcome");
      if (code != null) {
        outcome = Vetting.DbsOutcome.fromCode(code).orElse(null);
        if (outcome == null) {
          r.problem("dbsOutcome", "Select clear, accepted-after-assessment or not-accepted");
        }
      }
      LocalDate lastCheck = r.date("dbsLastStatusCheck");
      if (lastCheck != null && issued != null && lastCheck.isBefore(issued)) {
        r.problem("dbsLastStatusCheck", "Must not be before the certificate was issued");
      }
      dbs =
          new Vetting.Dbs(
              certificate,
              issued,
              outcome,
              r.yes("dbsUpdateService"),
              lastCheck,
              r.text("dbsCheckedBy"));
    }
    Vetting.Registration registration = null;
    if (r.any("registrationStatus", "registrationConditions", "registrationCheckedOn")) {
      String code = r.required("registrationStatus", "Select the register status");
      Vetting.RegistrationStatus status = null;
      if (code != null) {
        status = Vetting.RegistrationStatus.fromCode(code).orElse(null);
        if (status == null) {
          r.problem("registrationStatus", "Select registered, conditions, suspended or removed");
        }
      }
      String conditions = r.text("registrationConditions");
      if (status == Vetting.RegistrationStatus.CONDITIONS && conditions == null) {
        r.problem("registrationConditions", "Enter the conditions");
      }
      LocalDate checked =
          r.requiredDate("registrationCheckedOn", "Enter the date the register was checked");
      if (registrationNumber == null) {
        r.problem(
            "registrationStatus",
            "Record the worker's Social Work England number on their details first");
      }
      registration = new Vetting.Registration(registrationNumber, status, conditions, checked);
    }
    Vetting.PqeOverride override = null;
    if (r.any("pqeOverrideYears", "pqeOverrideReason")) {
      Integer years = null;
      String text = r.required("pqeOverrideYears", "Enter the years of experience");
      if (text != null) {
        try {
          years = Integer.valueOf(text);
          if (years < 0 || years > 60) {
            r.problem("pqeOverrideYears", "Must be a whole number from 0 to 60");
          }
        } catch (NumberFormatException e) {
          r.problem("pqeOverrideYears", "Must be a whole number from 0 to 60");
        }
      }
      String reason = r.required("pqeOverrideReason", "Enter why the experience is recorded");
      override = years == null ? null : new Vetting.PqeOverride(years, today, reason);
    }
    LocalDate managerSince = r.date("managerSince");
    List<Vetting.Reference> references = new ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      String role = "reference" + i + "Role";
      String received = "reference" + i + "Received";
      String byCouncil = "reference" + i + "ByCouncil";
      if (r.any(role, received)) {
        String referee = r.required(role, "Enter the referee's role");
        LocalDate on = r.requiredDate(received, "Enter the date the reference was received");
        references.add(new Vetting.Reference(referee, on, r.yes(byCouncil)));
      }
    }
    Vetting.RightToWork rightToWork = null;
    if (r.any("rightToWorkCheckedOn", "rightToWorkExpires", "rightToWorkCheckedBy")) {
      LocalDate checked =
          r.requiredDate("rightToWorkCheckedOn", "Enter the date the right to work was checked");
      LocalDate expires = r.futureDate("rightToWorkExpires");
      rightToWork = new Vetting.RightToWork(checked, expires, r.text("rightToWorkCheckedBy"));
    }
    Vetting.LeftRole left = null;
    if (r.any("leftOn", "leftCouncil", "leftRegion")) {
      LocalDate on = r.requiredDate("leftOn", "Enter the date they left");
      String council = r.required("leftCouncil", "Enter the council they left");
      left = new Vetting.LeftRole(on, council, r.text("leftRegion"));
    }
    if (!r.problems.isEmpty()) {
      return new Result(null, List.copyOf(r.problems));
    }
    return new Result(
        new Vetting(dbs, registration, null, override, managerSince, references, rightToWork, left),
        List.of());
  }

  /** A vetting record as fields, for a form to show. */
  public static Map<String, String> of(Vetting v) {
    Map<String, String> f = new LinkedHashMap<>();
    NAMES.forEach(n -> f.put(n, ""));
    if (v.dbs() != null) {
      f.put("dbsCertificate", orEmpty(v.dbs().certificateNumber()));
      f.put("dbsIssued", orEmpty(v.dbs().issued()));
      f.put("dbsOutcome", v.dbs().outcome() == null ? "" : v.dbs().outcome().code());
      f.put("dbsUpdateService", v.dbs().updateService() ? "yes" : "");
      f.put("dbsLastStatusCheck", orEmpty(v.dbs().lastStatusCheck()));
      f.put("dbsCheckedBy", orEmpty(v.dbs().checkedBy()));
    }
    if (v.registration() != null) {
      f.put(
          "registrationStatus",
          v.registration().status() == null ? "" : v.registration().status().code());
      f.put("registrationConditions", orEmpty(v.registration().conditions()));
      f.put("registrationCheckedOn", orEmpty(v.registration().checkedOn()));
    }
    if (v.pqeOverride() != null) {
      f.put("pqeOverrideYears", String.valueOf(v.pqeOverride().years()));
      f.put("pqeOverrideReason", orEmpty(v.pqeOverride().reason()));
    }
    f.put("managerSince", orEmpty(v.managerSince()));
    for (int i = 0; i < Math.min(2, v.references().size()); i++) {
      Vetting.Reference ref = v.references().get(i);
      f.put("reference" + (i + 1) + "Role", orEmpty(ref.refereeRole()));
      f.put("reference" + (i + 1) + "Received", orEmpty(ref.received()));
      f.put("reference" + (i + 1) + "ByCouncil", ref.obtainedByCouncil() ? "yes" : "");
    }
    if (v.rightToWork() != null) {
      f.put("rightToWorkCheckedOn", orEmpty(v.rightToWork().checkedOn()));
      f.put("rightToWorkExpires", orEmpty(v.rightToWork().expires()));
      f.put("rightToWorkCheckedBy", orEmpty(v.rightToWork().checkedBy()));
    }
    if (v.leftSubstantiveRole() != null) {
      f.put("leftOn", orEmpty(v.leftSubstantiveRole().leftOn()));
      f.put("leftCouncil", orEmpty(v.leftSubstantiveRole().council()));
      f.put("leftRegion", orEmpty(v.leftSubstantiveRole().region()));
    }
    return f;
  }

  private static String orEmpty(Object value) {
    return value == null ? "" : value.toString();
  }

  /** Reads fields, collecting problems by field name. */
  private static final class Reader {
    private final Map<String, String> fields;
    private final LocalDate today;
    final List<FieldProblem> problems = new ArrayList<>();

    Reader(Map<String, String> fields, LocalDate today) {
      this.fields = fields;
      this.today = today;
    }

    boolean any(String... names) {
      for (String n : names) {
        if (!raw(n).isEmpty()) {
          return true;
        }
      }
      return false;
    }

    private String raw(String name) {
      String value = fields.get(name);
      return value == null ? "" : value.strip();
    }

    void problem(String field, String message) {
      problems.add(FieldProblem.of(field, message));
    }

    String text(String name) {
      String value = raw(name);
      if (value.length() > MAX_TEXT) {
        problem(name, "Must be " + MAX_TEXT + " characters or fewer");
        return null;
      }
      if (value.chars().anyMatch(Character::isISOControl)) {
        problem(name, "Must be one line of text");
        return null;
      }
      return value.isEmpty() ? null : value;
    }

    String required(String name, String whenMissing) {
      if (raw(name).isEmpty()) {
        problem(name, whenMissing);
        return null;
      }
      return text(name);
    }

    boolean yes(String name) {
      String value = raw(name);
      return value.equals("yes") || value.equals("true");
    }

    LocalDate requiredDate(String name, String whenMissing) {
      if (raw(name).isEmpty()) {
        problem(name, whenMissing);
        return null;
      }
      return date(name);
    }

    /** A past (or today's) date, or null if empty. */
    LocalDate date(String name) {
      LocalDate d = anyDate(name);
      if (d != null && d.isAfter(today)) {
        problem(name, "Must not be in the future");
        return null;
      }
      return d;
    }

    /** A date that may be in the future (an expiry), or null if empty. */
    LocalDate futureDate(String name) {
      return anyDate(name);
    }

    private LocalDate anyDate(String name) {
      String value = raw(name);
      if (value.isEmpty()) {
        return null;
      }
      try {
        LocalDate d = LocalDate.parse(value);
        if (d.getYear() < 1950 || d.getYear() > 2040) {
          problem(name, "Must be between 1950 and 2040");
          return null;
        }
        return d;
      } catch (DateTimeParseException e) {
        problem(name, "Must be a date like 2025-10-01");
        return null;
      }
    }
  }
}
