package org.safeload.handover;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safeload.caseload.CaseHolder;
import org.safeload.caseload.Load;
import org.safeload.document.CsvRows;
import org.safeload.document.FieldProblem;
import org.safeload.document.Ids;
import org.safeload.organisation.Role;
import org.safeload.timeliness.CaseType;

/**
 * The handover planner's two input files (docs/handover.md), UTF-8 CSV with a header row naming
 * every column once, in any order. All or nothing: a file with any problem gives nothing, and every
 * problem names its line (the header is line 1) and column.
 *
 * <p>Workers ({@link #WORKER_COLUMNS}): {@code worker_id} unique; {@code role} a case-holding role
 * ({@code social-worker}, {@code advanced-practitioner}); {@code fte} more than 0 and at most 1.00,
 * 2 decimal places at most; {@code asye} {@code true} or {@code false}; {@code pqe_years} a whole
 * number, 0 or more; {@code current_cases} a whole number, 0 or more; {@code current_weighted} the
 * weighted sum of those cases under the policy (required; 0 or more, 2 decimal places at most; 0
 * exactly when there are no cases). {@code name} may be empty (the id is shown).
 *
 * <p>Cases ({@link #CASE_COLUMNS}): {@code case_id} and {@code child_id} unique; {@code
 * family_group} empty for a child alone; {@code case_type} a case type code; {@code current_worker}
 * and {@code previous_workers} ({@code ;}-separated) may name anyone, including workers who are
 * leaving and so are not in the workers file.
 *
 * <p>Optional columns for dated plans (docs/handover.md, "Dated, staged plans"), each a date like
 * {@code 2025-03-31} or empty: workers {@code first_day} (empty: in post already), {@code last_day}
 * (empty: stays; not before {@code first_day}) and {@code asye_start} (when given, it decides the
 * ASYE on each date and {@code asye} may be empty); cases {@code move_by} (empty: the plan date).
 */
public final class HandoverCsv {

  public static final List<String> WORKER_COLUMNS =
      List.of(
          "worker_id",
          "name",
          "role",
          "fte",
          "asye",
          "pqe_years",
          "current_cases",
          "current_weighted");
  public static final List<String> CASE_COLUMNS =
      List.of(
          "case_id", "child_id", "family_group", "case_type", "current_worker", "previous_workers");

  /** Optional worker columns, for dated plans: dates as {@code 2025-03-31}. */
  public static final List<String> WORKER_DATE_COLUMNS =
      List.of("first_day", "last_day", "asye_start");

  /** Optional case column, for dated plans. */
  public static final List<String> CASE_DATE_COLUMNS = List.of("move_by");

  private HandoverCsv() {}

  /** The receivers, or the problems (never both). */
  public record Workers(List<Receiver> receivers, List<FieldProblem> problems) {
    public Workers {
      receivers = List.copyOf(receivers);
      problems = List.copyOf(problems);
    }
  }

  /** The cases, or the problems (never both). */
  public record Cases(List<HandoverCase> cases, List<FieldProblem> problems) {
    public Cases {
      cases = List.copyOf(cases);
      problems = List.copyOf(problems);
    }
  }

  public static Workers readWorkers(Reader reader) {
    List<FieldProblem> problems = new ArrayList<>();
    List<Receiver> receivers = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    CsvRows.rows(
        reader,
        WORKER_COLUMNS,
        WORKER_DATE_COLUMNS,
        problems,
        (line, v) -> {
          int before = problems.size();
          String id = v.apply("worker_id");
          id(line, "worker_id", id, "the worker's id", firstLine, problems);
          Role role = Role.fromCode(v.apply("role")).orElse(null);
          if (role == null || !role.caseHolding()) {
            problems.add(
                new FieldProblem(
                    line,
                    "role",
                    "Must be a case-holding role: social-worker or advanced-practitioner (not "
                        + quoted(v.apply("role"))
                        + ")"));
          }
          BigDecimal fte = decimal(line, "fte", v.apply("fte"), problems);
          if (fte != null && (fte.signum() <= 0 || fte.compareTo(BigDecimal.ONE) > 0)) {
            problems.add(
                new FieldProblem(
                    line, "fte", "Must be more than 0 and at most 1 (not " + v.apply("fte") + ")"));
          }
          String asye = v.apply("asye");
          LocalDate asyeStart = date(line, "asye_start", v.apply("asye_start"), problems);
          boolean asyeEmptyAllowed = asyeStart != null || !v.apply("asye_start").isEmpty();
          if (!asye.equals("true")
              && !asye.equals("false")
              && !(asye.isEmpty() && asyeEmptyAllowed)) {
            problems.add(
                new FieldProblem(
                    line,
                    "asye",
                    "Must be true or false (not "
                        + quoted(asye)
                        + "); it may be empty when asye_start is given"));
          }
          LocalDate firstDay = date(line, "first_day", v.apply("first_day"), problems);
          LocalDate lastDay = date(line, "last_day", v.apply("last_day"), problems);
          if (firstDay != null && lastDay != null && lastDay.isBefore(firstDay)) {
            problems.add(
                new FieldProblem(
                    line,
                    "last_day",
                    "Must be on or after first_day "
                        + firstDay
                        + " (not "
                        + v.apply("last_day")
                        + ")"));
          }
          Integer pqe = count(line, "pqe_years", v.apply("pqe_years"), problems);
          Integer cases = count(line, "current_cases", v.apply("current_cases"), problems);
          BigDecimal weighted =
              decimal(line, "current_weighted", v.apply("current_weighted"), problems);
          if (weighted != null && weighted.signum() < 0) {
            problems.add(
                new FieldProblem(
                    line,
                    "current_weighted",
                    "Must be 0 or more (not " + v.apply("current_weighted") + ")"));
          } else if (weighted != null
              && cases != null
              && (cases == 0) != (weighted.signum() == 0)) {
            problems.add(
                new FieldProblem(
                    line,
                    "current_weighted",
                    "Must be 0 exactly when current_cases is 0 (not "
                        + v.apply("current_weighted")
                        + " with "
                        + cases
                        + " cases)"));
          }
          if (problems.size() == before) {
            String name = v.apply("name");
            receivers.add(
                new Receiver(
                    new CaseHolder(
                        id, name.isEmpty() ? id : name, null, role, fte, asye.equals("true"), pqe),
                    new Load(cases, weighted),
                    firstDay,
                    lastDay,
                    asyeStart));
          }
        });
    return problems.isEmpty()
        ? new Workers(receivers, List.of())
        : new Workers(List.of(), problems);
  }

