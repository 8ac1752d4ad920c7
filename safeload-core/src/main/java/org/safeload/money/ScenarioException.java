package org.safeload.money;

import java.util.List;
import org.safeload.organisation.FieldProblem;

/** A scenario or contract document that cannot be used, with every problem: line, field, reason. */
public class ScenarioException extends RuntimeException {

  private final List<FieldProblem> problems;

  public ScenarioException(List<FieldProblem> problems) {
    super(problems.size() + " problem(s), first: " + describe(problems.getFirst()));
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  public static String describe(FieldProblem p) {
    return (p.line() > 0 ? "line " + p.line() + ", " : "") + p.field() + ": " + p.message();
  }
}
