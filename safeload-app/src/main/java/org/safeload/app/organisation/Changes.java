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

  static String summary(String what, List<String> fields) {
    return fields.isEmpty() ? what + ": nothing changed" : what + ": " + String.join(", ", fields);
  }
}
