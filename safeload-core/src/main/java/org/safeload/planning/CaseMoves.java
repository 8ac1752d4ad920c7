package org.safeload.planning;

import java.util.EnumMap;
import java.util.Map;
import org.safeload.timeliness.CaseType;

/**
 * What happens to an open case in a month, by its type: the probability that it ends (closed, or
 * stepped down out of children's social care) and the probability that it changes to another type
 * and stays open (stepped down to a lower type, or moved up: an assessment becoming child in need
 * or child protection). Whatever is left is the probability that it stays open as it is. Read from
 * month-end states ({@link ProjectionHistory}): of the cases open with a type at the end of one
 * month, the share ended, or of another type, at the end of the next.
 *
 * @param exit the probability of ending within a month, by type (a type left out: 0)
 * @param change the probability of changing to another type within a month, by type and new type
 */
public record CaseMoves(Map<CaseType, Double> exit, Map<CaseType, Map<CaseType, Double>> change) {

  static final int TYPES = CaseType.values().length;

  public CaseMoves {
    exit = Map.copyOf(exit);
    Map<CaseType, Map<CaseType, Double>> copy = new EnumMap<>(CaseType.class);
    change.forEach((from, to) -> copy.put(from, Map.copyOf(to)));
    change = Map.copyOf(copy);
    for (CaseType type : CaseType.values()) {
      double sum = exit.getOrDefault(type, 0.0);
      check(sum, type + " exit");
      for (Map.Entry<CaseType, Double> e : change.getOrDefault(type, Map.of()).entrySet()) {
        if (e.getKey() == type) {
          throw new IllegalArgumentException("a case cannot change from " + type + " to itself");
        }
        check(e.getValue(), type + " to " + e.getKey());
        sum += e.getValue();
      }
      if (sum > 1 + 1e-9) {
        throw new IllegalArgumentException(
            "the probabilities for " + type.code() + " cases add up to more than 1 (" + sum + ")");
      }
    }
  }

  private static void check(double p, String what) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(what + ": a probability must be from 0 to 1, not " + p);
    }
  }

  /** Only exits, no changes of type. */
  public static CaseMoves exitsOnly(Map<CaseType, Double> exit) {
    return new CaseMoves(exit, Map.of());
  }

  /** The probability that a case of a type ends within a month. */
  public double exit(CaseType type) {
    return exit.getOrDefault(type, 0.0);
  }

  /** The probability that a case of type {@code from} is of type {@code to} a month later. */
  public double change(CaseType from, CaseType to) {
    return change.getOrDefault(from, Map.of()).getOrDefault(to, 0.0);
  }

  /**
   * The outcomes as a table: row {@code from}, column {@code to} for a new type and column {@link
   * #TYPES} for ending (the diagonal is 0: staying is what is left).
   */
  double[][] table() {
    double[][] p = new double[TYPES][TYPES + 1];
    for (CaseType from : CaseType.values()) {
      for (CaseType to : CaseType.values()) {
        p[from.ordinal()][to.ordinal()] = change(from, to);
      }
      p[from.ordinal()][TYPES] = exit(from);
    }
    return p;
  }
}
