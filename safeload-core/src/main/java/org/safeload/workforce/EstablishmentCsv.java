package org.safeload.workforce;

import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.safeload.document.CsvRows;
import org.safeload.document.FieldProblem;
import org.safeload.organisation.Role;

/**
 * The establishment file: UTF-8 CSV with the header {@code team,role,fte} (any order), one line per
 * team and role: the budgeted FTE, at least 0 with at most two decimal places. Teams are named as
 * in the worker import (case does not matter). Every row is checked; a file with any bad row gives
 * no posts.
 */
public final class EstablishmentCsv {

  public static final List<String> HEADER = List.of("team", "role", "fte");

  /** The posts, or the problems (never both). */
  public record Result(List<WorkforceCensus.Post> posts, List<FieldProblem> problems) {}

  private EstablishmentCsv() {}

  public static Result read(Reader reader) {
    List<FieldProblem> problems = new ArrayList<>();
    List<WorkforceCensus.Post> posts = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    CsvRows.rows(
        reader,
        HEADER,
        problems,
        (line, value) -> {
          int before = problems.size();
          String team = value.apply("team");
          if (team.isEmpty()) {
            problems.add(new FieldProblem(line, "team", "Enter the team's name"));
          } else if (team.length() > 200) {
            problems.add(new FieldProblem(line, "team", "Must be 200 characters or fewer"));
          }
          String roleCode = value.apply("role");
          Role role = Role.fromCode(roleCode).orElse(null);
          if (role == null) {
            problems.add(
                new FieldProblem(
                    line,
                    "role",
                    roleCode.isEmpty()
                        ? "Enter the role"
                        : "Must be one of " + Role.codes() + " (not " + roleCode + ")"));
          }
          BigDecimal fte = null;
          String text = value.apply("fte");
          try {
            fte = new BigDecimal(text);
            if (fte.signum() < 0
                || fte.scale() > 2
                || fte.compareTo(BigDecimal.valueOf(100_000)) > 0) {
              problems.add(
                  new FieldProblem(
                      line,
                      "fte",
                      "Must be at least 0 and at most 100000, with at most 2 decimal places (not "
                          + text
                          + ")"));
            }
          } catch (NumberFormatException e) {
            problems.add(
                new FieldProblem(line, "fte", "Must be a number like 6 or 6.5 (not " + text + ")"));
          }
          if (problems.size() != before) {
            return;
          }
          String key = team.toLowerCase(Locale.ROOT) + "\u0000" + role.code();
          Integer first = firstLine.putIfAbsent(key, line);
          if (first != null) {
            problems.add(
                new FieldProblem(
                    line,
                    "role",
                    "The team "
                        + team
                        + " already has a line for "
                        + role.code()
                        + " on line "
                        + first));
            return;
          }
          posts.add(new WorkforceCensus.Post(team, role, fte));
        });
    return problems.isEmpty()
        ? new Result(List.copyOf(posts), List.of())
        : new Result(List.of(), List.copyOf(problems));
  }
}
