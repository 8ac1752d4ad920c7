package org.safeload.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Labels and their values, such as "Decision maker: Director of Children's Services" (a GOV.UK
 * summary list in the preview).
 */
public record KeyValues(List<Entry> entries) implements Block {

  /** A label and its value, both plain text. */
  public record Entry(String label, String value) {
    public Entry {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(value, "value");
    }
  }

  public KeyValues {
    entries = List.copyOf(entries);
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("key values need at least one entry");
    }
  }

  /** Alternating labels and values: {@code of("Decision maker", "Jo Bloggs", "Date", "...")}. */
  public static KeyValues of(String... labelsAndValues) {
    if (labelsAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("labels and values come in pairs");
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < labelsAndValues.length; i += 2) {
      entries.add(new Entry(labelsAndValues[i], labelsAndValues[i + 1]));
    }
    return new KeyValues(entries);
  }
}
