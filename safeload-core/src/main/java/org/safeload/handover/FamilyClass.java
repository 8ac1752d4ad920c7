package org.safeload.handover;

import java.util.ArrayList;
import java.util.List;

/**
 * Families interchangeable for the maximum: same size, weight, eligible receivers and stage. The
 * models count how many of a class go to each receiver instead of naming the families, which
 * removes their symmetry ({@link ClassCounts} turns counts back into a family-by-family plan).
 */
final class FamilyClass {
  final int size;
  final long weight;

  /** Receiver indexes, ascending (in the extra-worker model, possibly the virtual worker last). */
  final int[] eligible;

  /** The families of the class (indexes into the instance's families), in input order. */
  final List<Integer> families = new ArrayList<>();

  /** The stage its families move on (index into the plan's stage dates). */
  final int stage;

  FamilyClass(int size, long weight, int[] eligible) {
    this(size, weight, eligible, 0);
  }

  FamilyClass(int size, long weight, int[] eligible, int stage) {
    this.stage = stage;
    this.size = size;
    this.weight = weight;
    this.eligible = eligible;
  }
}
