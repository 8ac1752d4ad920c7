package org.safeload.document;

import java.util.List;

/**
 * A document (YAML, JSON or CSV) that cannot be used, with every problem: line, field, reason.
 * Readers collect every problem in one pass and throw this once, so that a person can fix them all.
 */
public class DocumentException extends RuntimeException {

  private final List<FieldProblem> problems;

  public DocumentException(List<FieldProblem> problems) {
    super(problems.size() + " problem(s), first: " + describe(problems.getFirst()));
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  /** One problem as a person reads it: {@code line 3, contracts[0].rate: must be a number}. */
  public static String describe(FieldProblem p) {
    String where = p.line() > 0 ? "line " + p.line() : "";
    if (!p.field().isEmpty()) {
      where = where.isEmpty() ? p.field() : where + ", " + p.field();
    }
    return where.isEmpty() ? p.message() : where + ": " + p.message();
  }
}
