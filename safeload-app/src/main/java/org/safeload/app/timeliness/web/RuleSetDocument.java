package org.safeload.app.timeliness.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.safeload.document.FieldProblem;

/**
 * A rule set's YAML written from its forms, in the shape of the built-in files
 * (docs/timeliness.md), so that the core reads and checks it as it reads a file; and the core's
 * problems (by path, like {@code rules[2].within.hours}) turned back into the form's fields and
 * words for the GOV.UK error summary.
 */
final class RuleSetDocument {

  private RuleSetDocument() {}

  /** The YAML of a rule set with these rules, each field as typed. */
  static String write(String id, String name, List<RuleForm> rules) {
    StringBuilder y = new StringBuilder();
    y.append("id: ").append(scalar(id)).append('\n');
    y.append("name: ").append(scalar(name)).append('\n');
    y.append("rules:\n");
    for (RuleForm r : rules) {
      y.append("  - id: ").append(scalar(r.getRuleId().strip())).append('\n');
      y.append("    name: ").append(scalar(r.getName().strip())).append('\n');
      if ("worker".equals(r.getScope())) {
        y.append("    scope: worker\n");
      } else if (!"case".equals(r.getScope()) && !r.getScope().isBlank()) {
        y.append("    scope: ").append(scalar(r.getScope())).append('\n');
      }
      boolean recurring = RuleForm.RECURRING.equals(r.getKind());
      boolean beforeDue = RuleForm.BEFORE_DUE.equals(r.getKind());
      if (!r.getAnchorType().isBlank()) {
        y.append("    anchor: ")
            .append(filter(r.getAnchorType(), r.getAnchorDetails(), r.getAnchorOther(), false))
            .append('\n');
      }
      if (!beforeDue && !r.getTargetType().isBlank()) {
        y.append("    target: ")
            .append(
                filter(
                    r.getTargetType(),
                    r.getTargetDetails(),
                    r.getTargetOther(),
                    r.isByRef() && RuleForm.AFTER.equals(r.getKind())))
            .append('\n');
      }
      String window =
          switch (r.getKind()) {
            case RuleForm.AFTER -> "within";
            case RuleForm.BEFORE_DUE -> "beforeDue";
            case RuleForm.RECURRING -> "every";
            default -> null;
          };
      if (window != null) {
        y.append("    ")
            .append(window)
            .append(": ")
            .append(window(r.getUnit(), r.getAmount()))
            .append('\n');
      }
      if (recurring && !r.getFirstAmount().isBlank()) {
        y.append("    first: ").append(window(r.getFirstUnit(), r.getFirstAmount())).append('\n');
      }
      if (!beforeDue && !r.getCaseTypes().isEmpty()) {
        y.append("    whileCaseType: ").append(list(r.getCaseTypes())).append('\n');
      }
      String goal = r.getGoal().strip();
      if (goal.endsWith("%")) {
        goal = goal.substring(0, goal.length() - 1).strip();
      }
      if (!goal.isEmpty()) {
        y.append("    goal: ").append(scalar(goal)).append('\n');
      }
    }
    return y.toString();
  }

  private static String filter(String type, List<String> ticked, String other, boolean byRef) {
    StringBuilder f = new StringBuilder("{type: ").append(scalar(type.strip()));
    List<String> details = RuleForm.details(ticked, other);
    if (!details.isEmpty()) {
      f.append(", detail: ").append(list(details));
    }
    if (byRef) {
      f.append(", ref: anchor");
    }
    return f.append('}').toString();
  }

  private static String window(String unit, String amount) {
    return "{" + scalar(unit.strip()) + ": " + scalar(amount.strip()) + "}";
  }

  private static String list(List<String> values) {
    return "[" + String.join(", ", values.stream().map(RuleSetDocument::scalar).toList()) + "]";
  }

  private static final Pattern PLAIN =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9 ._()/'-]*[A-Za-z0-9.)])?");
  private static final Set<String> RESERVED =
      Set.of("null", "true", "false", "yes", "no", "on", "off", "y", "n");

  /** A value as YAML: plain when it reads back as itself, else double-quoted. */
  static String scalar(String value) {
    if (PLAIN.matcher(value).matches() && !RESERVED.contains(value.toLowerCase(Locale.ROOT))) {
      return value;
    }
    return org.safeload.yaml.YamlText.quoted(value);
  }

  // --- problems back to the form ---------------------------------------------------------------

