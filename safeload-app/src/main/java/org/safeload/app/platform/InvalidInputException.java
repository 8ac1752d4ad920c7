package org.safeload.app.platform;

import java.util.List;
import org.safeload.document.FieldProblem;

/** Input refused, with every field that failed and why. */
public class InvalidInputException extends RuntimeException {

  private final String title;
  private final List<FieldProblem> problems;

  public InvalidInputException(String title, List<FieldProblem> problems) {
    super(title);
    this.title = title;
    this.problems = List.copyOf(problems);
  }

  public InvalidInputException(String field, String message) {
    this("The request has errors", List.of(FieldProblem.of(field, message)));
  }

  public String title() {
    return title;
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