  public static Cases readCases(Reader reader) {
    List<FieldProblem> problems = new ArrayList<>();
    List<HandoverCase> cases = new ArrayList<>();
    Map<String, Integer> caseLines = new HashMap<>();
    Map<String, Integer> childLines = new HashMap<>();
    CsvRows.rows(
        reader,
        CASE_COLUMNS,
        CASE_DATE_COLUMNS,
        problems,
        (line, v) -> {
          int before = problems.size();
          String id = v.apply("case_id");
          id(line, "case_id", id, "the case's id", caseLines, problems);
          String child = v.apply("child_id");
          id(line, "child_id", child, "the child's id", childLines, problems);
          String family = v.apply("family_group");
          if (!family.isEmpty() && !Ids.valid(family)) {
            problems.add(
                new FieldProblem(
                    line, "family_group", "Must be an id like F12 (not " + quoted(family) + ")"));
          }
          CaseType type = CaseType.fromCode(v.apply("case_type")).orElse(null);
          if (type == null) {
            problems.add(
                new FieldProblem(
                    line,
                    "case_type",
                    "Must be one of: "
                        + CaseType.codes()
                        + " (not "
                        + quoted(v.apply("case_type"))
                        + ")"));
          }
          String current = v.apply("current_worker");
          if (!current.isEmpty() && !Ids.valid(current)) {
            problems.add(
                new FieldProblem(
                    line, "current_worker", "Must be a worker id (not " + quoted(current) + ")"));
          }
          Set<String> previous = new LinkedHashSet<>();
          String listed = v.apply("previous_workers");
          if (!listed.isEmpty()) {
            for (String p : listed.split(";", -1)) {
              String w = p.strip();
              if (!Ids.valid(w)) {
                problems.add(
                    new FieldProblem(
                        line,
                        "previous_workers",
                        "Must be worker ids separated by ; (not " + quoted(listed) + ")"));
                break;
              }
              previous.add(w);
            }
          }
          LocalDate moveBy = date(line, "move_by", v.apply("move_by"), problems);
          if (problems.size() == before) {
            cases.add(
                new HandoverCase(
                    id,
                    child,
                    family.isEmpty() ? null : family,
                    type,
                    current.isEmpty() ? null : current,
                    previous,
                    moveBy));
          }
        });
    return problems.isEmpty() ? new Cases(cases, List.of()) : new Cases(List.of(), problems);
  }

  private static void id(
      int line,
      String field,
      String value,
      String what,
      Map<String, Integer> firstLine,
      List<FieldProblem> problems) {
    if (value.isEmpty()) {
      problems.add(new FieldProblem(line, field, "Enter " + what));
    } else if (!Ids.valid(value)) {
      problems.add(
          new FieldProblem(line, field, "Must be " + Ids.RULE + " (not " + quoted(value) + ")"));
    } else if (firstLine.containsKey(value)) {
      problems.add(
          new FieldProblem(
              line, field, "The id " + value + " is already used on line " + firstLine.get(value)));
    } else {
      firstLine.put(value, line);
    }
  }

  private static BigDecimal decimal(
      int line, String field, String value, List<FieldProblem> problems) {
    if (value.isEmpty()) {
      problems.add(new FieldProblem(line, field, "Enter a number"));
      return null;
    }
    try {
      if (!value.matches("-?[0-9]+(\\.[0-9]+)?")) {
        throw new NumberFormatException();
      }
      BigDecimal number = new BigDecimal(value);
      if (number.stripTrailingZeros().scale() > 2) {
        problems.add(
            new FieldProblem(
                line, field, "Must have at most 2 decimal places (not " + value + ")"));
        return null;
      }
      return number;
    } catch (NumberFormatException e) {
      problems.add(
          new FieldProblem(line, field, "Must be a number like 0.8 (not " + quoted(value) + ")"));
      return null;
    }
  }

  /** An optional date (empty: null), as {@code 2025-03-31}. */
  private static LocalDate date(int line, String field, String value, List<FieldProblem> problems) {
    if (value.isEmpty()) {
      return null;
    }
    try {
      if (!value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
        throw new DateTimeParseException("not ISO", value, 0);
      }
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(
          new FieldProblem(
              line, field, "Must be a date like 2025-03-31 (not " + quoted(value) + ")"));
      return null;
    }
  }

  private static Integer count(int line, String field, String value, List<FieldProblem> problems) {
    if (!value.matches("[0-9]{1,4}")) {
      problems.add(
          new FieldProblem(
              line, field, "Must be a whole number, 0 or more (not " + quoted(value) + ")"));
      return null;
    }
    return Integer.valueOf(value);
  }

  private static String quoted(String value) {
    return value.isEmpty() ? "empty" : "\"" + value + "\"";
  }
}
