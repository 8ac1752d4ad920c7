package org.safeload.app.annexa;

import java.time.LocalDate;

/**
 * A worker or team the workbook names, and the one Safeload holds by the same name (spaces made
 * single, non-breaking ones too, and case ignored).
 *
 * @param ref the workbook's id for it ({@code W1}, {@code T1}: the order it first appears)
 * @param name the name as the workbook has it, spaces made single
 * @param cases how many of the workbook's cases it holds
 * @param storedId the worker or team of that name in Safeload; null when there is none, or more
 *     than one ({@code sameName})
 * @param storedName that worker's or team's name as Safeload has it
 * @param sameName how many workers or teams in Safeload have the name (more than one: the user
 *     chooses)
 * @param teamRef a worker's team in the workbook (its {@code ref}), from the first case allocated
 *     to them; null for a team, or a worker with no team
 * @param from a worker's first allocation in the workbook (the start date offered for a new
 *     worker); null for a team
 */
public record NameMatch(
    String ref,
    String name,
    long cases,
    Long storedId,
    String storedName,
    int sameName,
    String teamRef,
    LocalDate from,
    java.util.List<String> sameAs) {

  public NameMatch {
    sameAs = java.util.List.copyOf(sameAs);
  }

  /** The workbook's ids for the name: its own and {@link #sameAs()}. */
  public java.util.List<String> refs() {
    java.util.List<String> refs = new java.util.ArrayList<>();
    refs.add(ref);
    refs.addAll(sameAs);
    return refs;
  }

  public boolean matched() {
    return storedId != null;
  }
}
