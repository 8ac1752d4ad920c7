package org.safeload.app.organisation;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Names the components that differ between two records: what the audit trail says changed. */
final class Changes {

  private Changes() {}

  static List<String> between(Record before, Record after) {
    List<String> changed = new ArrayList<>();
    for (RecordComponent component : before.getClass().getRecordComponents()) {
      try {
        Object a = component.getAccessor().invoke(before);
        Object b = component.getAccessor().invoke(after);
        boolean same =
            a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y
                ? x.compareTo(y) == 0
                : Objects.equals(a, b);
        if (!same) {
          changed.add(component.getName());
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return changed;
  }

  /**
   * What the audit trail says of an edit, in words: "Changed FTE and start date", or "Saved with no
   * changes".
   *
   * @param how how it was changed ("Changed", "Changed by import")
   */
  static String summary(String how, List<String> fields) {
    if (fields.isEmpty()) {
      return "Saved with no changes";
    }
    List<String> words = fields.stream().map(Changes::words).toList();
    String list =
        words.size() == 1
            ? words.getFirst()
            : String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.getLast();
    return how + " " + list;
  }

  /** A record component's name in words: "employmentType" is "employment type". */
  static String words(String field) {
    switch (field) {
      case "serviceId":
        return "service";
      case "providerId":
        return "provider";
      case "kind":
        return "kind of team";
      default:
        break;
    }
    for (org.safeload.organisation.WorkerField f : org.safeload.organisation.WorkerField.values()) {
      if (f.jsonName().equals(field)) {
        String label = f.label();
        boolean keep =
            label.startsWith("Social Work England")
                || (label.length() > 1 && Character.isUpperCase(label.charAt(1)));
        return keep ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
      }
    }
    return field.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.UK);
  }
}
