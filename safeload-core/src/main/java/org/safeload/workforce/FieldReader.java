package org.safeload.workforce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.document.Coded;
import org.safeload.document.FieldProblem;

/**
 * Reads flat text fields (a form's boxes, an API's JSON keys) for the recruitment, placement and
 * sickness records: each problem is kept against its field's name, the first one per field.
 */
final class FieldReader {

  static final int MAX_TEXT = 200;

  private final Map<String, String> fields;
  final List<FieldProblem> problems = new ArrayList<>();

  FieldReader(Map<String, String> fields) {
    this.fields = fields == null ? Map.of() : fields;
  }

  String raw(String name) {
    String value = fields.get(name);
    return value == null ? "" : value.strip();
  }

  boolean has(String name) {
    return !raw(name).isEmpty();
  }

  void problem(String field, String message) {
    if (problems.stream().noneMatch(p -> p.field().equals(field))) {
      problems.add(FieldProblem.of(field, message));
    }
  }

  boolean failed(String field) {
    return problems.stream().anyMatch(p -> p.field().equals(field));
  }

  /** One line of text up to 200 characters, or null when empty. */
  String text(String name) {
    String value = raw(name);
    if (value.length() > MAX_TEXT) {
      problem(name, "Must be " + MAX_TEXT + " characters or fewer");
      return null;
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      problem(name, "Must be one line of text");
      return null;
    }
    return value.isEmpty() ? null : value;
  }

  String requiredText(String name, String whenMissing) {
    if (!has(name)) {
      problem(name, whenMissing);
      return null;
    }
    return text(name);
  }

  /** A code of a coded enum, or null (with a problem when given but unknown, or missing). */
  <E extends Enum<E> & Coded> E code(
      String name, Function<String, Optional<E>> fromCode, String whenMissing) {
    if (!has(name)) {
      problem(name, whenMissing);
      return null;
    }
    E value = fromCode.apply(raw(name)).orElse(null);
    if (value == null) {
      problem(name, whenMissing);
    }
    return value;
  }

  /** An ISO date within the working-day calendar's years, or null when empty. */
  LocalDate date(String name, String label) {
    String value = raw(name);
    if (value.isEmpty()) {
      return null;
    }
    try {
      LocalDate d = LocalDate.parse(value);
      if (d.getYear() < WorkingCalendar.FIRST_YEAR || d.getYear() > WorkingCalendar.LAST_YEAR) {
        problem(
            name,
            label
                + " must be between "
                + WorkingCalendar.FIRST_YEAR
                + " and "
                + WorkingCalendar.LAST_YEAR);
        return null;
      }
      return d;
    } catch (DateTimeParseException e) {
      problem(name, label + " must be a real date");
      return null;
    }
  }

  LocalDate requiredDate(String name, String label, String whenMissing) {
    if (!has(name)) {
      problem(name, whenMissing);
      return null;
    }
    return date(name, label);
  }

  /** A decimal number, or null when empty or not a number (with a problem). */
  BigDecimal number(String name, String whenNotANumber) {
    String value = raw(name);
    if (value.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      problem(name, whenNotANumber);
      return null;
    }
  }
}
