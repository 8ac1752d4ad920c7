package org.safeload.document;

/**
 * Why one field of an input was refused. {@code field} is the field's name in the caller's terms
 * (the API's JSON name, a form field, a CSV column); {@code line} is the file line, or 0.
 */
public record FieldProblem(int line, String field, String message) {

  public static FieldProblem of(String field, String message) {
    return new FieldProblem(0, field, message);
  }

  public FieldProblem atLine(int newLine) {
    return new FieldProblem(newLine, field, message);
  }
}