  private static final Pattern RULE = Pattern.compile("^rules\\[(\\d+)](?:\\.(.*))?$");

  /**
   * The core's problems with the rule at {@code index} as the rule form's fields and words, the
   * first for each field; problems elsewhere in the set (there should be none: the other rules were
   * read before) under "form".
   */
  static Map<String, String> ruleErrors(List<FieldProblem> problems, int index) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldProblem p : problems) {
      Matcher m = RULE.matcher(p.field());
      if (m.matches() && Integer.parseInt(m.group(1)) == index) {
        String path = m.group(2) == null ? "" : m.group(2);
        String field = ruleField(path, p.message());
        errors.putIfAbsent(field, ruleMessage(field, path, p.message()));
      } else {
        errors.putIfAbsent("form", where(p) + p.message());
      }
    }
    return errors;
  }

  /** The core's problems with a set's own fields (its id and name) as the set form's fields. */
  static Map<String, String> setErrors(List<FieldProblem> problems) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldProblem p : problems) {
      switch (p.field()) {
        case "id" ->
            errors.putIfAbsent(
                "setId", p.message().equals("is required") ? "Enter a short code" : p.message());
        case "name" ->
            errors.putIfAbsent(
                "setName",
                p.message().startsWith("is empty") ? "Enter the rule set's name" : p.message());
        default -> errors.putIfAbsent("form", where(p) + p.message());
      }
    }
    return errors;
  }

  private static String where(FieldProblem p) {
    return p.field().isEmpty() || p.field().equals("(document)") ? "" : p.field() + ": ";
  }

  private static String ruleField(String path, String message) {
    String head = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
    String rest = path.contains(".") ? path.substring(path.indexOf('.') + 1) : "";
    return switch (head) {
      case "id" -> "ruleId";
      case "name" -> "name";
      case "scope" -> "scope";
      case "goal" -> "goal";
      case "whileCaseType" -> "caseTypes";
      case "anchor" -> rest.startsWith("detail") ? "anchorOther" : "anchorType";
      case "target" ->
          rest.startsWith("detail")
              ? "targetOther"
              : rest.startsWith("ref") ? "byRef" : "targetType";
      case "within", "beforeDue", "every" ->
          message.startsWith("unknown field") || message.startsWith("give the length")
              ? "unit"
              : "amount";
      case "first" ->
          message.startsWith("unknown field") || message.startsWith("give the length")
              ? "firstUnit"
              : "firstAmount";
      default -> "kind";
    };
  }

  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("ruleId", "The short code"),
          Map.entry("name", "The name"),
          Map.entry("scope", "Who it is owed by"),
          Map.entry("goal", "The target"),
          Map.entry("caseTypes", "The case types"),
          Map.entry("anchorType", "The event that starts the clock"),
          Map.entry("anchorOther", "The other details"),
          Map.entry("targetType", "The event that must follow"),
          Map.entry("targetOther", "The other details"),
          Map.entry("byRef", "Referring to the starting event"),
          Map.entry("unit", "The unit"),
          Map.entry("amount", "The time limit"),
          Map.entry("firstUnit", "The unit of the first interval"),
          Map.entry("firstAmount", "The first interval"),
          Map.entry("kind", "The rule"));

  private static String ruleMessage(String field, String path, String message) {
    if (message.equals("is required")) {
      return switch (field) {
        case "ruleId" -> "Enter a short code for the KPI";
        case "name" -> "Enter the KPI's name";
        case "amount" -> "Enter the time limit";
        case "firstAmount" -> "Enter the first interval";
        case "anchorType" -> "Select the event that starts the clock";
        case "targetType" -> "Select the event that must follow";
        default -> LABELS.get(field) + " is required";
      };
    }
    if (message.startsWith("is required with")) {
      return field.equals("targetType")
          ? "Select the event that must follow"
          : "Select the event that starts the clock";
    }
    if (field.equals("caseTypes") && message.startsWith("a recurring case rule")) {
      return "Select the case types it applies to, or the event that starts it";
    }
    if (field.equals("unit") && path.startsWith("beforeDue")) {
      return "A time before a due date is counted in working days";
    }
    if (field.equals("name") && message.startsWith("is empty")) {
      return "Enter the KPI's name";
    }
    if (field.equals("ruleId") && message.startsWith("another rule has the id")) {
      return "Another KPI in this set has that short code: choose another";
    }
    if (field.equals("kind")) {
      return "Select how the KPI is measured";
    }
    return LABELS.get(field) + " " + message;
  }
}
