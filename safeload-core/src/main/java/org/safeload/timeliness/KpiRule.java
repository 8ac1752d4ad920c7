package org.safeload.timeliness;

import java.math.BigDecimal;
import java.util.Set;

/**
 * One timeliness rule, as data (docs/timeliness.md).
 *
 * <ul>
 *   <li>{@link Kind#AFTER}: each {@code anchor} event must be followed, within the window, by a
 *       {@code target} event on the same case (or, with {@code byRef}, one that refers to it);
 *   <li>{@link Kind#BEFORE_DUE}: each {@code anchor} event (a submitted document) must come by the
 *       N-th working day before its due date;
 *   <li>{@link Kind#RECURRING}: while an obligation lasts (a case of given types, or a worker), a
 *       {@code target} is due every window after the last one (the first one after {@code first}
 *       from the start).
 * </ul>
 *
 * <p>{@code goal} is the share of items the council aims to have met on time, in percent (95 for
 * 95%), or {@code null} when the rule has none; it marks the target line on a trend chart and does
 * not change how items are counted.
 */
public record KpiRule(
    String id,
    String name,
    Kind kind,
    Filter anchor,
    Filter target,
    Window window,
    Window first,
    boolean byRef,
    Set<CaseType> whileCaseTypes,
    boolean perWorker,
    BigDecimal goal) {

  /** A rule without a goal. */
  public KpiRule(
      String id,
      String name,
      Kind kind,
      Filter anchor,
      Filter target,
      Window window,
      Window first,
      boolean byRef,
      Set<CaseType> whileCaseTypes,
      boolean perWorker) {
    this(id, name, kind, anchor, target, window, first, byRef, whileCaseTypes, perWorker, null);
  }

  /** The shape of a rule. */
  public enum Kind {
    AFTER,
    BEFORE_DUE,
    RECURRING
  }

  /** Events of a type, with one of these details (any detail when empty). */
  public record Filter(EventType type, Set<String> details) {}

  /** A length of time: working days, clock hours, calendar days, weeks or calendar months. */
  public record Window(Unit unit, int amount) {}

  /** Units of a window. */
  public enum Unit {
    WORKING_DAYS("workingDays"),
    HOURS("hours"),
    CALENDAR_DAYS("days"),
    WEEKS("weeks"),
    MONTHS("months");

    private final String key;

    Unit(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }
}
