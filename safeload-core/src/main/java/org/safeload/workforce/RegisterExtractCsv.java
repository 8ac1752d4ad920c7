package org.safeload.workforce;

import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.safeload.document.CsvRows;
import org.safeload.document.FieldProblem;

/**
 * An extract of the Social Work England register (it has no open API): UTF-8 CSV with the header
 * {@code registration_number,status,conditions,checked_on}. Numbers are read as the worker import
 * reads them ({@code SW 123456} is {@code SW123456}); a status is {@code registered}, {@code
 * conditions}, {@code suspended} or {@code removed}, and {@code conditions} needs its text. Every
 * row is checked; a file with any bad row gives none.
 */
public final class RegisterExtractCsv {

  public static final List<String> HEADER =
      List.of("registration_number", "status", "conditions", "checked_on");

  /** The entries, or the problems (never both). */
  public record Result(List<Vetting.Registration> entries, List<FieldProblem> problems) {}

  private RegisterExtractCsv() {}

  public static Result read(Reader reader) {
    List<FieldProblem> problems = new ArrayList<>();
    List<Vetting.Registration> entries = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    CsvRows.rows(
        reader,
        HEADER,
        problems,
        (line, value) -> {
          int before = problems.size();
          String number =
              value.apply("registration_number").replace(" ", "").toUpperCase(Locale.ROOT);
          if (!number.matches("SW\\d{1,8}")) {
            problems.add(
                new FieldProblem(
                    line,
                    "registration_number",
                    "Must be a Social Work England number like SW123456"));
          } else if (firstLine.putIfAbsent(number, line) != null) {
            problems.add(
                new FieldProblem(
                    line,
                    "registration_number",
                    number + " is already on line " + firstLine.get(number)));
          }
          String code = value.apply("status");
          Vetting.RegistrationStatus status =
              Vetting.RegistrationStatus.fromCode(code).orElse(null);
          if (status == null) {
            problems.add(
                new FieldProblem(
                    line,
                    "status",
                    "Must be registered, conditions, suspended or removed (not " + code + ")"));
          }
          String conditions = value.apply("conditions");
          if (status == Vetting.RegistrationStatus.CONDITIONS && conditions.isEmpty()) {
            problems.add(new FieldProblem(line, "conditions", "Enter the conditions"));
          } else if (conditions.length() > 2000) {
            problems.add(new FieldProblem(line, "conditions", "Must be 2000 characters or fewer"));
          }
          LocalDate checked = null;
          String date = value.apply("checked_on");
          try {
            checked = LocalDate.parse(date);
            if (checked.getYear() < 2000 || checked.getYear() > 2040) {
              problems.add(new FieldProblem(line, "checked_on", "Must be between 2000 and 2040"));
            }
          } catch (DateTimeParseException e) {
            problems.add(
                new FieldProblem(
                    line, "checked_on", "Must be a date like 2025-10-01 (not " + date + ")"));
          }
          if (problems.size() == before) {
            entries.add(
                new Vetting.Registration(
                    number, status, conditions.isEmpty() ? null : conditions, checked));
          }
        });
    return problems.isEmpty()
        ? new Result(List.copyOf(entries), List.of())
        : new Result(List.of(), List.copyOf(problems));
  }
}
