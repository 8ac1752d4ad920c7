package org.safeload.app.organisation;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.document.FieldProblem;
import org.safeload.organisation.WorkerDetails;
import org.safeload.organisation.WorkerField;
import org.safeload.organisation.WorkerParser;

/** A worker's fields as entered (page or API) to details, by the core's one set of rules. */
public final class WorkerInputs {

  private static final Set<WorkerField> DATES =
      EnumSet.of(
          WorkerField.START_DATE,
          WorkerField.END_DATE,
          WorkerField.QUALIFICATION_DATE,
          WorkerField.ASYE_START_DATE);

  private WorkerInputs() {}

  /**
   * Parses the fields; problems are named by the API's JSON names (also the form's input names).
   *
   * @param threeBoxDates dates came from the GOV.UK date input, so say "a real date" rather than
   *     naming the ISO form
   */
  public static WorkerDetails details(Map<WorkerField, String> raw, boolean threeBoxDates) {
    WorkerParser.Result result = WorkerParser.parse(raw);
    if (result.ok()) {
      return result.details();
    }
    List<FieldProblem> problems =
        result.problems().stream()
            .map(
                p ->
                    FieldProblem.of(
                        p.getKey().jsonName(),
                        threeBoxDates
                                && DATES.contains(p.getKey())
                                && p.getValue().contains("2024-03-27")
                            ? p.getKey().label() + " must be a real date"
                            : p.getValue()))
            .toList();
    throw new InvalidInputException("The worker has errors", problems);
  }
}
