package org.safeload.app.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.safeload.document.FieldProblem;
import org.springframework.ui.Model;

/**
 * Errors for the GOV.UK error summary and error messages: the first message for each field, in the
 * order found. The field names are the form's input names (the API's JSON names).
 */
public final class FormErrors {

  private FormErrors() {}

  public static Map<String, String> of(InvalidInputException e) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldProblem p : e.problems()) {
      errors.putIfAbsent(p.field().isEmpty() ? "form" : p.field(), p.message());
    }
    return errors;
  }

  /** Every message for each field, joined with "; " (for rules that fail for several reasons). */
  public static Map<String, String> allOf(InvalidInputException e) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldProblem p : e.problems()) {
      errors.merge(p.field().isEmpty() ? "form" : p.field(), p.message(), (a, b) -> a + "; " + b);
    }
    return errors;
  }

  /** Puts the errors in the model for the page templates. */
  public static void addTo(Model model, InvalidInputException e) {
    model.addAttribute("errors", of(e));
  }
}
