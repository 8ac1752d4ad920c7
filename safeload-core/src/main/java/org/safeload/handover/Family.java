package org.safeload.handover;

import java.util.List;
import java.util.Set;
import org.safeload.timeliness.CaseType;

/**
 * A family group of a {@link HandoverInstance}: cases that go to one receiver together.
 *
 * @param cases the indexes of its cases in the instance's cases, in input order
 * @param size how many cases
 * @param weight their weight together, in hundredths
 * @param types their case types
 * @param eligible the receivers (indexes, ascending) who may hold every case type and have room for
 *     the whole family under their caps
 * @param knows for each receiver, how many of the family's children know them
 * @param stage the stage (index into the plan's stage dates) on which the family moves
 */
record Family(
    List<Integer> cases,
    int size,
    long weight,
    Set<CaseType> types,
    int[] eligible,
    int[] knows,
    int stage) {

  /** Whether one of its children knows a receiver who may take the family. */
  boolean linked() {
    for (int r : eligible) {
      if (knows[r] > 0) {
        return true;
      }
    }
    return false;
  }
}
