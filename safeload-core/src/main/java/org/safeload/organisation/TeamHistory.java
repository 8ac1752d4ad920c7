package org.safeload.organisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A worker's teams over time: which team on any date, and what a move changes. */
public final class TeamHistory {

  private static final java.time.format.DateTimeFormatter DATE =
      java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);

  private final List<Assignment> assignments;

  public TeamHistory(List<Assignment> assignments) {
    List<Assignment> sorted = new ArrayList<>(assignments);
    sorted.sort(Comparator.comparing(Assignment::from));
    for (int i = 1; i < sorted.size(); i++) {
      Assignment previous = sorted.get(i - 1);
      if (previous.to() == null || !previous.to().isBefore(sorted.get(i).from())) {
        throw new IllegalArgumentException("a worker's assignments overlap");
      }
    }
    this.assignments = List.copyOf(sorted);
  }

  public List<Assignment> assignments() {
    return assignments;
  }

  /** The team the worker belonged to on a date, if any. */
  public Optional<Long> teamOn(LocalDate date) {
    return assignments.stream().filter(a -> a.covers(date)).map(Assignment::teamId).findFirst();
  }

  /** The latest assignment, which is the current one if it has no end. */
  public Optional<Assignment> latest() {
    return assignments.isEmpty() ? Optional.empty() : Optional.of(assignments.getLast());
  }

  /**
   * The assignments after moving the worker to a team from a date: the open assignment ends the day
   * before, and a new one starts on the date.
   *
   * @throws IllegalArgumentException if the date is not after the start of the latest assignment,
   *     or the worker is already in that team
   */
  public TeamHistory moveTo(long workerId, long teamId, LocalDate from) {
    List<Assignment> next = new ArrayList<>(assignments);
    Optional<Assignment> latest = latest();
    if (latest.isPresent()) {
      Assignment current = latest.get();
      if (!from.isAfter(current.from())) {
        throw new IllegalArgumentException(
            "The move date must be after "
                + DATE.format(current.from())
                + ", when the current team began");
      }
      if (current.teamId() == teamId && (current.to() == null || !current.to().isBefore(from))) {
        throw new IllegalArgumentException("The worker is already in that team");
      }
      if (current.to() == null || !current.to().isBefore(from)) {
        next.set(
            next.size() - 1,
            new Assignment(
                current.workerId(), current.teamId(), current.from(), from.minusDays(1)));
      }
    }
    next.add(new Assignment(workerId, teamId, from, null));
    return new TeamHistory(next);
  }
}
