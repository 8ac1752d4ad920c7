package org.safeload.app.money.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.app.platform.Show;
import org.safeload.document.FieldProblem;
import org.safeload.organisation.Role;

/**
 * The contract reader's problems (named by the document's fields, like {@code roster[0].count}) as
 * the GOV.UK error summary shows them: keyed by the form's box, in words ("Enter the start date",
 * "The rate on roster line 2 must be in pounds and pence..."), dates and roles written the way the
 * pages write them. Problems with parts the form does not show (a roster change outside new dates)
 * are listed as {@code contract}, {@code contract-2}...
 */
final class ContractFormErrors {

  private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)]\\.?(.*)");
  private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
  private static final Pattern ISO_MONTH = Pattern.compile("\\b(\\d{4})-(\\d{2})\\b");
  private static final Pattern CODE = Pattern.compile("\\b[a-z]+(-[a-z]+)+\\b");

  /** Problems with a whole part (no roster or team unit; a team of nobody): said as what to do. */
  private static final java.util.Set<String> WHOLE =
      java.util.Set.of("roster", "teamUnit.composition");

  private ContractFormErrors() {}

  /** What a box is called, in a sentence, and what to say when it is empty. */
  private record Target(String key, String label, String whenEmpty) {}

  /**
   * @param lineIndex the form line of each roster entry in the document
   * @param extensionIndex the form line of each extension entry in the document
   */
  static Map<String, String> of(
      InvalidInputException e,
      ContractForm form,
      List<Integer> lineIndex,
      List<Integer> extensionIndex,
      Show show) {
    Map<String, String> errors = new LinkedHashMap<>();
    int others = 0;
    for (FieldProblem p : e.problems()) {
      String field = p.field().startsWith("(") ? "" : p.field();
      String message = words(p.message(), show);
      Target target = target(field, form, lineIndex, extensionIndex);
      if (target == null) {
        others++;
        errors.put(
            others == 1 ? "contract" : "contract-" + others, describe(field) + ": " + message);
        continue;
      }
      String text;
      if (message.equals("is required") || WHOLE.contains(field)) {
        text = target.whenEmpty();
      } else if (message.startsWith("must be a date like")
          || message.startsWith("must be a month")) {
        text = target.label() + " must be a real date";
      } else if (message.startsWith("must ") || message.startsWith("is ")) {
        text = target.label() + " " + message;
      } else {
        text = target.label() + ": " + message;
      }
      errors.putIfAbsent(target.key(), text);
    }
    return errors;
  }

  private static Target target(
      String field, ContractForm form, List<Integer> lineIndex, List<Integer> extensionIndex) {
    switch (field) {
      case "id":
        return new Target("reference", "The contract reference", "Enter the contract reference");
      case "provider":
        return new Target("provider", "The provider", "Select the provider");
      case "team":
        return new Target("team", "The team", "Select the team");
      case "route":
        return new Target("route", "The procurement route", "Select the procurement route");
      case "justification":
        return new Target(
            "justification",
            "The justification",
            "Enter why the contract was awarded without competition");
      case "start":
        return new Target("start", "The start date", "Enter the start date");
      case "end":
        return new Target("end", "The end date", "Enter the end date");
      case "ceiling":
        return new Target("ceiling", "The ceiling", "Enter the ceiling");
      case "status":
        return new Target("status", "The status", "Select the status");
      case "roster":
        return form.perPerson()
            ? new Target(
                "lines-0-role",
                "The roster",
                "Enter at least one roster line: a role, the number of people and their rate")
            : new Target("unit-price", "The team unit", "Enter the price per team-week");
      case "teamUnit.pricePerTeamWeek":
        return new Target("unit-price", "The price per team-week", "Enter the price per team-week");
      case "teamUnit.teams":
        return new Target("unit-teams", "The number of teams", "Enter the number of teams");
      case "teamUnit.composition":
        return new Target(
            "composition-" + Role.values()[0].code(),
            "A team",
            "Enter how many people of each role make up a team");
      default:
        break;
    }
    if (field.startsWith("teamUnit.composition.")) {
      String code = field.substring("teamUnit.composition.".length());
      String label = Role.fromCode(code).map(Role::label).orElse(code);
      return new Target(
          "composition-" + code,
          label + " per team",
          "Enter the number of " + label.toLowerCase() + " per team");
    }
    Matcher m = INDEXED.matcher(field);
    if (!m.matches()) {
      return null;
    }
    int index = Integer.parseInt(m.group(2));
    String rest = m.group(3);
    if (m.group(1).equals("roster") && index < lineIndex.size()) {
      int n = lineIndex.get(index);
      String line = "roster line " + (n + 1);
      String id = "lines-" + n + "-";
      return switch (rest) {
        case "role" -> new Target(id + "role", "The role on " + line, "Select the role on " + line);
        case "count" ->
            new Target(
                id + "count",
                "The number of people on " + line,
                "Enter the number of people on " + line);
        case "rate.amount", "rate" ->
            new Target(id + "amount", "The rate on " + line, "Enter the rate on " + line);
        case "rate.per" ->
            new Target(
                id + "per",
                "What the rate on " + line + " is for",
                "Select what the rate on " + line + " is for");
        default -> null;
      };
    }
    if (m.group(1).equals("extensions") && index < extensionIndex.size()) {
      int n = extensionIndex.get(index);
      String option = "extension option " + (n + 1);
      String id = "extensions-" + n + "-";
      return switch (rest) {
        case "months" ->
            new Target(
                id + "months",
                "The length of " + option,
                "Enter the length of " + option + " in months");
        case "maxValue" ->
            new Target(
                id + "value",
                "The most " + option + " may cost",
                "Enter the most " + option + " may cost");
        case "decideBy" ->
            new Target(
                id + "decide-by",
                "The decision date of " + option,
                "Enter the date by which to decide on " + option);
        default -> null;
      };
    }
    return null;
  }

  /** A field the form does not show, in words: "Roster change 1 (from)". */
  private static String describe(String field) {
    if (field.isEmpty()) {
      return "The contract";
    }
    Matcher m = INDEXED.matcher(field);
    if (!m.matches()) {
      return "The contract's " + field;
    }
    String part =
        switch (m.group(1)) {
          case "changes" -> "Roster change";
          case "extras" -> "Extra cost";
          case "absences" -> "Absence";
          case "offsets" -> "Offset";
          case "actuals" -> "Invoice";
          case "roster" -> "Roster line";
          case "extensions" -> "Extension option";
          default -> m.group(1);
        };
    int n = Integer.parseInt(m.group(2)) + 1;
    return part + " " + n + (m.group(3).isEmpty() ? "" : " (" + m.group(3) + ")");
  }

  /** A reader's message with its ISO dates and months, and role codes, in words. */
  static String words(String message, Show show) {
    String text = replace(ISO_DATE, message, m -> show.date(LocalDate.parse(m.group())));
    text = replace(ISO_MONTH, text, m -> show.month(YearMonth.parse(m.group())));
    return replace(
        CODE,
        text,
        m -> Role.fromCode(m.group()).map(r -> r.label().toLowerCase()).orElse(m.group()));
  }

  private static String replace(
      Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      try {
        replacement = with.apply(m);
      } catch (RuntimeException e) {
        replacement = m.group();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
