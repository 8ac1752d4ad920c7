package org.safeload.organisation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a worker's fields, as text (from a form, the API or an import file), into {@link
 * WorkerDetails}, or into every reason it cannot. One set of rules for every way in.
 */
public final class WorkerParser {

  /** The parsed details, or the problems (never both). */
  public record Result(WorkerDetails details, List<Map.Entry<WorkerField, String>> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private WorkerParser() {}

  public static Result parse(Map<WorkerField, String> raw) {
    List<Map.Entry<WorkerField, String>> problems = new ArrayList<>();
    String name = text(raw, WorkerField.NAME).orElse("");
    if (name.isEmpty()) {
      problems.add(Map.entry(WorkerField.NAME, "Enter the worker's name"));
    }
    Role role =
        code(raw, WorkerField.ROLE, "Select the role", Role::fromCode, Role.codes(), problems);
    EmploymentType type =
        code(
            raw,
            WorkerField.EMPLOYMENT_TYPE,
            "Select the employment type",
            EmploymentType::fromCode,
            EmploymentType.codes(),
            problems);
    BigDecimal fte =
        required(raw, WorkerField.FTE, problems, "Enter the FTE, like 1 or 0.8")
            .map(value -> decimal(value, problems))
            .orElse(null);
    LocalDate start =
        required(raw, WorkerField.START_DATE, problems, "Enter the start date")
            .map(value -> date(WorkerField.START_DATE, value, problems))
            .orElse(null);
    LocalDate end = optionalDate(raw, WorkerField.END_DATE, problems);
    LocalDate qualified = optionalDate(raw, WorkerField.QUALIFICATION_DATE, problems);
    LocalDate asye = optionalDate(raw, WorkerField.ASYE_START_DATE, problems);
    String swe =
        text(raw, WorkerField.SWE_REGISTRATION)
            .map(s -> s.replace(" ", "").toUpperCase(Locale.ROOT))
            .orElse(null);
    if (!problems.isEmpty()) {
      // Report what is missing for the role too, so that one pass shows every problem.
      if (role != null && role.registeredSocialWorker()) {
        if (text(raw, WorkerField.QUALIFICATION_DATE).isEmpty()) {
          problems.add(
              Map.entry(WorkerField.QUALIFICATION_DATE, WorkerDetails.missingQualification(role)));
        }
        if (swe == null) {
          problems.add(
              Map.entry(WorkerField.SWE_REGISTRATION, WorkerDetails.missingRegistration(role)));
        }
      }
      problems.sort(java.util.Comparator.comparing(Map.Entry::getKey));
      return new Result(null, List.copyOf(problems));
    }
    WorkerDetails details =
        new WorkerDetails(name, role, type, fte, start, end, qualified, asye, swe);
    List<Map.Entry<WorkerField, String>> ruleProblems = details.problems();
    return ruleProblems.isEmpty()
        ? new Result(details, List.of())
        : new Result(null, List.copyOf(ruleProblems));
  }

  private static Optional<String> text(Map<WorkerField, String> raw, WorkerField field) {
    String value = raw.get(field);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static Optional<String> required(
      Map<WorkerField, String> raw,
      WorkerField field,
      List<Map.Entry<WorkerField, String>> problems,
      String whenMissing) {
    Optional<String> value = text(raw, field);
    if (value.isEmpty()) {
      problems.add(Map.entry(field, whenMissing));
    }
    return value;
  }

  /** A required code (a role, an employment type), or why it is missing or not one of them. */
  private static <T> T code(
      Map<WorkerField, String> raw,
      WorkerField field,
      String whenMissing,
      java.util.function.Function<String, Optional<T>> fromCode,
      String codes,
      List<Map.Entry<WorkerField, String>> problems) {
    Optional<String> code = required(raw, field, problems, whenMissing);
    if (code.isEmpty()) {
      return null;
    }
    Optional<T> value = fromCode.apply(code.get());
    if (value.isEmpty()) {
      problems.add(
          Map.entry(
              field, field.label() + " must be one of: " + codes + " (not " + code.get() + ")"));
    }
    return value.orElse(null);
  }

  private static BigDecimal decimal(String value, List<Map.Entry<WorkerField, String>> problems) {
    try {
      BigDecimal fte = new BigDecimal(value);
      WorkerDetails.fteProblem(fte)
          .ifPresent(message -> problems.add(Map.entry(WorkerField.FTE, message)));
      return fte;
    } catch (NumberFormatException e) {
      problems.add(
          Map.entry(WorkerField.FTE, "FTE must be a number, like 1 or 0.8 (not " + value + ")"));
      return null;
    }
  }

  private static LocalDate optionalDate(
      Map<WorkerField, String> raw,
      WorkerField field,
      List<Map.Entry<WorkerField, String>> problems) {
    return text(raw, field).map(value -> date(field, value, problems)).orElse(null);
  }

  /** Parses an ISO date (2024-03-27), or records why it is not one. */
  public static LocalDate date(
      WorkerField field, String value, List<Map.Entry<WorkerField, String>> problems) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(
          Map.entry(
              field,
              field.label() + " must be a real date written like 2024-03-27 (not " + value + ")"));
      return null;
    }
  }
}
