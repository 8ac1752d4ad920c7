package org.safeload.extract;

import java.util.List;

/**
 * What was read from one list (or file): its rows, how many were read, and every row skipped with
 * its reason; {@code used} is false for a list Safeload does not read (its rows are not counted).
 */
public record ListReport(
    String list,
    String sheet,
    boolean used,
    int rows,
    int read,
    List<String> skipped,
    List<String> notes) {

  public ListReport {
    skipped = List.copyOf(skipped);
    notes = List.copyOf(notes);
  }
}
