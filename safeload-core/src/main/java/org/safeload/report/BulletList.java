package org.safeload.report;

import java.util.List;

/** A bulleted list of plain-text items. */
public record BulletList(List<String> items) implements Block {

  public BulletList {
    items = List.copyOf(items); // refuses a null item
    if (items.isEmpty()) {
      throw new IllegalArgumentException("a bullet list needs at least one item");
    }
  }

  public static BulletList of(String... items) {
    return new BulletList(List.of(items));
  }
}
