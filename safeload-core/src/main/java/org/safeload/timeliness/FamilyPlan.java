package org.safeload.timeliness;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What happens to a family's cases in a generator with {@link EventGenerator.Options}, decided by
 * {@link FamilyPlanner} before any event is written: siblings share their team, worker and changes.
 * Workers are indexes into {@link EventGenerator.Options#staff()}, or -1 for none.
 */
final class FamilyPlan {

  /** A kind of change to a family's cases. */
  enum Kind {
    ASSESSED,
    STRATEGY,
    ICPC,
    TYPE,
    TRANSFER,
    ALLOCATE,
    STEP_DOWN,
    CLOSE,
    STEP_OUT
  }

  /** A change to a family's cases on a day; {@code worker} is an index into the staff, or -1. */
  record Change(LocalDate day, Kind kind, String team, int worker, CaseType type) {}

  /** The day of the referral (null: a case open before the period or taken over). */
  LocalDate referred;

  LocalDate decided;

  /** The day the first worker is allocated (null: the period's first working day). */
  LocalDate allocated;

  String team;
  int worker;
  CaseType type;

  /** The changes, in day order once the plan is made. */
  final List<Change> changes = new ArrayList<>();

  void add(LocalDate day, Kind kind, String team, int worker, CaseType type) {
    changes.add(new Change(day, kind, team, worker, type));
  }
}
