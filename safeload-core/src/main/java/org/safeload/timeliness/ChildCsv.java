package org.safeload.timeliness;

import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.safeload.document.CsvRows;
import org.safeload.document.FieldProblem;

/**
 * The children file: UTF-8 CSV with the header {@code child_id,date_of_birth,family_group} (any
 * order). Children who share a family group are brothers and sisters: the caseload rules keep them
 * with one worker. Every row is checked; a file with any bad row gives no children.
 */
public final class ChildCsv {

  public static final List<String> HEADER = List.of("child_id", "date_of_birth", "family_group");

  /** A child's details; a date of birth or family group may be unknown (null). */
  public record Child(String id, LocalDate dateOfBirth, String familyGroup) {}

  /** The children, or the problems (never both). */
  public record Result(List<Child> children, List<FieldProblem> problems) {}

  private static final int MAX_ID = 64;

  private ChildCsv() {}

  public static Result read(Reader reader) {
    List<FieldProblem> problems = new ArrayList<>();
    List<Child> children = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    CsvRows.rows(
        reader,
        HEADER,
        problems,
        (line, v) -> {
          int before = problems.size();
          String id = v.apply("child_id");
          if (id.isEmpty()) {
            problems.add(new FieldProblem(line, "child_id", "Enter the child's reference"));
          } else if (id.length() > MAX_ID) {
            problems.add(
                new FieldProblem(line, "child_id", "Must be " + MAX_ID + " characters or fewer"));
          } else if (firstLine.containsKey(id)) {
            problems.add(
                new FieldProblem(
                    line,
                    "child_id",
                    "The child " + id + " is already on line " + firstLine.get(id)));
          }
          LocalDate born = null;
          String dob = v.apply("date_of_birth");
          if (!dob.isEmpty()) {
            try {
              born = LocalDate.parse(dob);
            } catch (DateTimeParseException e) {
              problems.add(
                  new FieldProblem(
                      line, "date_of_birth", "Must be a date like 2015-03-31 (not " + dob + ")"));
            }
          }
          String family = v.apply("family_group");
          if (family.length() > MAX_ID) {
            problems.add(
                new FieldProblem(
                    line, "family_group", "Must be " + MAX_ID + " characters or fewer"));
          }
          if (!id.isEmpty()) {
            firstLine.putIfAbsent(id, line);
          }
          if (problems.size() == before) {
            children.add(new Child(id, born, family.isEmpty() ? null : family));
          }
        });
    return problems.isEmpty()
        ? new Result(List.copyOf(children), List.of())
        : new Result(List.of(), List.copyOf(problems));
  }
}
